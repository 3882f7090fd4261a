import { ItemFigures, rolledUpProgress, trackStatus, weightedProgress } from './roll-up';

const item = (
  id: string,
  parentId: string | null,
  progress: number,
  weight: number | null = null,
  rest: Partial<ItemFigures> = {},
): ItemFigures => ({
  id,
  parentId,
  progress,
  weight,
  state: 'inProgress',
  startDate: '2026-01-01',
  dueDate: '2026-12-31',
  ...rest,
});

describe(rolledUpProgress.name, () => {
  it('is the plain mean of the children without weights', () => {
    const result = rolledUpProgress([item('p', null, 0), item('a', 'p', 10), item('b', 'p', 40)]);
    expect(result.get('p')).toBe(25);
    expect(result.get('a')).toBe(10);
  });

  it('weighs children by their weights, a missing weight counting as 1', () => {
    const result = rolledUpProgress([
      item('p', null, 0),
      item('a', 'p', 100, 3),
      item('b', 'p', 0, 1),
      item('c', 'p', 50),
    ]);
    // (3·100 + 1·0 + 1·50) / 5 = 70
    expect(result.get('p')).toBe(70);
  });

  it('rolls nested levels up from the leaves exactly, rounding only at the end', () => {
    // m = (0 + 1) / 2 = 0.5 (shown as 1); root = (0.5 + 0) / 2 = 0.25 → 0. Rounding m first would give 1.
    const result = rolledUpProgress([
      item('root', null, 0),
      item('m', 'root', 0),
      item('a', 'm', 0),
      item('b', 'm', 1),
      item('c', 'root', 0),
    ]);
    expect([result.get('m'), result.get('root')]).toEqual([1, 0]);
    // Three levels with weights: x = (2·40 + 1·100) / 3 = 60; r = (3·60 + 1·20) / 4 = 50.
    const three = rolledUpProgress([
      item('r', null, 0),
      item('x', 'r', 0, 3),
      item('y', 'x', 40, 2),
      item('z', 'x', 100),
      item('w', 'r', 20),
    ]);
    expect([three.get('x'), three.get('r')]).toEqual([60, 50]);
  });

  it('leaves cancelled children out, and keeps a parent whose children are all cancelled', () => {
    const result = rolledUpProgress([
      item('p', null, 0),
      item('a', 'p', 80),
      item('b', 'p', 0, 5, { state: 'cancelled' }),
      item('q', null, 30),
      item('c', 'q', 90, null, { state: 'cancelled' }),
    ]);
    expect([result.get('p'), result.get('q')]).toEqual([80, 30]);
  });
});

describe(weightedProgress.name, () => {
  it('weighs the top level and ignores cancelled items', () => {
    const items = [item('a', null, 100, 1), item('b', null, 0, 3), item('c', null, 50, 10, { state: 'cancelled' })];
    expect(weightedProgress(items, (i) => i.progress)).toBe(25);
  });
});

describe(trackStatus.name, () => {
  const today = '2026-07-01';
  it('is late when an open item is past its due date', () => {
    expect(trackStatus([item('a', null, 90, null, { dueDate: '2026-06-30' })], today)).toBe('late');
    expect(trackStatus([item('a', null, 100, null, { dueDate: '2026-06-30', state: 'done' })], today)).toBe('onTrack');
  });

  it('is at risk when an item is blocked or more than 25 points behind its schedule', () => {
    expect(trackStatus([item('a', null, 60, null, { state: 'blocked' })], today)).toBe('atRisk');
    // Half the year gone (~50 %): 20 % done is 30 points behind, 30 % is 20 points behind.
    expect(trackStatus([item('a', null, 20)], today)).toBe('atRisk');
    expect(trackStatus([item('a', null, 30)], today)).toBe('onTrack');
  });
});
