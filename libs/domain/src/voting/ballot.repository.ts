import { Injectable } from '@nestjs/common';
import { Brackets, In } from 'typeorm';
import type { BallotState, VoteChoice } from '@majlis/workflow';
import { EntityRepository, isUuid, type Transaction } from '@majlis/persistence';
import { Person } from '../identity';
import { BoardSeat } from '../partnership';
import { Proposal } from '../proposals';
import type { VersionedMove } from '../transitions';
import { BallotVoter } from './ballot-voter.entity';
import { Ballot } from './ballot.entity';
import { ConflictDeclaration } from './conflict-declaration.entity';
import { VoteReceipt } from './vote-receipt.entity';
import { Vote } from './vote.entity';

/** What a step of a ballot sets besides its state: when it opened, or the frozen result of its close. */
export type BallotStepChanges = Partial<Pick<Ballot, 'openedAt' | 'closedAt' | 'result' | 'tally' | 'decidedByChair'>>;

/** Which ballots a list shows, besides those of proposals the reader may see. */
export interface BallotListFilter {
  state?: BallotState | null;
  /** true: ballots `viewerId` may vote on; false: the others. */
  eligibleToVote?: boolean | null;
  viewerId: string;
}

/** Where a page of the ballot list starts: after this (open first, newest first) place. */
export interface BallotListCursor {
  /** 0 for an open ballot, 1 for the others. */
  rank: number;
  createdAt: string;
  id: string;
}

/** A vote as it is cast: the receipt of its idempotency key and the member's (new) choice. */
export interface CastVote {
  ballotId: string;
  voterId: string;
  choice: VoteChoice;
  castAt: Date;
}

// Open ballots first, then newest first, by milliseconds as the cursor carries them.
const RANK = `(CASE WHEN ballot.state = 'open' THEN 0 ELSE 1 END)`;
const CREATED = `date_trunc('milliseconds', ballot.created_at)`;

/**
 * A ballot and the rows it owns: its voters (the board as it stood at opening), the votes and the receipts
 * of their idempotency keys, and the conflicts members declared on its proposal.
 */
@Injectable()
export class BallotRepository extends EntityRepository<Ballot> {
  protected readonly entity = Ballot;
  protected readonly entityName = 'ballot' as const;

