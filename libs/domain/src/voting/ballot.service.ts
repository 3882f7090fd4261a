import { Injectable, Logger } from '@nestjs/common';
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
import { Page, PageRequest, pageSize, toPage, UnitOfWork, type Transaction } from '@majlis/persistence';
import { AuditService } from '../audit';
import { Actor, ALL_ROLES, requireRole, Role } from '../identity';
import { AgendaRepository, MeetingRepository } from '../meetings';
import { canSeeProposal, Proposal, ProposalRepository, ProposalService, visibleProposalsCondition } from '../proposals';
import { movedVersion, PLATFORM, policyActor, StepDetails, TransitionRecorder } from '../transitions';
import { BallotLoaders } from './ballot.loaders';
import type { Ballot } from './ballot.entity';
import { BallotListCursor, BallotRepository, BallotStepChanges } from './ballot.repository';
import type { ConflictDeclaration } from './conflict-declaration.entity';
import type { VoteReceipt } from './vote-receipt.entity';

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
    private readonly unitOfWork: UnitOfWork,
    private readonly ballots: BallotRepository,
    private readonly proposals: ProposalService,
    private readonly proposalRepository: ProposalRepository,
    private readonly meetings: MeetingRepository,
    private readonly agenda: AgendaRepository,
    private readonly recorder: TransitionRecorder,
    private readonly audit: AuditService,
    private readonly live: LiveUpdates,
  ) {}

  /** Puts a proposal ready for the board onto a meeting's agenda as a decision item, or onto the item already about it there. */
  async schedule(actor: Actor, proposalId: string, meetingId: string): Promise<Proposal> {
    requireRole(actor, [Role.SECRETARIAT], 'scheduleProposal');
    const scheduled = await this.unitOfWork.run(async (tx) => {
      const proposal = await this.lockedProposal(tx, proposalId, 'proposalId');
      // Locked as every agenda change locks it, so the new item's place is free.
      const meeting = await this.meetings.require(meetingId, 'meetingId', tx, 'pessimistic_write');
      if (['adjourned', 'closed', 'cancelled'].includes(meeting.state))
        throw badInput('meetingId', 'meetingOver', { state: meeting.state });
      const scheduled = await this.proposals.step(tx, proposal, { type: 'SCHEDULE' }, actor);
      // An item already about this proposal on this meeting (linked by hand, or from an earlier scheduling
      // that was cancelled or deferred) is its place on the agenda: no second item.
      if (!(await this.agenda.isProposalOnAgenda(tx, meeting.id, proposal.id)))
        await this.agenda.appendDecision(tx, {
          meetingId: meeting.id,
          title: proposal.title,
          description: proposal.summary,
          proposalId: proposal.id,
        });
      await this.proposalRepository.placeOnMeeting(tx, proposal.id, meeting.id);
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
    const ballot = await this.unitOfWork.run(async (tx) => {
      const proposal = await this.lockedProposal(tx, proposalId, 'proposalId');
      await this.proposals.step(tx, proposal, { type: 'OPEN_VOTE' }, actor);
      const conflicts = await this.ballots.conflictedOn(tx, proposal.id);
      const seats = await this.ballots.currentBoard(tx);
      const pending = await this.ballots.createPending(tx, {
        proposalId: proposal.id,
        rules,
        closesAt,
        openedById: actor.personId,
      });
      const voters = seats.filter((seat) => !conflicts.has(seat.holderId));
      await this.ballots.addVoters(
        tx,
        pending.id,
        voters.map((seat) => ({ personId: seat.holderId, isChair: seat.isChair })),
      );
      const opened = await this.step(tx, pending, { type: 'OPEN' }, actor, {
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
    const declared = await this.unitOfWork.run(async (tx) => {
      const proposal = await this.lockedProposal(tx, proposalId, 'proposalId', actor);
      if (!OPEN_FOR_CONFLICTS.includes(proposal.state))
        throw new DomainError('INVALID_TRANSITION', 'conflictNotNow', { state: proposal.state });
      const open = await this.ballots.openOn(tx, proposal.id);
      if (open !== null) {
        if (await this.ballots.hasVoted(tx, open.id, actor.personId))
          throw new DomainError('INVALID_TRANSITION', 'alreadyVoted');
        await this.ballots.removeVoter(tx, open.id, actor.personId);
      }
      const declaration = await this.ballots.declareConflict(tx, {
        proposalId: proposal.id,
        personId: actor.personId,
        reason: why,
      });
      await this.audit.append(tx, {
        entityType: 'proposal',
        entityId: proposal.id,
        action: 'conflict.declared',
        actorId: actor.personId,
        payload: { reason: why, ballotId: open?.id ?? null },
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
    if (!actor.roles.includes(Role.BOARD_MEMBER) && !(await this.ballots.isVoter(ballotId, actor.personId)))
      throw forbidden('castVote');
    // Refuses control characters PostgreSQL cannot store (a NUL was a 500, found by the fuzzing test).
    const key = plainText('idempotencyKey', idempotencyKey, MAX_KEY_LENGTH)?.trim() ?? '';
    if (key === '') throw badInput('idempotencyKey', 'valueRequired');
    const answer = await this.unitOfWork.run(async (tx) => {
      const receipt = await this.ballots.receipt(tx, actor.personId, key);
      if (receipt !== null) return { ...this.replayed(receipt, ballotId), changed: false };
      // Shared with other votes, exclusive of a close: no vote slips in after the tally.
      const ballot = await this.ballots.require(ballotId, 'ballotId', tx, 'pessimistic_read');
      if (ballot.state !== 'open') throw new DomainError('BALLOT_CLOSED', 'ballotClosed');
      if (!(await this.ballots.isVoter(ballot.id, actor.personId, tx)))
        throw new DomainError('NOT_ELIGIBLE', 'notEligible');
      const vote = { ballotId: ballot.id, voterId: actor.personId, choice, castAt: new Date() };
      // The claim: a concurrent call with the same key waits here until this transaction ends.
      if (!(await this.ballots.claimReceipt(tx, key, vote))) {
        // Another call with this key committed first: nothing was written here; answer as it did.
        const first = await this.ballots.receipt(tx, actor.personId, key);
        if (first === null) throw new Error("a claimed key's receipt is gone");
        return { ...this.replayed(first, ballotId), changed: false };
      }
      await this.ballots.recordVote(tx, vote);
      // A secret ballot records that a member voted, never what.
      await this.audit.append(tx, {
        entityType: 'ballot',
        entityId: ballot.id,
        action: 'vote.cast',
        actorId: actor.personId,
        payload: ballot.rules.secret ? { secret: true } : { choice },
      });
      return { ballotId: ballot.id, choice, castAt: vote.castAt, changed: true };
    });
    if (answer.changed) await this.live.publish('ballotUpdated', { id: answer.ballotId });
    return { ballotId: answer.ballotId, choice: answer.choice, castAt: answer.castAt };
  }

  /** Closes a ballot by hand (the secretariat): freezes the tally and the result, and moves the proposal. */
  async close(actor: Actor, ballotId: string): Promise<Ballot> {
    requireRole(actor, [Role.SECRETARIAT], 'closeBallot');
    const closed = await this.unitOfWork.run((tx) => this.closeIn(tx, ballotId, actor, new Date()));
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
    const cancelled = await this.unitOfWork.run(async (tx) => {
      const ballot = await this.ballots.lock(tx, ballotId);
      if (ballot === null) throw notFound('ballot', ballotId, 'ballotId');
      const done = await this.step(tx, ballot, { type: 'CANCEL' }, actor, {
        details: { proposalId: ballot.proposalId },
        comment: why,
      });
      if (done === null) throw new DomainError('BALLOT_CLOSED', 'ballotClosed');
      const proposal = await this.lockedProposal(tx, ballot.proposalId, 'proposalId');
      if (proposal.state === 'voting')
        await this.proposals.step(tx, proposal, { type: 'DEFER' }, actor, { comment: why });
      return done;
    });
    await this.announceClose(cancelled);
    return cancelled;
  }

  /** The deadline job: closes the ballot if it is still open and due; does nothing otherwise. */
  async closeDue(ballotId: string, now: Date): Promise<Ballot | null> {
    const closed = await this.unitOfWork.run((tx) => this.closeIn(tx, ballotId, 'platform', now));
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
    let cursor: BallotListCursor | null = null;
    if (after !== null) {
      const [afterRank, afterCreated] = after.key.split('|');
      if (!['0', '1'].includes(afterRank) || Number.isNaN(Date.parse(afterCreated ?? '')))
        throw badInput('after', 'badCursor');
      cursor = { rank: Number(afterRank), createdAt: afterCreated, id: after.id };
    }
    const [rows, total] = await this.ballots.list(
      { state: filter.state, eligibleToVote: filter.eligibleToVote, viewerId: actor.personId },
      visibleProposalsCondition('proposal', actor),
      take,
      cursor,
    );
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
    const ballot = await this.ballots.findById(id);
    const proposal = ballot === null ? null : await this.proposalRepository.findById(ballot.proposalId);
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
    return new BallotLoaders(this.ballots);
  }

  private async closeIn(tx: Transaction, ballotId: string, by: Actor | 'platform', now: Date): Promise<Ballot | null> {
    const ballot = await this.ballots.lock(tx, ballotId);
    if (ballot === null) {
      if (by === 'platform') return null;
      throw notFound('ballot', ballotId);
    }
    if (ballot.state !== 'open') return null;
    const [voters, votes] = await Promise.all([
      this.ballots.votersOf([ballot.id], tx),
      this.ballots.votesOf([ballot.id], tx),
    ]);
    const count = countVotes({
      rules: ballot.rules,
      eligible: voters.map((voter) => ({ voterId: voter.personId, isChair: voter.isChair })),
      votes: votes.map((vote) => ({ voterId: vote.voterId, choice: vote.choice })),
    });
    const reason = by === 'platform' ? 'deadline' : 'secretariat';
    const closed = await this.step(tx, ballot, { type: 'CLOSE', reason, now, result: count.result }, by, {
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
    const proposal = await this.lockedProposal(tx, ballot.proposalId, 'proposalId');
    await this.proposals.step(tx, proposal, { type: RESULT_EVENTS[count.result] }, 'platform');
    return closed;
  }

  /**
   * Steps a ballot inside the caller's transaction: the policy, the machine, the versioned update with
   * what the step sets, then the recorder (its details travel with the `ballot.*` event). Null when the
   * machine refuses the event in the ballot's state.
   */
  private async step(
    tx: Transaction,
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
        tx,
        ballot.id,
        { from: ballot.state, to: step.state, version: ballot.version },
        options.changes,
      ),
    );
    await this.recorder.record(
      tx,
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
    return this.ballots.require(ballot.id, 'ballotId', tx);
  }

  private async announceClose(ballot: Ballot): Promise<void> {
    await this.live.publish('ballotUpdated', { id: ballot.id });
    await this.live.publish('proposalUpdated', { id: ballot.proposalId });
  }

  private async lockedProposal(tx: Transaction, id: string, field: string, viewer?: Actor): Promise<Proposal> {
    const proposal = await this.proposalRepository.lock(tx, id);
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
