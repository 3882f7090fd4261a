import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import {
  Actor,
  auditHash,
  AuditService,
  BallotService,
  GENESIS_HASH,
  MeetingKind,
  MeetingService,
  ProposalCategory,
  ProposalService,
  Role,
} from '@majlis/domain';
import { DomainError, ErrorCode } from '@majlis/language';
import {
  countVotes,
  maySend,
  nextState,
  type BallotResult,
  type MajorityRule,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalState,
  type StepResult,
  type VoteChoice,
  type VoteRules,
  type VoteTally,
} from '@majlis/workflow';
import { ApiHarness, startApi } from './api-harness';

/**
 * A model-based test of the proposal and ballot lifecycle: fast-check generates sequences of operations by
 * several roles (mostly the valid next step, some at random), runs each through the domain services on one
 * database, predicts from a model whether it is accepted (and with which code it is refused), and checks the
 * invariants after every operation. MAJLIS_MODEL_RUNS sets the number of sequences, MAJLIS_MODEL_SEED
 * replays one run, MAJLIS_MODEL_TRACE=1 prints each operation and its outcome.
 */
const RUNS = Number(process.env.MAJLIS_MODEL_RUNS ?? 1000);
const SEED = process.env.MAJLIS_MODEL_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.MAJLIS_MODEL_SEED);

type Who = 'head' | 'delegate' | 'otherDelegate' | 'secretariat' | 'observer' | `board${number}`;
const PEOPLE: Record<Exclude<Who, `board${number}`>, string> = {
  head: 'delegate.dammam@demo.majlis',
  delegate: 'model.delegate.dammam@demo.majlis',
  otherDelegate: 'delegate.houston@demo.majlis',
  secretariat: 'secretariat@demo.majlis',
  observer: 'observer.dammam@demo.majlis',
};
const TERMINAL: readonly ProposalState[] = ['approved', 'rejected', 'withdrawn'];
const OPEN_FOR_CONFLICTS: readonly ProposalState[] = ['readyForBoard', 'scheduled', 'voting', 'deferred'];
const RESULT_EVENT = { passed: 'BALLOT_PASSED', failed: 'BALLOT_FAILED', noQuorum: 'BALLOT_NO_QUORUM' } as const;
const RANDOM_EVENTS: readonly ProposalEventType[] = [
  'SUBMIT',
  'START_REVIEW',
  'REQUEST_CHANGES',
  'ACCEPT',
  'WITHDRAW',
  'SCHEDULE',
  'OPEN_VOTE',
  'DEFER',
  'BALLOT_PASSED',
];
const OWN_OPERATIONS: readonly ProposalEventType[] = ['SCHEDULE', 'OPEN_VOTE', 'DEFER'];

interface BallotModel {
  id: string;
  open: boolean;
  /** Cancelled by the secretariat (its proposal deferred), rather than closed with a result. */
  cancelled: boolean;
  rules: VoteRules;
  eligible: Map<string, boolean>;
  votes: Map<string, VoteChoice>;
  /** Each voter's idempotency keys on this ballot and the choice each first answered. */
  keys: Map<string, Map<string, VoteChoice>>;
}

interface ProposalModel {
  id: string;
  ownerCityId: string;
  state: ProposalState;
  version: number;
  revisionCount: number;
  submitted: boolean;
  conflicts: Set<string>;
  ballots: BallotModel[];
}

interface Model {
  proposals: ProposalModel[];
}

type Prediction = { ok: true } | { ok: false; code: ErrorCode };

interface Operation {
  label: string;
  predicted: Prediction;
  perform(): Promise<unknown>;
  /** Updates the model after the operation was accepted. */
  apply(result: unknown): void;
}

/** What fast-check generates: numbers the model turns into an operation when the command runs. */
interface Intent {
  random: boolean;
  roll: number;
  pick: number;
  who: number;
  event: number;
  stale: boolean;
  choice: VoteChoice;
  reuseKey: boolean;
  rules: { quorum: number; majority: MajorityRule; abstentions: boolean; chair: boolean; secret: boolean };
}