  /** Moves the ballot from `from` to `to` only if nobody changed it since `version`, with `changes`. */
  async moveState(
    tx: Transaction,
    id: string,
    step: { from: BallotState; to: BallotState; version: number },
    changes: BallotStepChanges = {},
  ): Promise<VersionedMove> {
    const manager = this.db(tx);
    const result = await manager
      .createQueryBuilder()
      .update(Ballot)
      .set({ ...changes, state: step.to, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND state = :from', { id, version: step.version, from: step.from })
      .returning(['version'])
      .execute();
    const rows = result.raw as Array<{ version: number }>;
    if (rows.length > 0) return { moved: true, version: rows[0].version };
    const current = await manager.findOne(Ballot, { select: { id: true, version: true }, where: { id } });
    return { moved: false, current: current?.version ?? 0 };
  }

  /** A new ballot, pending until its first step opens it. */
  createPending(
    tx: Transaction,
    ballot: Pick<Ballot, 'proposalId' | 'rules' | 'closesAt' | 'openedById'>,
  ): Promise<Ballot> {
    const manager = this.db(tx);
    return manager.save(manager.create(Ballot, { ...ballot, state: 'pending' }));
  }

  /** The proposal's open ballot, if it has one. */
  openOn(tx: Transaction, proposalId: string): Promise<Ballot | null> {
    return this.db(tx).findOneBy(Ballot, { proposalId, state: 'open' });
  }

  /** Every ballot of the given proposals, each proposal's newest first. */
  ofProposals(proposalIds: readonly string[]): Promise<Ballot[]> {
    return this.db().find(Ballot, {
      where: { proposalId: In([...proposalIds]) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** The ballots of proposals `visible` (a condition over alias `proposal`) lets the reader see: a page, and the count. */
  async list(
    filter: BallotListFilter,
    visible: { sql: string; params: Record<string, unknown> },
    take: number,
    after: BallotListCursor | null,
  ): Promise<[Ballot[], number]> {
    const query = this.db()
      .getRepository(Ballot)
      .createQueryBuilder('ballot')
      .innerJoin(Proposal, 'proposal', 'proposal.id = ballot.proposal_id')
      .where(new Brackets((where) => where.where(visible.sql, visible.params)));
    if (filter.state) query.andWhere('ballot.state = :state', { state: filter.state });
    if (filter.eligibleToVote !== undefined && filter.eligibleToVote !== null)
      query.andWhere(
        `${filter.eligibleToVote ? '' : 'NOT '}EXISTS (SELECT 1 FROM ballot_voter voter
          WHERE voter.ballot_id = ballot.id AND voter.person_id = :viewerId)`,
        { viewerId: filter.viewerId },
      );
    const total = await query.getCount();
    if (after !== null)
      query.andWhere(
        `(${RANK} > :afterRank OR (${RANK} = :afterRank AND (${CREATED}, ballot.id) < (:afterCreated, :afterId)))`,
        { afterRank: after.rank, afterCreated: after.createdAt, afterId: after.id },
      );
    const rows = await query
      .orderBy(RANK, 'ASC')
      .addOrderBy(CREATED, 'DESC')
      .addOrderBy('ballot.id', 'DESC')
      .limit(take)
      .getMany();
    return [rows, total];
  }

  /** The board seats of today's terms whose holders are active: who a ballot opened now snapshots. */
  currentBoard(tx: Transaction): Promise<BoardSeat[]> {
    return (
      this.db(tx)
        .getRepository(BoardSeat)
        .createQueryBuilder('seat')
        .innerJoin(Person, 'holder', 'holder.id = seat.holder_id AND holder.active')
        // The terms current today: a seat given or ended later leaves this ballot's voters as they are.
        .where('seat.starts_on <= CURRENT_DATE AND (seat.ends_on IS NULL OR seat.ends_on >= CURRENT_DATE)')
        .getMany()
    );
  }

  async addVoters(
    tx: Transaction,
    ballotId: string,
    voters: ReadonlyArray<Pick<BallotVoter, 'personId' | 'isChair'>>,
  ): Promise<void> {
    if (voters.length === 0) return;
    await this.db(tx).insert(
      BallotVoter,
      voters.map((voter) => ({ ballotId, personId: voter.personId, isChair: voter.isChair })),
    );
  }

  async removeVoter(tx: Transaction, ballotId: string, personId: string): Promise<void> {
    await this.db(tx).delete(BallotVoter, { ballotId, personId });
  }

  /** Whether the person may vote on the ballot (a ballot id that is no UUID has no voters). */
  async isVoter(ballotId: string, personId: string, tx?: Transaction): Promise<boolean> {
    return isUuid(ballotId) && this.db(tx).existsBy(BallotVoter, { ballotId, personId });
  }

  votersOf(ballotIds: readonly string[], tx?: Transaction): Promise<BallotVoter[]> {
    return this.db(tx).findBy(BallotVoter, { ballotId: In([...ballotIds]) });
  }

  /** The votes of the given ballots, in the order they were cast. */
  votesOf(ballotIds: readonly string[], tx?: Transaction): Promise<Vote[]> {
    return this.db(tx).find(Vote, { where: { ballotId: In([...ballotIds]) }, order: { castAt: 'ASC', id: 'ASC' } });
  }

  hasVoted(tx: Transaction, ballotId: string, voterId: string): Promise<boolean> {
    return this.db(tx).existsBy(Vote, { ballotId, voterId });
  }

  /** The first answer given to this voter's idempotency key, if any. */
  receipt(tx: Transaction, voterId: string, idempotencyKey: string): Promise<VoteReceipt | null> {
    return this.db(tx).findOneBy(VoteReceipt, { voterId, idempotencyKey });
  }

  /**
   * Claims the idempotency key for this vote: false when another call claimed it first. A concurrent
   * claim of the same key waits here until the transaction that made it ends.
   */
  async claimReceipt(tx: Transaction, idempotencyKey: string, vote: CastVote): Promise<boolean> {
    const claimed: unknown[] = await this.db(tx).query(
      `INSERT INTO vote_receipt (voter_id, idempotency_key, ballot_id, choice, cast_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (voter_id, idempotency_key) DO NOTHING RETURNING voter_id`,
      [vote.voterId, idempotencyKey, vote.ballotId, vote.choice, vote.castAt],
    );
    return claimed.length > 0;
  }

  /** The member's vote on the ballot, cast or changed. */
  async recordVote(tx: Transaction, vote: CastVote): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO vote (ballot_id, voter_id, choice, cast_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (ballot_id, voter_id) DO UPDATE SET choice = EXCLUDED.choice, cast_at = EXCLUDED.cast_at`,
      [vote.ballotId, vote.voterId, vote.choice, vote.castAt],
    );
  }

  /** Who declared a conflict on the proposal. */
  async conflictedOn(tx: Transaction, proposalId: string): Promise<Set<string>> {
    const declarations = await this.db(tx).findBy(ConflictDeclaration, { proposalId });
    return new Set(declarations.map((declaration) => declaration.personId));
  }

  /** The person's declaration on the proposal: this one, or the one they made before. */
  async declareConflict(
    tx: Transaction,
    declaration: Pick<ConflictDeclaration, 'proposalId' | 'personId' | 'reason'>,
  ): Promise<ConflictDeclaration> {
    const manager = this.db(tx);
    await manager.createQueryBuilder().insert().into(ConflictDeclaration).values(declaration).orIgnore().execute();
    return manager.findOneByOrFail(ConflictDeclaration, {
      proposalId: declaration.proposalId,
      personId: declaration.personId,
    });
  }

  /**
   * The ballot's proposal and deadline (as PostgreSQL writes it to JSON), when it is open and its deadline
   * falls within `withinMs` after `now`; null otherwise.
   */
  async closingSoon(
    tx: Transaction,
    ballotId: string,
    now: Date,
    withinMs: number,
  ): Promise<{ proposalId: string; closesAt: string } | null> {
    const [due]: Array<{ proposal_id: string; closes_at: string }> = await this.db(tx).query(
      `SELECT ballot.proposal_id, to_json(ballot.closes_at) #>> '{}' AS closes_at
         FROM ballot
        WHERE ballot.id = $1 AND ballot.state = 'open' AND ballot.closes_at > $2
          AND ballot.closes_at <= $2::timestamptz + make_interval(secs => $3)`,
      [ballotId, now, withinMs / 1000],
    );
    return due === undefined ? null : { proposalId: due.proposal_id, closesAt: due.closes_at };
  }
}
