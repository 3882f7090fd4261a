import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import {
  countVotes,
  maySend,
  nextState,
  BALLOT_STATES,
  type BallotEvent,
  type BallotEventType,
  type BallotResult,
  type BallotState,
  type MajorityRule,
  type TieBreak,
  type VoteChoice,
  type VoteRules,
} from '@majlis/workflow';
import { badInput, DomainError, forbidden, notFound, plainText } from '@majlis/language';
import { LiveUpdates } from '@majlis/live';
import { isUuid, Page, PageRequest, pageSize, requireRow, rowById, toPage } from '@majlis/persistence';
import { AuditService } from '../audit';
import { Actor, ALL_ROLES, Person, requireRole, Role } from '../identity';
import { AgendaItem, AgendaItemKind, Meeting } from '../meetings';
import { BoardSeat } from '../partnership';
import { canSeeProposal, Proposal, ProposalService, visibleProposalsCondition } from '../proposals';
import { movedVersion, PLATFORM, policyActor, StepDetails, TransitionRecorder } from '../transitions';
import { BallotVoter } from './ballot-voter.entity';
import { BallotLoaders } from './ballot.loaders';
import { Ballot } from './ballot.entity';
import { BallotRepository, BallotStepChanges } from './ballot.repository';
import { ConflictDeclaration } from './conflict-declaration.entity';
import { VoteReceipt } from './vote-receipt.entity';
import { Vote } from './vote.entity';

export interface BallotRulesInput {
  /** Share of eligible voters (0 to 1) who must take part. */
  quorum: number;
  majority: MajorityRule;
  abstentionsCountAsCast?: boolean | null;
  tieBreak?: TieBreak | null;
  secret?: boolean | null;
}

export interface BallotFilter {
  state?: BallotState | null;
  /** true: ballots the actor may vote on (eligible, not recused); false: the others. */
  eligibleToVote?: boolean | null;
}

export interface VoteAnswer {
  ballotId: string;
  choice: VoteChoice;
  castAt: Date;
}

const RESULT_EVENTS = {
  passed: 'BALLOT_PASSED',
  failed: 'BALLOT_FAILED',
  noQuorum: 'BALLOT_NO_QUORUM',
} as const satisfies Record<BallotResult, string>;
/** The operation that sends each ballot event, named when the policy refuses it. */
const OPERATIONS = {
  OPEN: 'openBallot',
  CLOSE: 'closeBallot',
  CANCEL: 'cancelBallot',
} as const satisfies Record<BallotEventType, string>;
const MAX_KEY_LENGTH = 200;
const MAX_REASON_LENGTH = 2_000;
const OPEN_FOR_CONFLICTS = ['readyForBoard', 'scheduled', 'voting', 'deferred'];

/** What the actor may see of a ballot: turnout always; choices only as the rules allow. */
export interface BallotView {
  eligible: number;
  cast: number;
  /** Yes/no/abstain counts: frozen at close for all; live only to the secretariat, and never for a secret ballot. */
  tally: { yes: number; no: number; abstain: number } | null;
  /** Who chose what: named ballots only; after close for all, live to the secretariat. */
  votes: Array<{ voterId: string; choice: VoteChoice }> | null;
  myVote: VoteChoice | null;
  eligibleToVote: boolean;
}

/**
 * The board's decisions: scheduling a proposal onto a meeting, opening its ballot, votes, declared
 * conflicts and the close that freezes the result and moves the proposal. Every step is audited.
 */
@Injectable()
export class BallotService {
  private readonly logger = new Logger(BallotService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ballots: BallotRepository,
    private readonly proposals: ProposalService,
    private readonly recorder: TransitionRecorder,
    private readonly audit: AuditService,
    private readonly live: LiveUpdates,
  ) {}

