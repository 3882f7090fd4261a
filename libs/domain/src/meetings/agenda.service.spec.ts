import { fieldWords } from '@majlis/language';
import { managerOf } from '@majlis/persistence';
import { startDomain, type DomainHarness, refusal } from '@majlis/testing';
import type { Actor } from '../identity';
import { PartnershipService } from '../partnership';
import { AgendaItemKind, AgendaPresenter } from './agenda-item.entity';
import { AgendaService, type AddAgendaItemInput } from './agenda.service';
import { DelegationService } from './delegation.service';
import { MeetingKind } from './meeting.entity';
import { MeetingService } from './meeting.service';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

interface AgendaEntry {
  id: string;
  number: string;
  parentId: string | null;
  position: number;
  title: string;
}

/** Every parent's children are numbered 0..n-1 exactly once. */
function expectDense(items: AgendaEntry[]): void {
  const byParent = new Map<string | null, number[]>();
  for (const item of items) byParent.set(item.parentId, [...(byParent.get(item.parentId) ?? []), item.position]);
  for (const positions of byParent.values())
    expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, index) => index));
}

describe(AgendaService.name, () => {
  let domain: DomainHarness;
  let agenda: AgendaService;
  let meetings: MeetingService;
  let secretariat: Actor;
  let houstonId: string;
  let dammamId: string;

  beforeAll(async () => {
    domain = await startDomain();
    agenda = domain.get(AgendaService);
    meetings = domain.get(MeetingService);
    secretariat = await domain.actor('secretariat@demo.majlis');
    const cities = await domain.get(PartnershipService).memberCities(secretariat);
    houstonId = cities.find((city) => city.code === 'houston')!.id;
    dammamId = cities.find((city) => city.code === 'dammam')!.id;
  });

  afterAll(() => domain?.close());

  const newMeeting = async (title = 'Board meeting'): Promise<string> =>
    (
      await meetings.create(secretariat, {
        kind: MeetingKind.BOARD,
        title: { en: title },
        hostCityId: houstonId,
        startsAt: new Date('2027-06-01T09:00:00-05:00'),
        endsAt: new Date('2027-06-01T17:00:00-05:00'),
      })
    ).id;

  const addItem = async (meetingId: string, title: string, extra: Partial<AddAgendaItemInput> = {}): Promise<string> =>
    (await agenda.add(secretariat, { meetingId, kind: AgendaItemKind.DISCUSSION, title: { en: title }, ...extra })).id;

  /** The agenda in reading order, numbered as the API numbers it (a fresh read, as a new request makes). */
  const agendaOf = async (meetingId: string): Promise<AgendaEntry[]> => {
    const tree = await meetings.loaders().agendaOf(meetingId);
    return tree.ordered.map((item) => ({
      id: item.id,
      number: tree.numberOf(item.id),
      parentId: item.parentId,
      position: item.position,
      title: item.title.en ?? item.title.ar ?? '',
    }));
  };

  describe('add, move and remove', () => {
    it('adds items at the end or at a position, nested under sections, numbered in reading order', async () => {
      const meetingId = await newMeeting();
      const section = await addItem(meetingId, 'Section', { kind: AgendaItemKind.SECTION });
      await addItem(meetingId, 'B', { parentId: section });
      await addItem(meetingId, 'A', { parentId: section, position: 0 });
      await addItem(meetingId, 'Last');
      await addItem(meetingId, 'First', { position: 0 });
      const items = await agendaOf(meetingId);
      expect(items.map((item) => [item.number, item.title])).toEqual([
        ['1', 'First'],
        ['2', 'Section'],
        ['2.1', 'A'],
        ['2.2', 'B'],
        ['3', 'Last'],
      ]);
      expectDense(items);
    });

    it('moves an item with its sub-items to another parent and closes the gap it leaves', async () => {
      const meetingId = await newMeeting();
      const first = await addItem(meetingId, 'One', { kind: AgendaItemKind.SECTION });
      await addItem(meetingId, 'One.a', { parentId: first });
      const second = await addItem(meetingId, 'Two', { kind: AgendaItemKind.SECTION });
      await addItem(meetingId, 'Three');
      const moved = await agenda.move(secretariat, first, second, 0);
      expect(moved).toMatchObject({ id: first, parentId: second, position: 0 });
      const items = await agendaOf(meetingId);
      expect(items.find((item) => item.id === first)?.number).toBe('1.1');
      expect(items.map((item) => [item.number, item.title])).toEqual([
        ['1', 'Two'],
        ['1.1', 'One'],
        ['1.1.1', 'One.a'],
        ['2', 'Three'],
      ]);
      expectDense(items);
    });

    it('moves an item within its siblings', async () => {
      const meetingId = await newMeeting();
      const ids = [await addItem(meetingId, 'a'), await addItem(meetingId, 'b'), await addItem(meetingId, 'c')];
      await agenda.move(secretariat, ids[0], null, 2);
      expect((await agendaOf(meetingId)).map((item) => item.title)).toEqual(['b', 'c', 'a']);
      await agenda.move(secretariat, ids[2], null, 0);
      expect((await agendaOf(meetingId)).map((item) => item.title)).toEqual(['c', 'b', 'a']);
    });

    it('updates an item’s text, minutes and presenter', async () => {
      const meetingId = await newMeeting();
      const id = await addItem(meetingId, 'Before');
      const updated = await agenda.update(secretariat, id, {
        title: { ar: 'بعد' },
        plannedMinutes: 30,
        presenter: AgendaPresenter.SECRETARIAT,
      });
      expect(updated).toMatchObject({ title: { ar: 'بعد' }, plannedMinutes: 30, presenter: 'SECRETARIAT' });
      expect((await agendaOf(meetingId)).map((item) => item.title)).toEqual(['بعد']);
    });

    it('removes an item with its sub-items and renumbers the rest', async () => {
      const meetingId = await newMeeting();
      await addItem(meetingId, 'Keep 1');
      const gone = await addItem(meetingId, 'Gone', { kind: AgendaItemKind.SECTION });
      await addItem(meetingId, 'Gone too', { parentId: gone });
      await addItem(meetingId, 'Keep 2');
      await agenda.remove(secretariat, gone);
      const items = await agendaOf(meetingId);
      expect(items.map((item) => [item.number, item.title])).toEqual([
        ['1', 'Keep 1'],
        ['2', 'Keep 2'],
      ]);
      expectDense(items);
    });
  });

  describe('refusals', () => {
    it('refuses bad moves, naming the field, and changes nothing', async () => {
      const meetingId = await newMeeting();
      const section = await addItem(meetingId, 'Section', { kind: AgendaItemKind.SECTION });
      const child = await addItem(meetingId, 'Child', { parentId: section });
      const grandchild = await addItem(meetingId, 'Grandchild', { parentId: child });
      const elsewhere = await addItem(await newMeeting('Another'), 'Elsewhere');
      const before = await agendaOf(meetingId);
      const cases: Array<[[string, string | null, number], string, string]> = [
        [[section, section, 0], 'BAD_USER_INPUT', 'parentId'],
        [[section, grandchild, 0], 'BAD_USER_INPUT', 'parentId'],
        [[child, elsewhere, 0], 'BAD_USER_INPUT', 'parentId'],
        [[child, null, 5], 'BAD_USER_INPUT', 'position'],
        [[child, null, -1], 'BAD_USER_INPUT', 'position'],
        [[child, NO_SUCH_ID, 0], 'NOT_FOUND', 'parentId'],
        [[NO_SUCH_ID, null, 0], 'NOT_FOUND', 'id'],
      ];
      for (const [[id, parentId, position], code, field] of cases) {
        const error = await refusal(agenda.move(secretariat, id, parentId, position));
        expect([error.code, error.field]).toEqual([code, field]);
        // The field named in words; a record missing by its own id is named by its kind instead.
        expect(error.localizedMessage('en')).toMatch(
          field === 'id' ? /^There is no agenda item with the id / : new RegExp(`^${fieldWords('en', field)}: `),
        );
      }
      expect(await agendaOf(meetingId)).toEqual(before);
    });

    it('refuses bad items: empty titles, out-of-range minutes, a presenter from another meeting', async () => {
      const meetingId = await newMeeting();
      const otherMeeting = await newMeeting('Other');
      const member = await domain
        .get(DelegationService)
        .addMember(secretariat, { meetingId: otherMeeting, memberCityId: dammamId, name: { ar: 'عضو' } });
      const cases: Array<[Partial<AddAgendaItemInput>, string, string]> = [
        [{ title: { ar: '', en: ' ' } }, 'BAD_USER_INPUT', 'title'],
        [{ description: { en: 'x'.repeat(4001) } }, 'BAD_USER_INPUT', 'description.en'],
        [{ plannedMinutes: 0 }, 'BAD_USER_INPUT', 'plannedMinutes'],
        [{ plannedMinutes: 1441 }, 'BAD_USER_INPUT', 'plannedMinutes'],
        [{ presenter: AgendaPresenter.DELEGATION }, 'BAD_USER_INPUT', 'presenterDelegationId'],
        [{ presenterDelegationId: member.delegationId }, 'BAD_USER_INPUT', 'presenterDelegationId'],
        [{ proposalId: NO_SUCH_ID }, 'NOT_FOUND', 'proposalId'],
        [{ meetingId: NO_SUCH_ID }, 'NOT_FOUND', 'meetingId'],
      ];
      for (const [change, code, field] of cases) {
        const error = await refusal(
          agenda.add(secretariat, { meetingId, kind: AgendaItemKind.DECISION, title: { en: 'Item' }, ...change }),
        );
        expect([error.code, error.field]).toEqual([code, field]);
      }
      expect(await agendaOf(meetingId)).toEqual([]);
    });
  });

  describe('at once', () => {
    it('keeps positions dense and unique under concurrent adds and moves', async () => {
      const meetingId = await newMeeting('Busy');
      const sections = [
        await addItem(meetingId, 'S1', { kind: AgendaItemKind.SECTION }),
        await addItem(meetingId, 'S2', { kind: AgendaItemKind.SECTION }),
      ];
      const items: string[] = [];
      for (let index = 0; index < 12; index += 1)
        items.push(await addItem(meetingId, `Item ${index}`, { parentId: sections[index % 2] }));
      const results = await Promise.allSettled([
        ...items.map((id, index) =>
          agenda.move(secretariat, id, index % 3 === 0 ? null : sections[(index + 1) % 2], 0),
        ),
        ...Array.from({ length: 8 }, (_, index) =>
          addItem(meetingId, `Added ${index}`, { parentId: sections[index % 2], position: 0 }),
        ),
      ]);
      expect(results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []))).toEqual([]);
      const all = await agendaOf(meetingId);
      expect(all).toHaveLength(2 + 12 + 8);
      expectDense(all);
      const duplicates: unknown[] = await domain.unitOfWork.run((tx) =>
        managerOf(tx).query(
          `SELECT parent_id, position, count(*) FROM agenda_item WHERE meeting_id = $1 GROUP BY 1, 2 HAVING count(*) > 1`,
          [meetingId],
        ),
      );
      expect(duplicates).toEqual([]);
    });
  });
});