describe('the proposal and ballot lifecycle against its model', () => {
  let api: ApiHarness;
  let dataSource: DataSource;
  let proposals: ProposalService;
  let ballots: BallotService;
  let meetingId: string;
  const actors = new Map<Who, Actor>();
  let board: Array<{ who: Who; personId: string; isChair: boolean }>;
  const tally = { accepted: 0, refused: 0, operations: new Map<string, { accepted: number; refused: number }>() };
  const timing = { perform: 0, check: 0 };
  let lastSeq = 0n;
  let lastHash = GENESIS_HASH;

  const actor = (who: Who): Actor => actors.get(who)!;
  const ok = (): Prediction => ({ ok: true });
  const refused = (code: ErrorCode): Prediction => ({ ok: false, code });
  const canSee = (who: Who, proposal: ProposalModel): boolean =>
    proposal.submitted || who === 'secretariat' || actor(who).memberCityId === proposal.ownerCityId;
  const owns = (who: Who, proposal: ProposalModel): boolean => actor(who).memberCityId === proposal.ownerCityId;
  const policyOf = (who: Who, proposal: ProposalModel) => ({
    roles: actor(who).roles,
    ownsEntity: owns(who, proposal),
    isHeadOfDelegation: actor(who).isHeadOfDelegation,
  });
  const hasRole = (who: Who, role: Role): boolean => actor(who).roles.includes(role);
  const openBallotOf = (proposal: ProposalModel): BallotModel | undefined => proposal.ballots.find((b) => b.open);
  const latestBallotOf = (proposal: ProposalModel): BallotModel | undefined => proposal.ballots.at(-1);

  beforeAll(async () => {
    api = await startApi({ workersInApi: false });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    proposals = api.app.get(ProposalService);
    ballots = api.app.get(BallotService);
    // A second Dammam delegate who is not the head of delegation.
    await dataSource.query(
      `INSERT INTO person (email, password_hash, name, preferred_locale, roles, member_city_id, is_head_of_delegation)
       SELECT $1, password_hash, name, preferred_locale, roles, member_city_id, false FROM person WHERE email = $2`,
      [PEOPLE.delegate, PEOPLE.head],
    );
    const rows = await dataSource.query<
      Array<{
        id: string;
        email: string;
        roles: string;
        member_city_id: string | null;
        head: boolean;
        chair: boolean | null;
      }>
    >(
      `SELECT p.id, p.email, p.roles::text AS roles, p.member_city_id, p.is_head_of_delegation AS head, s.is_chair AS chair
         FROM person p LEFT JOIN board_seat s ON s.holder_id = p.id AND p.active
        ORDER BY p.email`,
    );
    const toActor = (row: (typeof rows)[number]): Actor => ({
      personId: row.id,
      roles: row.roles.replace(/[{}]/g, '').split(',').filter(Boolean) as Role[],
      memberCityId: row.member_city_id,
      isHeadOfDelegation: row.head,
      locale: 'en',
    });
    for (const [who, email] of Object.entries(PEOPLE))
      actors.set(who as Who, toActor(rows.find((r) => r.email === email)!));
    board = rows
      .filter((row) => row.chair !== null)
      .map((row, index) => {
        actors.set(`board${index}`, toActor(row));
        return { who: `board${index}` as Who, personId: row.id, isChair: row.chair === true };
      });
    expect(board.length).toBeGreaterThanOrEqual(5);
    const city = actor('head').memberCityId!;
    const meeting = await api.app.get(MeetingService).create(actor('secretariat'), {
      kind: MeetingKind.BOARD,
      title: { en: 'Model board meeting' },
      hostCityId: city,
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      endsAt: new Date(Date.now() + 30 * 86_400_000 + 3_600_000),
    });
    meetingId = meeting.id;
    await verifyNewAuditRows();
  });

  afterAll(async () => {
    await api?.close();
  });

  /** The audit rows added since the last check: contiguous, each linked to the one before, each hash right. */
  async function verifyNewAuditRows(): Promise<void> {
    const rows = await dataSource.query<
      Array<{
        seq: string;
        entity_type: string;
        entity_id: string;
        action: string;
        actor_id: string | null;
        payload: unknown;
        recorded_at: Date;
        previous_hash: string;
        hash: string;
      }>
    >(`SELECT * FROM audit_entry WHERE seq > $1 ORDER BY seq`, [lastSeq.toString()]);
    for (const row of rows) {
      expect({ seq: row.seq, previous: row.previous_hash }).toEqual({
        seq: (lastSeq + 1n).toString(),
        previous: lastHash,
      });
      const hash = auditHash({
        seq: row.seq,
        entityType: row.entity_type,
        entityId: row.entity_id,
        action: row.action,
        actorId: row.actor_id,
        payload: row.payload,
        recordedAt: new Date(row.recorded_at),
        previousHash: row.previous_hash,
      });
      expect({ seq: row.seq, hash: row.hash }).toEqual({ seq: row.seq, hash });
      lastSeq = BigInt(row.seq);
      lastHash = row.hash;
    }
  }

  /** Every invariant over the sequence's proposals and ballots, and the model agreeing with the database. */
  /** A proposal with its transitions, ballots, voters and votes, in one statement. */
  interface StoredProposal {
    id: string;
    state: ProposalState;
    version: number;
    submitted: boolean;
    steps: Array<{ from: string; to: string; event: string; comment: string | null }>;
    ballots: Array<{
      id: string;
      state: string;
      rules: VoteRules;
      openedAt: string | null;
      closedAt: string | null;
      result: BallotResult | null;
      tally: VoteTally | null;
      byChair: boolean;
      voters: Array<[string, boolean]>;
      votes: Array<[string, VoteChoice]>;
    }>;
  }

  const STORED = `
    SELECT p.id, p.state, p.version, p.submitted_at IS NOT NULL AS submitted,
      (SELECT coalesce(json_agg(json_build_object('from', t.from_state, 'to', t.to_state, 'event', t.event,
                'comment', t.payload->>'comment') ORDER BY t.created_at, t.version), '[]')
         FROM workflow_transition t WHERE t.entity_type = 'proposal' AND t.entity_id = p.id) AS steps,
      (SELECT coalesce(json_agg(json_build_object('id', b.id, 'state', b.state, 'rules', b.rules,
                'openedAt', b.opened_at, 'closedAt', b.closed_at, 'result', b.result, 'tally', b.tally,
                'byChair', b.decided_by_chair,
                'voters', (SELECT coalesce(json_agg(json_build_array(v.person_id, v.is_chair)), '[]')
                             FROM ballot_voter v WHERE v.ballot_id = b.id),
                'votes', (SELECT coalesce(json_agg(json_build_array(x.voter_id, x.choice) ORDER BY x.cast_at), '[]')
                            FROM vote x WHERE x.ballot_id = b.id))), '[]')
         FROM ballot b WHERE b.proposal_id = p.id) AS ballots
      FROM proposal p WHERE p.id = ANY($1)`;

  /** Every invariant over the sequence's proposals and ballots, and the model agreeing with the database. */
  async function checkInvariants(model: Model): Promise<void> {
    const ids = model.proposals.map((proposal) => proposal.id);
    const rows = ids.length === 0 ? [] : await dataSource.query<StoredProposal[]>(STORED, [ids]);
    for (const proposal of model.proposals) {
      const row = rows.find((candidate) => candidate.id === proposal.id)!;
      // The stored state is the replay of its transition rows through the pure machine.
      let replayed: ProposalState = 'draft';
      for (const step of row.steps) {
        expect({ id: proposal.id, from: step.from }).toEqual({ id: proposal.id, from: replayed });
        const event = { type: step.event, comment: step.comment ?? '' } as ProposalEvent;
        const next: StepResult<'proposal'> = nextState('proposal', replayed, event, {
          revisionCount: proposal.revisionCount,
        });
        expect({ id: proposal.id, event: step.event, ok: next.ok }).toEqual({
          id: proposal.id,
          event: step.event,
          ok: true,
        });
        if (next.ok) replayed = next.state;
        expect(step.to).toBe(replayed);
      }
      expect({ id: proposal.id, state: row.state, version: row.version, submitted: row.submitted }).toEqual({
        id: proposal.id,
        state: replayed,
        version: proposal.version,
        submitted: proposal.submitted,
      });
      expect(row.state).toBe(proposal.state);

      expect(row.ballots.length).toBe(proposal.ballots.length);
      expect(row.ballots.filter((ballot) => ballot.state === 'open').length).toBe(proposal.state === 'voting' ? 1 : 0);
      for (const ballot of row.ballots) {
        const modelled = proposal.ballots.find((candidate) => candidate.id === ballot.id)!;
        // The counted vote of each member is the last one answered to them; the eligible are the model's.
        expect(new Map(ballot.votes)).toEqual(modelled.votes);
        expect(new Map(ballot.voters)).toEqual(modelled.eligible);
        expect(ballot.openedAt).not.toBeNull();
        if (ballot.state === 'open') {
          expect({ closedAt: ballot.closedAt, result: ballot.result, tally: ballot.tally }).toEqual({
            closedAt: null,
            result: null,
            tally: null,
          });
        } else if (modelled.cancelled) {
          expect({
            state: ballot.state,
            closedAt: ballot.closedAt,
            result: ballot.result,
            tally: ballot.tally,
          }).toEqual({
            state: 'cancelled',
            closedAt: null,
            result: null,
            tally: null,
          });
        } else {
          expect(ballot.state).toBe('closed');
          expect(Date.parse(ballot.closedAt!)).toBeGreaterThanOrEqual(Date.parse(ballot.openedAt!));
          // The frozen result is the pure count of the vote rows under the ballot's rules.
          const count = countVotes({
            rules: ballot.rules,
            eligible: ballot.voters.map(([voterId, isChair]) => ({ voterId, isChair })),
            votes: ballot.votes.map(([voterId, choice]) => ({ voterId, choice })),
          });
          expect({ result: ballot.result, tally: ballot.tally, byChair: ballot.byChair }).toEqual({
            result: count.result,
            tally: count.tally,
            byChair: count.decidedByChair,
          });
        }
      }
    }
    await verifyNewAuditRows();
  }

  // The operations, each with what the model predicts.

  function create(who: Who, model: Model): Operation {
    const predicted = !hasRole(who, Role.DELEGATE) || actor(who).memberCityId === null ? refused('FORBIDDEN') : ok();
    return {
      label: `create by ${who}`,
      predicted,
      perform: () =>
        proposals.create(actor(who), {
          category: ProposalCategory.PROGRAMME,
          title: { en: `Model proposal ${randomUUID()}` },
          meetingId,
        }),
      apply: (result) => {
        const created = result as { id: string; version: number };
        model.proposals.push({
          id: created.id,
          ownerCityId: actor(who).memberCityId!,
          state: 'draft',
          version: created.version,
          revisionCount: 1,
          submitted: false,
          conflicts: new Set(),
          ballots: [],
        });
      },
    };
  }

  function save(who: Who, proposal: ProposalModel, stale: boolean): Operation {
    const predicted = !hasRole(who, Role.DELEGATE)
      ? refused('FORBIDDEN')
      : !canSee(who, proposal)
        ? refused('NOT_FOUND')
        : !owns(who, proposal)
          ? refused('FORBIDDEN')
          : !['draft', 'changesRequested'].includes(proposal.state)
            ? refused('INVALID_TRANSITION')
            : stale
              ? refused('VERSION_CONFLICT')
              : ok();
    return {
      label: `save ${proposal.state} by ${who}${stale ? ' (stale)' : ''}`,
      predicted,
      perform: () =>
        proposals.saveDraft(actor(who), proposal.id, {
          title: { ar: `مقترح ${randomUUID()}` },
          expectedVersion: stale ? proposal.version - 1 : proposal.version,
        }),
      apply: () => {
        proposal.version += 1;
        proposal.revisionCount += 1;
      },
    };
  }

  function transition(
    who: Who,
    proposal: ProposalModel,
    type: ProposalEventType,
    stale: boolean,
    blank = false,
  ): Operation {
    const comment = type === 'REQUEST_CHANGES' && !blank ? 'Add the budget, please.' : null;
    const event = (type === 'REQUEST_CHANGES' ? { type, comment: comment ?? '' } : { type }) as ProposalEvent;
    const step = nextState('proposal', proposal.state, event, { revisionCount: proposal.revisionCount });
    const predicted = !canSee(who, proposal)
      ? refused('NOT_FOUND')
      : // Scheduling, opening the vote and deferring it have their own operations (agenda item, ballot).
        OWN_OPERATIONS.includes(type)
        ? refused('INVALID_TRANSITION')
        : !maySend('proposal', type, policyOf(who, proposal))
          ? refused('FORBIDDEN')
          : !step.ok
            ? refused(step.guard === 'hasComment' ? 'BAD_USER_INPUT' : 'INVALID_TRANSITION')
            : stale
              ? refused('VERSION_CONFLICT')
              : ok();
    return {
      label: `${type} on ${proposal.state} by ${who}${stale ? ' (stale)' : ''}`,
      predicted,
      perform: () =>
        proposals.transition(actor(who), proposal.id, {
          event: type,
          expectedVersion: stale ? proposal.version + 1 : proposal.version,
          comment,
        }),
      apply: () => {
        if (step.ok) proposal.state = step.state;
        proposal.version += 1;
        if (type === 'SUBMIT') proposal.submitted = true;
      },
    };
  }

  function schedule(who: Who, proposal: ProposalModel): Operation {
    const step = nextState('proposal', proposal.state, { type: 'SCHEDULE' });
    const predicted = who !== 'secretariat' ? refused('FORBIDDEN') : step.ok ? ok() : refused('INVALID_TRANSITION');
    return {
      label: `schedule ${proposal.state} by ${who}`,
      predicted,
      perform: () => ballots.schedule(actor(who), proposal.id, meetingId),
      apply: () => {
        proposal.state = 'scheduled';
        proposal.version += 1;
      },
    };
  }

  function open(who: Who, proposal: ProposalModel, intent: Intent): Operation {
    const rules: VoteRules = {
      quorum: intent.rules.quorum,
      majority: intent.rules.majority,
      abstentionsCountAsCast: intent.rules.abstentions,
      tieBreak: intent.rules.chair ? 'CHAIR' : 'NONE',
      secret: intent.rules.secret,
    };
    const predicted =
      who !== 'secretariat'
        ? refused('FORBIDDEN')
        : rules.quorum > 1
          ? refused('BAD_USER_INPUT')
          : proposal.state !== 'scheduled'
            ? refused('INVALID_TRANSITION')
            : ok();
    return {
      label: `open ballot on ${proposal.state} by ${who}`,
      predicted,
      perform: () => ballots.open(actor(who), proposal.id, rules, null),
      apply: (result) => {
        proposal.state = 'voting';
        proposal.version += 1;
        const eligible = new Map(
          board.filter((seat) => !proposal.conflicts.has(seat.personId)).map((seat) => [seat.personId, seat.isChair]),
        );
        proposal.ballots.push({
          id: (result as { id: string }).id,
          open: true,
          cancelled: false,
          rules,
          eligible,
          votes: new Map(),
          keys: new Map(),
        });
      },
    };
  }

  function vote(
    who: Who,
    proposal: ProposalModel,
    ballot: BallotModel,
    choice: VoteChoice,
    reuseKey: boolean,
  ): Operation {
    const voterId = actor(who).personId;
    const keys = ballot.keys.get(voterId) ?? new Map<string, VoteChoice>();
    const reused = reuseKey && keys.size > 0 ? [...keys.keys()][0] : undefined;
    const key = reused ?? randomUUID();
    const predicted = !hasRole(who, Role.BOARD_MEMBER)
      ? refused('FORBIDDEN')
      : reused !== undefined
        ? ok()
        : !ballot.open
          ? refused('BALLOT_CLOSED')
          : !ballot.eligible.has(voterId)
            ? refused('NOT_ELIGIBLE')
            : ok();
    return {
      label: `vote ${choice}${reused === undefined ? '' : ' (retry)'} on ${ballot.open ? 'open' : 'closed'} ballot by ${who}`,
      predicted,
      perform: () => ballots.castVote(actor(who), ballot.id, choice, key),
      apply: (result) => {
        // A retry answers as the first time, whatever it carries, and changes nothing.
        expect((result as { choice: VoteChoice }).choice).toBe(reused === undefined ? choice : keys.get(reused));
        if (reused !== undefined) return;
        ballot.votes.set(voterId, choice);
        keys.set(key, choice);
        ballot.keys.set(voterId, keys);
      },
    };
  }

  function declareConflict(who: Who, proposal: ProposalModel): Operation {
    const personId = actor(who).personId;
    const open = openBallotOf(proposal);
    const predicted = !hasRole(who, Role.BOARD_MEMBER)
      ? refused('FORBIDDEN')
      : !canSee(who, proposal)
        ? refused('NOT_FOUND')
        : !OPEN_FOR_CONFLICTS.includes(proposal.state)
          ? refused('INVALID_TRANSITION')
          : open?.votes.has(personId)
            ? refused('INVALID_TRANSITION')
            : ok();
    return {
      label: `conflict on ${proposal.state} by ${who}`,
      predicted,
      perform: () => ballots.declareConflict(actor(who), proposal.id, 'I advise a party to this proposal.'),
      apply: () => {
        proposal.conflicts.add(personId);
        open?.eligible.delete(personId);
      },
    };
  }

  function close(who: Who, proposal: ProposalModel, ballot: BallotModel): Operation {
    const predicted = who !== 'secretariat' ? refused('FORBIDDEN') : !ballot.open ? refused('BALLOT_CLOSED') : ok();
    return {
      label: `close ${ballot.open ? 'open' : 'closed'} ballot by ${who}`,
      predicted,
      perform: () => ballots.close(actor(who), ballot.id),
      apply: () => {
        const count = countVotes({
          rules: ballot.rules,
          eligible: [...ballot.eligible].map(([voterId, isChair]) => ({ voterId, isChair })),
          votes: [...ballot.votes].map(([voterId, choice]) => ({ voterId, choice })),
        });
        const step = nextState('proposal', proposal.state, { type: RESULT_EVENT[count.result] });
        expect(step.ok).toBe(true);
        if (step.ok) proposal.state = step.state;
        proposal.version += 1;
        ballot.open = false;
      },
    };
  }

  function cancel(who: Who, proposal: ProposalModel, ballot: BallotModel): Operation {
    const predicted = who !== 'secretariat' ? refused('FORBIDDEN') : !ballot.open ? refused('BALLOT_CLOSED') : ok();
    return {
      label: `cancel ${ballot.open ? 'open' : 'closed'} ballot by ${who}`,
      predicted,
      perform: () => ballots.cancel(actor(who), ballot.id, 'Put to the vote too early.'),
      apply: () => {
        const step = nextState('proposal', proposal.state, { type: 'DEFER' });
        expect(step.ok).toBe(true);
        if (step.ok) proposal.state = step.state;
        proposal.version += 1;
        ballot.open = false;
        ballot.cancelled = true;
      },
    };
  }

  const pickOf = <T>(items: readonly T[], at: number): T => items[Math.floor(at * items.length) % items.length];
  const owningDelegate = (intent: Intent): Who => (intent.who % 2 === 0 ? 'head' : 'delegate');
  const boardMember = (intent: Intent): Who => pickOf(board, intent.pick).who;

  /** Mostly the valid next step of a proposal still under way, by the person who would take it. */
  function nextStep(model: Model, intent: Intent): Operation {
    const live = model.proposals.filter((proposal) => !TERMINAL.includes(proposal.state));
    if (live.length === 0 || intent.roll < 0.04) return create(owningDelegate(intent), model);
    const proposal = pickOf(live, intent.pick);
    const roll = intent.roll;
    switch (proposal.state) {
      case 'draft':
      case 'changesRequested':
        if (roll < 0.3) return save(owningDelegate(intent), proposal, false);
        if (roll < 0.95) return transition(owningDelegate(intent), proposal, 'SUBMIT', false);
        return transition('head', proposal, 'WITHDRAW', false);
      case 'submitted':
        return roll < 0.95
          ? transition('secretariat', proposal, 'START_REVIEW', false)
          : transition('head', proposal, 'WITHDRAW', false);
      case 'inReview':
        if (roll < 0.65) return transition('secretariat', proposal, 'ACCEPT', false);
        if (roll < 0.95) return transition('secretariat', proposal, 'REQUEST_CHANGES', false);
        return transition('head', proposal, 'WITHDRAW', false);
      case 'readyForBoard':
      case 'deferred':
        if (roll < 0.85) return schedule('secretariat', proposal);
        if (roll < 0.95) return declareConflict(boardMember(intent), proposal);
        return transition('head', proposal, 'WITHDRAW', false);
      case 'scheduled':
        if (roll < 0.85)
          return open('secretariat', proposal, {
            ...intent,
            rules: { ...intent.rules, quorum: Math.min(1, intent.rules.quorum) },
          });
        if (roll < 0.95) return declareConflict(boardMember(intent), proposal);
        return transition('head', proposal, 'WITHDRAW', false);
      case 'voting': {
        const ballot = openBallotOf(proposal)!;
        const yetToVote = board.filter(
          (seat) => ballot.eligible.has(seat.personId) && !ballot.votes.has(seat.personId),
        );
        if (roll < 0.08) return cancel('secretariat', proposal, ballot);
        if (roll < 0.22 || (yetToVote.length === 0 && roll < 0.6)) return close('secretariat', proposal, ballot);
        if (roll < 0.27 && yetToVote.length > 0) return declareConflict(pickOf(yetToVote, intent.pick).who, proposal);
        const voter = yetToVote.length > 0 && roll < 0.8 ? pickOf(yetToVote, intent.pick).who : boardMember(intent);
        return vote(voter, proposal, ballot, intent.choice, intent.reuseKey);
      }
      case 'approved':
      case 'rejected':
      case 'withdrawn':
        return create(owningDelegate(intent), model);
    }
  }

  const EVERYONE = (): Who[] => [...(Object.keys(PEOPLE) as Who[]), ...board.map((seat) => seat.who)];

  /** Any operation by anyone on any proposal of the sequence: refusals the model must predict too. */
  function anyStep(model: Model, intent: Intent): Operation {
    const who = pickOf(EVERYONE(), (intent.who % 97) / 97);
    if (model.proposals.length === 0) return create(who, model);
    const proposal = pickOf(model.proposals, intent.pick);
    const ballot = latestBallotOf(proposal);
    switch (Math.floor(intent.roll * 8)) {
      case 0:
        return save(who, proposal, intent.stale);
      case 1:
        return transition(
          who,
          proposal,
          pickOf(RANDOM_EVENTS, (intent.event % 89) / 89),
          intent.stale,
          intent.choice === 'NO',
        );
      case 2:
        return schedule(who, proposal);
      case 3:
        return open(who, proposal, intent);
      case 4:
        return ballot === undefined
          ? declareConflict(who, proposal)
          : vote(who, proposal, ballot, intent.choice, intent.reuseKey);
      case 5:
        return declareConflict(who, proposal);
      case 6:
        return ballot === undefined ? create(who, model) : cancel(who, proposal, ballot);
      default:
        return ballot === undefined ? create(who, model) : close(who, proposal, ballot);
    }
  }

  class Step implements fc.AsyncCommand<Model, object> {
    private label = '';

    constructor(private readonly intent: Intent) {}

    check = (): boolean => true;

    async run(model: Model): Promise<void> {
      const operation = this.intent.random ? anyStep(model, this.intent) : nextStep(model, this.intent);
      this.label = operation.label;
      let outcome: Prediction;
      let result: unknown;
      const t0 = performance.now();
      try {
        result = await operation.perform();
        outcome = ok();
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcome = refused(error.code);
      }
      if (process.env.MAJLIS_MODEL_TRACE)
        process.stdout.write(`${operation.label} -> ${JSON.stringify(outcome)} (${model.proposals.length})\n`);
      expect({ operation: operation.label, outcome }).toEqual({
        operation: operation.label,
        outcome: operation.predicted,
      });
      if (outcome.ok) operation.apply(result);
      const kind = operation.label.split(' ')[0];
      const counts = tally.operations.get(kind) ?? { accepted: 0, refused: 0 };
      counts[outcome.ok ? 'accepted' : 'refused'] += 1;
      tally.operations.set(kind, counts);
      tally[outcome.ok ? 'accepted' : 'refused'] += 1;
      const t1 = performance.now();
      await checkInvariants(model);
      timing.perform += t1 - t0;
      timing.check += performance.now() - t1;
    }

    toString = (): string => this.label || `step(${JSON.stringify(this.intent)})`;
  }

  // Uniform in [0, 1): fast-check's doubles crowd near 0, whole numbers spread evenly (runs are unbiased).
  const share = fc.integer({ min: 0, max: 9_999 }).map((value) => value / 10_000);
  const intent: fc.Arbitrary<Intent> = fc.record({
    random: share.map((value) => value < 0.2),
    roll: share,
    pick: share,
    who: fc.nat(),
    event: fc.nat(),
    stale: fc.boolean(),
    choice: fc.constantFrom<VoteChoice>('YES', 'YES', 'NO', 'ABSTAIN'),
    reuseKey: share.map((value) => value < 0.1),
    rules: fc.record({
      quorum: fc.constantFrom(0, 0.5, 2 / 3, 1, 1.5),
      majority: fc.constantFrom<MajorityRule>('SIMPLE', 'ABSOLUTE', 'TWO_THIRDS', 'UNANIMOUS'),
      abstentions: fc.boolean(),
      chair: fc.boolean(),
      secret: fc.boolean(),
    }),
  });

  it(`keeps every invariant over ${RUNS} generated sequences (seed printed)`, async () => {
    process.stdout.write(`lifecycle model: ${RUNS} sequences, seed ${SEED} (MAJLIS_MODEL_SEED=${SEED} replays it)\n`);
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.commands([intent.map((value) => new Step(value))], { maxCommands: 16, size: 'max' }),
        (commands) => fc.asyncModelRun(() => ({ model: { proposals: [] } as Model, real: {} }), commands),
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, unbiased: true },
    );
    const seconds = (Date.now() - started) / 1000;
    const total = tally.accepted + tally.refused;
    process.stdout.write(
      `lifecycle model: ${total} operations in ${seconds.toFixed(1)} s, ${tally.accepted} accepted, ${tally.refused} refused; ` +
        [...tally.operations].map(([kind, counts]) => `${kind} ${counts.accepted}/${counts.refused}`).join(', ') +
        `; ${(timing.perform / 1000).toFixed(1)} s in the operations, ${(timing.check / 1000).toFixed(1)} s checking\n`,
    );
    expect(tally.accepted).toBeGreaterThanOrEqual(total / 2);
    // And the whole chain, once more, the way `npm run audit:verify` walks it.
    expect(await api.app.get(AuditService).verify()).toMatchObject({ ok: true });
  }, 3_600_000);
});