  /** Puts a proposal ready for the board onto a meeting's agenda as a decision item, or onto the item already about it there. */
  async schedule(actor: Actor, proposalId: string, meetingId: string): Promise<Proposal> {
    requireRole(actor, [Role.SECRETARIAT], 'scheduleProposal');
    const scheduled = await this.dataSource.transaction(async (manager) => {
      const proposal = await this.lockedProposal(manager, proposalId, 'proposalId');
      // Locked as every agenda change locks it, so the new item's place is free.
      const meeting = await requireRow(manager, Meeting, meetingId, 'meeting', 'meetingId', 'pessimistic_write');
      if (['adjourned', 'closed', 'cancelled'].includes(meeting.state))
        throw badInput('meetingId', 'meetingOver', { state: meeting.state });
      const scheduled = await this.proposals.step(manager, proposal, { type: 'SCHEDULE' }, actor);
      // An item already about this proposal on this meeting (linked by hand, or from an earlier scheduling
      // that was cancelled or deferred) is its place on the agenda: no second item.
      const linked = await manager.existsBy(AgendaItem, { meetingId: meeting.id, proposalId: proposal.id });
      if (!linked) {
        const topLevel = await manager
          .getRepository(AgendaItem)
          .createQueryBuilder('item')
          .where('item.meeting_id = :meetingId AND item.parent_id IS NULL', { meetingId: meeting.id })
          .getCount();
        await manager.insert(AgendaItem, {
          meetingId: meeting.id,
          parentId: null,
          position: topLevel,
          kind: AgendaItemKind.DECISION,
          title: proposal.title,
          description: proposal.summary,
          proposalId: proposal.id,
        });
      }
      await manager.update(Proposal, { id: proposal.id }, { meetingId: meeting.id });
      return { ...scheduled, meetingId: meeting.id };
    });
    await this.live.publish('proposalUpdated', { id: scheduled.id });
    return scheduled;
  }

  /** Opens the board's vote on a scheduled proposal; the board as it stands now, less declared conflicts, votes. */
  async open(actor: Actor, proposalId: string, rulesInput: BallotRulesInput, closesAt: Date | null): Promise<Ballot> {
    requireRole(actor, [Role.SECRETARIAT], 'openBallot');
    const rules = checkedRules(rulesInput);
    if (closesAt !== null && (Number.isNaN(closesAt.getTime()) || closesAt.getTime() <= Date.now()))
      throw badInput('closesAt', 'notInFuture');
    const ballot = await this.dataSource.transaction(async (manager) => {
      const proposal = await this.lockedProposal(manager, proposalId, 'proposalId');
      await this.proposals.step(manager, proposal, { type: 'OPEN_VOTE' }, actor);
      const conflicts = new Set(
        (await manager.findBy(ConflictDeclaration, { proposalId: proposal.id })).map((c) => c.personId),
      );
      const seats = await manager
        .getRepository(BoardSeat)
        .createQueryBuilder('seat')
        .innerJoin(Person, 'holder', 'holder.id = seat.holder_id AND holder.active')
        // The terms current today: a seat given or ended later leaves this ballot's voters as they are.
        .where('seat.starts_on <= CURRENT_DATE AND (seat.ends_on IS NULL OR seat.ends_on >= CURRENT_DATE)')
        .getMany();
      const pending = await manager.save(
        manager.create(Ballot, {
          proposalId: proposal.id,
          state: 'pending',
          rules,
          closesAt,
          openedById: actor.personId,
        }),
      );
      const voters = seats.filter((seat) => !conflicts.has(seat.holderId));
      if (voters.length > 0)
        await manager.insert(
          BallotVoter,
          voters.map((seat) => ({ ballotId: pending.id, personId: seat.holderId, isChair: seat.isChair })),
        );
      const opened = await this.step(manager, pending, { type: 'OPEN' }, actor, {
        changes: { openedAt: new Date() },
        details: {
          proposalId: proposal.id,
          eligible: voters.length,
          recused: seats.length - voters.length,
          quorum: rules.quorum,
          majority: rules.majority,
          secret: rules.secret,
          closesAt: closesAt?.toISOString() ?? null,
        },
      });
      if (opened === null) throw new Error('a new ballot refused OPEN');
      return opened;
    });
    // The deadline's jobs are queued from the `ballot.opened` outbox message (BallotDeadlines), so opening
    // a ballot does not depend on the queue being reachable.
    await this.live.publish('proposalUpdated', { id: ballot.proposalId });
    await this.live.publish('ballotUpdated', { id: ballot.id });
    return ballot;
  }

