import { randomUUID } from 'node:crypto';
import { actionWords } from '@majlis/language';
import { startDomain, type DomainHarness } from '@majlis/testing';
import type { VoteChoice } from '@majlis/workflow';
import { AuditService } from '../audit';
import type { Actor } from '../identity';
import { MeetingKind, MeetingService } from '../meetings';
import { ProposalCategory, ProposalService } from '../proposals';
import { BallotService, type BallotRulesInput, type VoteAnswer } from './ballot.service';

const BOARD = ['dammam', 'houston', 'aberdeen', 'stavanger', 'calgary', 'perth', 'portharcourt'] as const;
type BoardCity = (typeof BOARD)[number];
const HOUR = 3_600_000;

describe(BallotService.name, () => {
  let domain: DomainHarness;
  let ballots: BallotService;
  let proposals: ProposalService;
  let audit: AuditService;
  let secretariat: Actor;
  let dammam: Actor;
  const board = new Map<BoardCity, Actor>();
  let houstonMeetingId: string;

  beforeAll(async () => {
    domain = await startDomain();
    ballots = domain.get(BallotService);
    proposals = domain.get(ProposalService);
    audit = domain.get(AuditService);
    secretariat = await domain.actor('secretariat@demo.majlis');
    dammam = await domain.actor('delegate.dammam@demo.majlis');
    for (const city of BOARD) board.set(city, await domain.actor(`board.${city}@demo.majlis`));
    const meetings = await domain.get(MeetingService).list(secretariat, { kind: MeetingKind.ANNUAL }, {});
    houstonMeetingId = meetings.items[0].id;
  });

  afterAll(() => domain?.close());

  const member = (city: BoardCity): Actor => board.get(city)!;
  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => domain.query<T[]>(sql, parameters);

  /** A new Dammam proposal taken through review (with a round of changes, if asked) and scheduled in Houston. */
  const scheduled = async (title: string, withChanges = false): Promise<string> => {
    const { id } = await proposals.create(dammam, { category: ProposalCategory.PROGRAMME, title: { en: title } });
    let version = 1;
    const step = async (actor: Actor, event: string, comment?: string): Promise<void> => {
      version = (await proposals.transition(actor, id, { event, expectedVersion: version, comment })).version;
    };
    await step(dammam, 'SUBMIT');
    await step(secretariat, 'START_REVIEW');
    if (withChanges) {
      await step(secretariat, 'REQUEST_CHANGES', 'Name the partner universities.');
      version = (
        await proposals.saveDraft(dammam, id, { title: { en: 'With partner universities' }, expectedVersion: version })
      ).version;
      await step(dammam, 'SUBMIT');
      await step(secretariat, 'START_REVIEW');
    }
    await step(secretariat, 'ACCEPT');
    expect((await ballots.schedule(secretariat, id, houstonMeetingId)).state).toBe('scheduled');
    return id;
  };

  const open = async (proposalId: string, rules: BallotRulesInput, closesAt: Date | null = null): Promise<string> =>
    (await ballots.open(secretariat, proposalId, rules, closesAt)).id;
  const vote = (actor: Actor, ballotId: string, choice: VoteChoice, key = randomUUID()): Promise<VoteAnswer> =>
    ballots.castVote(actor, ballotId, choice, key);
  /** What `actor` sees of the ballot, as the `ballot(id)` query reads it. */
  const seen = async (actor: Actor, ballotId: string) => {
    const ballot = await ballots.ballot(actor, ballotId);
    return {
      state: ballot.state,
      result: ballot.result,
      progress: await ballots.view(actor, ballot, ballots.loaders()),
    };
  };
  /** The proposal's state and version, and its latest ballot, as the secretariat sees them. */
  const proposalOf = async (proposalId: string) => {
    const proposal = await proposals.proposal(secretariat, proposalId);
    const ballot = await ballots.loaders().latestOf(proposalId);
    return {
      state: proposal.state,
      version: proposal.version,
      ballot: ballot === null ? null : { id: ballot.id, state: ballot.state, result: ballot.result },
    };
  };

  describe('schedule', () => {
    it('refuses SCHEDULE, OPEN_VOTE and DEFER sent on their own: only their operations add the agenda item and run the ballot', async () => {
      const proposalId = await scheduled('Shortcuts');
      // Nobody votes, so the close finds no quorum and defers it: the one way a vote under way is deferred.
      const ballotId = await open(proposalId, { quorum: 1, majority: 'SIMPLE' });
      const before = await proposalOf(proposalId);
      expect(before).toMatchObject({ state: 'voting', ballot: { state: 'open' } });
      for (const [event, operation] of [
        ['DEFER', 'cancelBallot'],
        ['SCHEDULE', 'scheduleProposal'],
        ['OPEN_VOTE', 'openBallot'],
      ] as const) {
        const refusal = proposals.transition(secretariat, proposalId, { event, expectedVersion: before.version });
        // The operation to use, named in words: "… use the operation to cancel this ballot …".
        await expect(refusal).rejects.toMatchObject({
          code: 'INVALID_TRANSITION',
          message: expect.stringContaining(actionWords(operation, 'en')),
        });
      }
      expect(await proposalOf(proposalId)).toEqual(before);
      await ballots.close(secretariat, ballotId);
      expect(await proposalOf(proposalId)).toMatchObject({ state: 'deferred', ballot: { state: 'closed' } });
    });
  });

  describe('open', () => {
    it('refuses bad ballots and votes', async () => {
      const draft = await proposals.create(dammam, { category: ProposalCategory.OTHER, title: { en: 'Draft' } });
      await expect(
        ballots.open(secretariat, draft.id, { quorum: 0.5, majority: 'SIMPLE' }, null),
      ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      const proposalId = await scheduled('Bad rules');
      await expect(
        ballots.open(secretariat, proposalId, { quorum: 1.5, majority: 'SIMPLE' }, null),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'rules.quorum' });
      const past = ballots.open(secretariat, proposalId, { quorum: 0.5, majority: 'SIMPLE' }, new Date('2020-01-01'));
      await expect(past).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      const ballotId = await open(proposalId, { quorum: 0.5, majority: 'SIMPLE' });
      await expect(vote(secretariat, ballotId, 'YES')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const reused = randomUUID();
      await vote(member('calgary'), ballotId, 'YES', reused);
      const other = await open(await scheduled('Other ballot'), { quorum: 0, majority: 'SIMPLE' });
      await expect(vote(member('calgary'), other, 'YES', reused)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'idempotencyKey',
      });
      await expect(vote(member('calgary'), randomUUID(), 'YES')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it("leaves a transition row, an audit entry and its event for a ballot's open and close", async () => {
      const ballotId = await open(await scheduled('Transitions of a ballot'), { quorum: 0, majority: 'SIMPLE' });
      await vote(member('perth'), ballotId, 'YES');
      await ballots.close(secretariat, ballotId);
      const secretariatId = secretariat.personId;
      expect(
        await query(
          `SELECT from_state AS "from", to_state AS "to", event, version, actor_id AS actor
             FROM workflow_transition WHERE entity_type = 'ballot' AND entity_id = $1 ORDER BY version`,
          [ballotId],
        ),
      ).toEqual([
        { from: 'pending', to: 'open', event: 'OPEN', version: 2, actor: secretariatId },
        { from: 'open', to: 'closed', event: 'CLOSE', version: 3, actor: secretariatId },
      ]);
      const trail = await audit.trail(secretariat, 'ballot', ballotId);
      expect(trail.filter((entry) => entry.action === 'transition').map((entry) => entry.payload.event)).toEqual([
        'OPEN',
        'CLOSE',
      ]);
      const events = await query<{ topic: string; payload: Record<string, unknown> }>(
        `SELECT topic, payload FROM outbox_message WHERE payload->>'ballotId' = $1 ORDER BY created_at`,
        [ballotId],
      );
      expect(events.map((event) => event.topic)).toEqual(['ballot.opened', 'ballot.closed']);
      expect(events[0].payload).toEqual({
        entityType: 'ballot',
        entityId: ballotId,
        actorId: secretariatId,
        ballotId,
        proposalId: expect.any(String),
        eligible: expect.any(Number),
        recused: 0,
        quorum: 0,
        majority: 'SIMPLE',
        secret: false,
        closesAt: null,
        from: 'pending',
        to: 'open',
        event: 'OPEN',
        version: 2,
      });
      expect(events[1].payload).toMatchObject({
        ballotId,
        result: 'passed',
        eligible: events[0].payload.eligible,
        cast: 1,
        yes: 1,
        no: 0,
        abstain: 0,
        decidedByChair: false,
        reason: 'secretariat',
        from: 'open',
        to: 'closed',
        event: 'CLOSE',
        version: 3,
      });
      expect(await audit.verify()).toMatchObject({ ok: true });
    });
  });

  describe('declareConflict', () => {
    it('leaves out a member who declared a conflict, and refuses their vote', async () => {
      const proposalId = await scheduled('Conflicted');
      await ballots.declareConflict(member('houston'), proposalId, 'Houston hosts it');
      const ballotId = await open(proposalId, { quorum: 0, majority: 'SIMPLE' });
      await expect(vote(member('houston'), ballotId, 'YES')).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
      expect((await seen(member('houston'), ballotId)).progress).toMatchObject({ eligible: 6, eligibleToVote: false });
    });
  });

  describe('castVote', () => {
    it('answers a replayed idempotency key as the first time, and stores one vote', async () => {
      const ballotId = await open(await scheduled('Replayed'), { quorum: 0, majority: 'SIMPLE' });
      const key = randomUUID();
      const first = await vote(member('perth'), ballotId, 'YES', key);
      const answers: VoteAnswer[] = [];
      for (let batch = 0; batch < 20; batch += 1)
        answers.push(
          ...(await Promise.all(
            Array.from({ length: 50 }, (_, i) => vote(member('perth'), ballotId, i % 2 === 0 ? 'NO' : 'YES', key)),
          )),
        );
      expect(answers).toHaveLength(1000);
      expect(answers.every((answer) => JSON.stringify(answer) === JSON.stringify(first))).toBe(true);
      const [counts] = await query<{ votes: number; receipts: number }>(
        `SELECT (SELECT count(*)::int FROM vote WHERE ballot_id = $1) AS votes,
                (SELECT count(*)::int FROM vote_receipt WHERE ballot_id = $1) AS receipts`,
        [ballotId],
      );
      expect(counts).toEqual({ votes: 1, receipts: 1 });
    });
  });

  describe('view', () => {
    it('never shows who chose what on a secret ballot, even after it closes', async () => {
      const ballotId = await open(await scheduled('Secret'), { quorum: 0, majority: 'SIMPLE', secret: true });
      await vote(member('dammam'), ballotId, 'NO');
      expect((await seen(secretariat, ballotId)).progress).toMatchObject({ tally: null, votes: null });
      await ballots.close(secretariat, ballotId);
      expect(await seen(secretariat, ballotId)).toMatchObject({
        result: 'failed',
        progress: { tally: { yes: 0, no: 1, abstain: 0 }, votes: null },
      });
      const trail = await audit.trail(secretariat, 'ballot', ballotId);
      expect(
        trail.filter((entry) => entry.action === 'vote.cast').map((entry) => ({ payload: entry.payload })),
      ).toEqual([{ payload: { secret: true } }]);
    });
  });

  describe('closeDue', () => {
    it('defers a proposal whose ballot closes without quorum at its deadline', async () => {
      const proposalId = await scheduled('Deadline');
      const closesAt = new Date(Date.now() + HOUR);
      const ballotId = await open(proposalId, { quorum: 1, majority: 'SIMPLE' }, closesAt);
      await vote(member('dammam'), ballotId, 'YES');
      // The deadline job, run when it is due.
      await ballots.closeDue(ballotId, new Date(closesAt.getTime() + 1_000));
      expect((await seen(secretariat, ballotId)).state).toBe('closed');
      expect(await proposalOf(proposalId)).toMatchObject({ state: 'deferred', ballot: { result: 'noQuorum' } });
    });
  });
});
