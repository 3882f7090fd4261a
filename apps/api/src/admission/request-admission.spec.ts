import { RequestAdmission } from './request-admission';

const settled = async (admitted: Promise<boolean>): Promise<boolean | 'waiting'> =>
  Promise.race([admitted, new Promise<'waiting'>((resolve) => setImmediate(() => resolve('waiting')))]);

describe(RequestAdmission.name, () => {
  describe('enter', () => {
    it('admits up to maxActive at once, lines up maxWaiting more and refuses the rest', async () => {
      const admission = new RequestAdmission({ maxActive: 2, maxWaiting: 1 });
      const [first, second, third] = [admission.enter()!, admission.enter()!, admission.enter()!];
      expect(await settled(first.admitted)).toBe(true);
      expect(await settled(second.admitted)).toBe(true);
      expect(await settled(third.admitted)).toBe('waiting');
      expect(admission.enter()).toBeNull();
    });

    it('hands a finished turn to the first in line, in arrival order', async () => {
      const admission = new RequestAdmission({ maxActive: 1, maxWaiting: 2 });
      const running = admission.enter()!;
      const [next, last] = [admission.enter()!, admission.enter()!];
      running.leave();
      expect(await settled(next.admitted)).toBe(true);
      expect(await settled(last.admitted)).toBe('waiting');
      next.leave();
      expect(await settled(last.admitted)).toBe(true);
      last.leave();
      expect(await settled(admission.enter()!.admitted)).toBe(true);
    });

    it('lets a request that leaves the line go without taking a turn, and counts a leave once', async () => {
      const admission = new RequestAdmission({ maxActive: 1, maxWaiting: 1 });
      const running = admission.enter()!;
      const gaveUp = admission.enter()!;
      gaveUp.leave();
      expect(await gaveUp.admitted).toBe(false);
      const next = admission.enter()!;
      running.leave();
      running.leave();
      expect(await settled(next.admitted)).toBe(true);
      // The double leave freed no second turn.
      expect(await settled(admission.enter()!.admitted)).toBe('waiting');
    });
  });
});