  /** A board member steps aside from a proposal; on an open ballot they are no longer eligible. */
  async declareConflict(actor: Actor, proposalId: string, reason: string): Promise<ConflictDeclaration> {
    requireRole(actor, [Role.BOARD_MEMBER], 'declareConflict');
    const why = plainText('reason', reason, MAX_REASON_LENGTH)?.trim();
    if (why === undefined) throw badInput('reason', 'textRequired');
    const declared = await this.dataSource.transaction(async (manager) => {
      const proposal = await this.lockedProposal(manager, proposalId, 'proposalId', actor);
      if (!OPEN_FOR_CONFLICTS.includes(proposal.state))
        throw new DomainError('INVALID_TRANSITION', 'conflictNotNow', { state: proposal.state });
      const open = await manager.findOneBy(Ballot, { proposalId: proposal.id, state: 'open' });
      if (open !== null) {
        if (await manager.existsBy(Vote, { ballotId: open.id, voterId: actor.personId }))
          throw new DomainError('INVALID_TRANSITION', 'alreadyVoted');
        await manager.delete(BallotVoter, { ballotId: open.id, personId: actor.personId });
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(ConflictDeclaration)
        .values({ proposalId: proposal.id, personId: actor.personId, reason: why })
        .orIgnore()
        .execute();
      await this.audit.append(manager, {
        entityType: 'proposal',
        entityId: proposal.id,
        action: 'conflict.declared',
        actorId: actor.personId,
        payload: { reason: why, ballotId: open?.id ?? null },
      });
      const declaration = await manager.findOneByOrFail(ConflictDeclaration, {
        proposalId: proposal.id,
        personId: actor.personId,
      });
      return { declaration, ballotId: open?.id ?? null };
    });
    if (declared.ballotId !== null) await this.live.publish('ballotUpdated', { id: declared.ballotId });
    return declared.declaration;
  }

  /**
   * Casts or changes the actor's vote. The same idempotency key answers as it did the first time and
   * changes nothing, so a client may retry freely: a retry with the key and another choice gets the first
   * answer, and its choice is not counted. The receipt is claimed before the vote is written, so of
   * concurrent calls with one key only the one that claims it writes a vote and an audit entry; the others
   * wait for it and answer with its choice — the counted vote, every answer and the audit agree.
   */
  async castVote(actor: Actor, ballotId: string, choice: VoteChoice, idempotencyKey: string): Promise<VoteAnswer> {
    // A board member, or a voter this ballot snapshotted at its opening whose seat has ended since.
    if (
      !actor.roles.includes(Role.BOARD_MEMBER) &&
      !(
        isUuid(ballotId) &&
        (await this.dataSource.manager.existsBy(BallotVoter, { ballotId, personId: actor.personId }))
      )
    )
      throw forbidden('castVote');
    // Refuses control characters PostgreSQL cannot store (a NUL was a 500, found by the fuzzing test).
    const key = plainText('idempotencyKey', idempotencyKey, MAX_KEY_LENGTH)?.trim() ?? '';
    if (key === '') throw badInput('idempotencyKey', 'valueRequired');
    const answer = await this.dataSource.transaction(async (manager) => {
      const receipt = await manager.findOneBy(VoteReceipt, { voterId: actor.personId, idempotencyKey: key });
      if (receipt !== null) return { ...this.replayed(receipt, ballotId), changed: false };
      // Shared with other votes, exclusive of a close: no vote slips in after the tally.
      const ballot = await requireRow(manager, Ballot, ballotId, 'ballot', 'ballotId', 'pessimistic_read');
      if (ballot.state !== 'open') throw new DomainError('BALLOT_CLOSED', 'ballotClosed');
      if (!(await manager.existsBy(BallotVoter, { ballotId: ballot.id, personId: actor.personId })))
        throw new DomainError('NOT_ELIGIBLE', 'notEligible');
      const castAt = new Date();
      // The claim: a concurrent call with the same key waits here until this transaction ends.
      const claimed: unknown[] = await manager.query(
        `INSERT INTO vote_receipt (voter_id, idempotency_key, ballot_id, choice, cast_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (voter_id, idempotency_key) DO NOTHING RETURNING voter_id`,
        [actor.personId, key, ballot.id, choice, castAt],
      );
      if (claimed.length === 0) {
        // Another call with this key committed first: nothing was written here; answer as it did.
        const first = await manager.findOneByOrFail(VoteReceipt, { voterId: actor.personId, idempotencyKey: key });
        return { ...this.replayed(first, ballotId), changed: false };
      }
      await manager.query(
        `INSERT INTO vote (ballot_id, voter_id, choice, cast_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (ballot_id, voter_id) DO UPDATE SET choice = EXCLUDED.choice, cast_at = EXCLUDED.cast_at`,
        [ballot.id, actor.personId, choice, castAt],
      );
      // A secret ballot records that a member voted, never what.
      await this.audit.append(manager, {
        entityType: 'ballot',
        entityId: ballot.id,
        action: 'vote.cast',
        actorId: actor.personId,
        payload: ballot.rules.secret ? { secret: true } : { choice },
      });
      return { ballotId: ballot.id, choice, castAt, changed: true };
    });
    if (answer.changed) await this.live.publish('ballotUpdated', { id: answer.ballotId });
    return { ballotId: answer.ballotId, choice: answer.choice, castAt: answer.castAt };
  }

  /** Closes a ballot by hand (the secretariat): freezes the tally and the result, and moves the proposal. */
  async close(actor: Actor, ballotId: string): Promise<Ballot> {
    requireRole(actor, [Role.SECRETARIAT], 'closeBallot');
    const closed = await this.dataSource.transaction((manager) => this.closeIn(manager, ballotId, actor, new Date()));
    if (closed === null) throw new DomainError('BALLOT_CLOSED', 'ballotClosed');
    await this.announceClose(closed);
    return closed;
  }

  /**
   * Cancels a pending or open ballot (the secretariat): its votes are not counted, and a proposal under
   * vote is deferred, so that it can be scheduled again.
   */
  async cancel(actor: Actor, ballotId: string, reason: string | null | undefined): Promise<Ballot> {
    requireRole(actor, [Role.SECRETARIAT], 'cancelBallot');
    const why = plainText('reason', reason, MAX_REASON_LENGTH)?.trim() || null;
    const cancelled = await this.dataSource.transaction(async (manager) => {
      const ballot = await rowById(manager, Ballot, ballotId, 'pessimistic_write');
      if (ballot === null) throw notFound('ballot', ballotId, 'ballotId');
      const done = await this.step(manager, ballot, { type: 'CANCEL' }, actor, {
        details: { proposalId: ballot.proposalId },
        comment: why,
      });
      if (done === null) throw new DomainError('BALLOT_CLOSED', 'ballotClosed');
      const proposal = await this.lockedProposal(manager, ballot.proposalId, 'proposalId');
      if (proposal.state === 'voting')
        await this.proposals.step(manager, proposal, { type: 'DEFER' }, actor, { comment: why });
      return done;
    });
    await this.announceClose(cancelled);
    return cancelled;
  }

  /** The deadline job: closes the ballot if it is still open and due; does nothing otherwise. */
  async closeDue(ballotId: string, now: Date): Promise<Ballot | null> {
    const closed = await this.dataSource.transaction((manager) => this.closeIn(manager, ballotId, 'platform', now));
    if (closed !== null) {
      this.logger.log(`ballot ${ballotId} closed at its deadline: ${closed.result}`);
      await this.announceClose(closed);
    }
    return closed;
  }

  /**
   * The ballots the actor may see (those of proposals they may see), open ones first, then newest first.
   * Ordered by milliseconds, as the cursor carries them.
   */
  async list(actor: Actor, filter: BallotFilter, request: PageRequest): Promise<Page<Ballot>> {
    requireRole(actor, ALL_ROLES, 'ballots');
    if (filter.state !== undefined && filter.state !== null && !BALLOT_STATES.includes(filter.state))
      throw badInput('filter.state', 'oneOf', { allowed: BALLOT_STATES.join(', ') });
    const { size, take, after } = pageSize(request);
    const visible = visibleProposalsCondition('proposal', actor);
    const query = this.dataSource
      .getRepository(Ballot)
      .createQueryBuilder('ballot')
      .innerJoin(Proposal, 'proposal', 'proposal.id = ballot.proposal_id')
      .where(new Brackets((where) => where.where(visible.sql, visible.params)));
    if (filter.state) query.andWhere('ballot.state = :state', { state: filter.state });
    if (filter.eligibleToVote !== undefined && filter.eligibleToVote !== null)
      query.andWhere(
        `${filter.eligibleToVote ? '' : 'NOT '}EXISTS (SELECT 1 FROM ballot_voter voter
          WHERE voter.ballot_id = ballot.id AND voter.person_id = :viewerId)`,
        { viewerId: actor.personId },
      );
    const total = await query.getCount();
    const rank = `(CASE WHEN ballot.state = 'open' THEN 0 ELSE 1 END)`;
    const created = `date_trunc('milliseconds', ballot.created_at)`;
    if (after !== null) {
      const [afterRank, afterCreated] = after.key.split('|');
      if (!['0', '1'].includes(afterRank) || Number.isNaN(Date.parse(afterCreated ?? '')))
        throw badInput('after', 'badCursor');
      query.andWhere(
        `(${rank} > :afterRank OR (${rank} = :afterRank AND (${created}, ballot.id) < (:afterCreated, :afterId)))`,
        {
          afterRank: Number(afterRank),
          afterCreated,
          afterId: after.id,
        },
      );
    }
    const rows = await query
      .orderBy(rank, 'ASC')
      .addOrderBy(created, 'DESC')
      .addOrderBy('ballot.id', 'DESC')
      .limit(take)
      .getMany();
    return toPage(
      rows,
      size,
      total,
      (ballot) => `${ballot.state === 'open' ? 0 : 1}|${ballot.createdAt.toISOString()}`,
    );
  }

  /** Who holds the casting vote: the chair among the eligible voters, when the rules give the chair the tie. */
  async chairOf(ballot: Ballot, loaders: BallotLoaders): Promise<string | null> {
    if (ballot.rules.tieBreak !== 'CHAIR') return null;
    return (await loaders.voters(ballot.id)).find((voter) => voter.isChair)?.personId ?? null;
  }

  async ballot(actor: Actor, id: string): Promise<Ballot> {
    requireRole(actor, ALL_ROLES, 'ballot');
    const ballot = await rowById(this.dataSource.manager, Ballot, id);
    const proposal =
      ballot === null ? null : await this.dataSource.manager.findOneBy(Proposal, { id: ballot.proposalId });
    if (ballot === null || proposal === null || !canSeeProposal(actor, proposal)) throw notFound('ballot', id);
    return ballot;
  }

  /** What `actor` may see of the ballot, from its voters and votes as this request's loaders read them. */
  async view(actor: Actor, ballot: Ballot, loaders: BallotLoaders): Promise<BallotView> {
    const { voters, votes } = await loaders.participation(ballot.id);
    const closed = ballot.state === 'closed';
    const secretariat = actor.roles.includes(Role.SECRETARIAT);
    const live = !ballot.rules.secret && secretariat;
    const counted = (choice: VoteChoice): number => votes.filter((vote) => vote.choice === choice).length;
    return {
      eligible: closed && ballot.tally !== null ? ballot.tally.eligible : voters.length,
      cast: closed && ballot.tally !== null ? ballot.tally.cast : votes.length,
      tally:
        closed && ballot.tally !== null
          ? { yes: ballot.tally.yes, no: ballot.tally.no, abstain: ballot.tally.abstain }
          : live
            ? { yes: counted('YES'), no: counted('NO'), abstain: counted('ABSTAIN') }
            : null,
      votes:
        !ballot.rules.secret && (closed || secretariat)
          ? votes.map((vote) => ({ voterId: vote.voterId, choice: vote.choice }))
          : null,
      myVote: votes.find((vote) => vote.voterId === actor.personId)?.choice ?? null,
      eligibleToVote: voters.some((voter) => voter.personId === actor.personId),
    };
  }

  /** Batched reads for one request. */
  loaders(): BallotLoaders {
    return new BallotLoaders(this.dataSource);
  }

  private async closeIn(
    manager: EntityManager,
    ballotId: string,
    by: Actor | 'platform',
    now: Date,
  ): Promise<Ballot | null> {
    const ballot = await rowById(manager, Ballot, ballotId, 'pessimistic_write');
    if (ballot === null) {
      if (by === 'platform') return null;
      throw notFound('ballot', ballotId);
    }
    if (ballot.state !== 'open') return null;
    const [voters, votes] = await Promise.all([
      manager.findBy(BallotVoter, { ballotId: ballot.id }),
      manager.find(Vote, { where: { ballotId: ballot.id }, order: { castAt: 'ASC' } }),
    ]);
    const count = countVotes({
      rules: ballot.rules,
      eligible: voters.map((voter) => ({ voterId: voter.personId, isChair: voter.isChair })),
      votes: votes.map((vote) => ({ voterId: vote.voterId, choice: vote.choice })),
    });
    const reason = by === 'platform' ? 'deadline' : 'secretariat';
    const closed = await this.step(manager, ballot, { type: 'CLOSE', reason, now, result: count.result }, by, {
      changes: { result: count.result, tally: count.tally, decidedByChair: count.decidedByChair, closedAt: now },
      details: {
        proposalId: ballot.proposalId,
        result: count.result,
        eligible: count.tally.eligible,
        cast: count.tally.cast,
        yes: count.tally.yes,
        no: count.tally.no,
        abstain: count.tally.abstain,
        decidedByChair: count.decidedByChair,
        reason,
      },
    });
    // A deadline close before the deadline (a job run early) leaves the ballot open.
    if (closed === null) return null;
    const proposal = await this.lockedProposal(manager, ballot.proposalId, 'proposalId');
    await this.proposals.step(manager, proposal, { type: RESULT_EVENTS[count.result] }, 'platform');
    return closed;
  }

  /**
   * Steps a ballot inside the caller's transaction: the policy, the machine, the versioned update with
   * what the step sets, then the recorder (its details travel with the `ballot.*` event). Null when the
   * machine refuses the event in the ballot's state.
   */
  private async step(
    manager: EntityManager,
    ballot: Ballot,
    event: BallotEvent,
    by: Actor | 'platform',
    options: { changes?: BallotStepChanges; details: StepDetails; comment?: string | null },
  ): Promise<Ballot | null> {
    if (!maySend('ballot', event.type, by === 'platform' ? PLATFORM : policyActor(by, false)))
      throw forbidden(OPERATIONS[event.type]);
    const step = nextState('ballot', ballot.state, event, { closesAt: ballot.closesAt });
    // No event leads back to pending; a refused one leaves the ballot as it is, for the caller to judge.
    if (!step.ok || step.state === 'pending') return null;
    const version = movedVersion(
      await this.ballots.moveState(
        manager,
        ballot.id,
        { from: ballot.state, to: step.state, version: ballot.version },
        options.changes,
      ),
    );
    await this.recorder.record(
      manager,
      {
        kind: 'ballot',
        id: ballot.id,
        from: ballot.state,
        to: step.state,
        event: event.type,
        actorId: by === 'platform' ? null : by.personId,
        version,
        comment: options.comment,
      },
      { ballotId: ballot.id, ...options.details },
    );
    return manager.findOneByOrFail(Ballot, { id: ballot.id });
  }

  private async announceClose(ballot: Ballot): Promise<void> {
    await this.live.publish('ballotUpdated', { id: ballot.id });
    await this.live.publish('proposalUpdated', { id: ballot.proposalId });
  }

  private async lockedProposal(manager: EntityManager, id: string, field: string, viewer?: Actor): Promise<Proposal> {
    const proposal = await rowById(manager, Proposal, id, 'pessimistic_write');
    if (proposal === null || (viewer !== undefined && !canSeeProposal(viewer, proposal)))
      throw notFound('proposal', id, field);
    return proposal;
  }

  private replayed(receipt: VoteReceipt, ballotId: string): VoteAnswer {
    if (receipt.ballotId !== ballotId) throw badInput('idempotencyKey', 'keyReused');
    return { ballotId: receipt.ballotId, choice: receipt.choice, castAt: receipt.castAt };
  }
}

function checkedRules(input: BallotRulesInput): VoteRules {
  if (!Number.isFinite(input.quorum) || input.quorum < 0 || input.quorum > 1)
    throw badInput('rules.quorum', 'numberOutOfRange', { min: 0, max: 1 });
  return {
    quorum: input.quorum,
    majority: input.majority,
    abstentionsCountAsCast: input.abstentionsCountAsCast ?? false,
    tieBreak: input.tieBreak ?? 'NONE',
    secret: input.secret ?? false,
  };
}
