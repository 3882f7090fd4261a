import { randomUUID } from 'node:crypto';
import { managerOf } from '@majlis/persistence';
import { startDomain, type DomainHarness } from '@majlis/testing';
import { type Actor, Role } from '../identity';
import { MeetingKind, MeetingService } from '../meetings';
import { PartnershipService } from '../partnership';
import { ProposalCategory, ProposalService } from '../proposals';
import { BallotService } from '../voting';
import { AccountsService } from './accounts.service';
import { BoardSeatService } from './board-seat.service';

const today = (): string => new Date().toISOString().slice(0, 10);
/** `days` days after a YYYY-MM-DD day. */
const daysAfter = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('BoardSeatService', () => {
  let domain: DomainHarness;
  let seats: BoardSeatService;
  let accounts: AccountsService;
  let admin: Actor;

  beforeAll(async () => {
    domain = await startDomain();
    seats = domain.get(BoardSeatService);
    accounts = domain.get(AccountsService);
    admin = await domain.actor('admin@demo.majlis');
  });

  afterAll(() => domain?.close());

  const personId = async (email: string): Promise<string> => (await domain.actor(email)).personId;
  const rolesOf = async (id: string): Promise<Role[]> => (await accounts.person(admin, id)).roles;
  const cityId = async (code: string): Promise<string> => {
    const cities = await domain.get(PartnershipService).memberCities(admin);
    const city = cities.find((c) => c.code === code);
    if (city === undefined) throw new Error(`no city ${code}`);
    return city.id;
  };

  /** A Dammam proposal through review, on the annual meeting's agenda, with its ballot open. */
  const openBallot = async (title: string): Promise<string> => {
    const delegate = await domain.actor('delegate.dammam@demo.majlis');
    const secretariat = await domain.actor('secretariat@demo.majlis');
    const proposals = domain.get(ProposalService);
    let proposal = await proposals.create(delegate, { category: ProposalCategory.PROGRAMME, title: { en: title } });
    for (const [actor, event] of [
      [delegate, 'SUBMIT'],
      [secretariat, 'START_REVIEW'],
      [secretariat, 'ACCEPT'],
    ] as const)
      proposal = await proposals.transition(actor, proposal.id, { event, expectedVersion: proposal.version });
    const meetings = await domain.get(MeetingService).list(secretariat, { kind: MeetingKind.ANNUAL }, {});
    const ballots = domain.get(BallotService);
    await ballots.schedule(secretariat, proposal.id, meetings.items[0].id);
    return (await ballots.open(secretariat, proposal.id, { quorum: 0, majority: 'SIMPLE' }, null)).id;
  };

  describe('end', () => {
    it('a seat ending on a later day keeps its holder a board member through that day; the next day the role goes', async () => {
      const calgary = await personId('board.calgary@demo.majlis');
      const seat = (await seats.boardSeats(admin, true)).find((entry) => entry.holderId === calgary);
      if (seat === undefined) throw new Error('no current seat for board.calgary');
      const endsOn = daysAfter(today(), 10);

      const ended = await seats.end(admin, seat.id, endsOn);
      expect(ended.endsOn).toBe(endsOn);
      expect((await seats.boardSeats(admin, true)).map((current) => current.id)).toContain(seat.id);
      expect(await rolesOf(calgary)).toEqual([Role.BOARD_MEMBER]);
      // Until the end day, and on it, the term is current: the hourly run leaves the role.
      expect(await seats.applyEndedTerms(today())).not.toContain(calgary);
      expect(await seats.applyEndedTerms(endsOn)).not.toContain(calgary);
      expect(await rolesOf(calgary)).toEqual([Role.BOARD_MEMBER]);
      const ballotId = await openBallot('Voted by a seat that ends in ten days');
      await domain
        .get(BallotService)
        .castVote(await domain.actor('board.calgary@demo.majlis'), ballotId, 'YES', randomUUID());

      // The day after, the role goes, once, audited as the board term's end; the vote cast stays.
      const after = daysAfter(endsOn, 1);
      expect(await seats.applyEndedTerms(after)).toContain(calgary);
      expect(await seats.applyEndedTerms(after)).toEqual([]);
      expect(await rolesOf(calgary)).toEqual([]);
      const audit = await domain.unitOfWork.run(
        (tx) =>
          managerOf(tx).query(
            `SELECT actor_id, payload FROM audit_entry WHERE entity_id = $1 AND action = 'person.updated' ORDER BY seq`,
            [calgary],
          ) as Promise<Array<{ actor_id: string | null; payload: { reason?: string; roles?: string } }>>,
      );
      expect(audit.at(-1)).toEqual({ actor_id: null, payload: { roles: '', reason: 'board seat ended' } });
    });
  });

  describe('assign', () => {
    it('a seat passed from a later day leaves the former holder a board member until the new term begins', async () => {
      const former = await personId('board.houston@demo.majlis');
      const startsOn = daysAfter(today(), 5);
      await seats.assign(admin, {
        memberCityId: await cityId('houston'),
        personId: await personId('delegate.houston@demo.majlis'),
        startsOn,
      });
      // The former term ends the day before the new one starts: current until then, role kept.
      expect(await rolesOf(former)).toEqual([Role.BOARD_MEMBER]);
      expect(await seats.applyEndedTerms(daysAfter(startsOn, -1))).not.toContain(former);
      expect(await seats.applyEndedTerms(startsOn)).toContain(former);
      expect(await rolesOf(former)).toEqual([]);
    });
  });
});
