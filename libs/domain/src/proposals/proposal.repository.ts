import { Injectable } from '@nestjs/common';
import { Brackets, In, IsNull } from 'typeorm';
import type { ProposalState } from '@majlis/workflow';
import { foldForSearch } from '@majlis/language';
import { EntityRepository, updatedRows, type Transaction } from '@majlis/persistence';
import type { Cursor } from '@majlis/persistence';
import { MemberCity } from '../partnership';
import { WorkflowTransition, type VersionedMove } from '../transitions';
import { ProposalRevision } from './proposal-revision.entity';
import { ProposalWorkingCopy } from './proposal-working-copy.entity';
import { Proposal, ProposalCategory } from './proposal.entity';

/** How a list of proposals is ordered; newest created first by default. */
export enum ProposalOrder {
  CREATED_AT_DESC = 'CREATED_AT_DESC',
  CREATED_AT_ASC = 'CREATED_AT_ASC',
  /** First submitted first, never-submitted drafts last: the review queue's order. */
  SUBMITTED_AT_ASC = 'SUBMITTED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}

/**
 * Each order's sort key as SQL over alias `proposal`, and its direction. Keys other than the default's are
 * cut to milliseconds, as a cursor (an ISO instant) carries them, so a page never repeats its last row.
 */
const ORDERINGS: Record<ProposalOrder, { key: string; direction: 'ASC' | 'DESC' }> = {
  [ProposalOrder.CREATED_AT_DESC]: { key: 'proposal.created_at', direction: 'DESC' },
  [ProposalOrder.CREATED_AT_ASC]: { key: "date_trunc('milliseconds', proposal.created_at)", direction: 'ASC' },
  [ProposalOrder.SUBMITTED_AT_ASC]: {
    key: "COALESCE(date_trunc('milliseconds', proposal.submitted_at), 'infinity'::timestamptz)",
    direction: 'ASC',
  },
  [ProposalOrder.UPDATED_AT_DESC]: { key: "date_trunc('milliseconds', proposal.updated_at)", direction: 'DESC' },
};

/** The cursor's key of a proposal in `order`: the instant it is sorted by ('infinity' for a never-submitted one). */
export function proposalSortKey(order: ProposalOrder, proposal: Proposal): string {
  switch (order) {
    case ProposalOrder.CREATED_AT_DESC:
    case ProposalOrder.CREATED_AT_ASC:
      return proposal.createdAt.toISOString();
    case ProposalOrder.SUBMITTED_AT_ASC:
      return proposal.submittedAt === null ? 'infinity' : proposal.submittedAt.toISOString();
    case ProposalOrder.UPDATED_AT_DESC:
      return proposal.updatedAt.toISOString();
  }
}

export interface ProposalFilter {
  states?: ProposalState[] | null;
  ownerCityId?: string | null;
  category?: ProposalCategory | null;
  meetingId?: string | null;
  /** Amendments of this proposal. */
  parentId?: string | null;
  /** Words found in the title or summary, in either language. */
  search?: string | null;
}

const likePattern = (text: string): string => `%${foldForSearch(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What a new proposal is made of; its id, state, version and times are the database's. */
export type NewProposal = Pick<
  Proposal,
  | 'ownerCityId'
  | 'category'
  | 'parentId'
  | 'meetingId'
  | 'title'
  | 'summary'
  | 'searchText'
  | 'revisionCount'
  | 'createdById'
> & { cosponsors: MemberCity[] };

/** A revision to add: numbered by the caller, which holds the proposal's lock. */
export type NewRevision = Pick<ProposalRevision, 'proposalId' | 'number' | 'authorId' | 'title' | 'summary' | 'body'>;

/**
 * Proposals and the rows each one owns: its revisions, its working copy, its co-sponsoring cities; and
 * its steps as the workflow recorded them.
 */
@Injectable()
export class ProposalRepository extends EntityRepository<Proposal> {
  protected readonly entity = Proposal;
  protected readonly entityName = 'proposal' as const;

  findByIds(ids: readonly string[]): Promise<Proposal[]> {
    return this.db().findBy(Proposal, { id: In([...ids]) });
  }

  amendmentsOf(parentIds: readonly string[]): Promise<Proposal[]> {
    return this.db().find(Proposal, {
      where: { parentId: In([...parentIds]) },
      order: { createdAt: 'ASC' },
    });
  }

  /** A new draft with its co-sponsors (its first revision is the caller's to add). */
  insert(tx: Transaction, proposal: NewProposal): Promise<Proposal> {
    const manager = this.db(tx);
    return manager.save(manager.create(Proposal, proposal));
  }

  /** Saves what the caller changed on a proposal it holds locked (its text, its version). */
  save(tx: Transaction, proposal: Proposal): Promise<Proposal> {
    return this.db(tx).save(Proposal, proposal);
  }

  /** Writes the proposal's listed text (title, summary, search text) and its count of revisions. */
  async updateText(tx: Transaction, proposal: Proposal): Promise<void> {
    const { title, summary, searchText, revisionCount } = proposal;
    await this.db(tx).update(Proposal, { id: proposal.id }, { title, summary, searchText, revisionCount });
  }

  /**
   * Moves the proposal from `from` to `to` only if nobody changed it since `version`: its new version,
   * or the version it is at now when someone did.
   */
  async moveState(
    tx: Transaction,
    id: string,
    step: { from: ProposalState; to: ProposalState; version: number },
  ): Promise<VersionedMove> {
    const manager = this.db(tx);
    const rows = updatedRows<{ version: number }>(
      await manager.query(
        `UPDATE proposal SET state = $1, version = version + 1, updated_at = now()
          WHERE id = $2 AND version = $3 AND state = $4 RETURNING version`,
        [step.to, id, step.version, step.from],
      ),
    );
    if (rows.length > 0) return { moved: true, version: rows[0].version };
    const current = await manager.findOne(Proposal, { select: { id: true, version: true }, where: { id } });
    return { moved: false, current: current?.version ?? 0 };
  }

  /** A submission freezes the text it submits; from its first one on, every city sees the proposal. */
  async markSubmitted(tx: Transaction, id: string, now: Date): Promise<void> {
    const manager = this.db(tx);
    await manager.update(ProposalRevision, { proposalId: id, frozenAt: IsNull() }, { frozenAt: now });
    await manager.update(Proposal, { id, submittedAt: IsNull() }, { submittedAt: now });
  }

  /** In `order`, within `visible` (a condition over alias `proposal`). */
  async list(
    filter: ProposalFilter,
    visible: { sql: string; params: Record<string, unknown> },
    order: ProposalOrder,
    take: number,
    after: Cursor | null,
  ): Promise<[Proposal[], number]> {
    const query = this.db()
      .getRepository(Proposal)
      .createQueryBuilder('proposal')
      .where(new Brackets((where) => where.where(visible.sql, visible.params)));
    if (filter.states && filter.states.length > 0)
      query.andWhere('proposal.state IN (:...states)', { states: filter.states });
    if (filter.ownerCityId)
      query.andWhere('proposal.owner_city_id = :ownerCityId', { ownerCityId: filter.ownerCityId });
    if (filter.category) query.andWhere('proposal.category = :category', { category: filter.category });
    if (filter.meetingId) query.andWhere('proposal.meeting_id = :meetingId', { meetingId: filter.meetingId });
    if (filter.parentId) query.andWhere('proposal.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.search && filter.search.trim() !== '')
      query.andWhere(`proposal.search_text LIKE :search ESCAPE '\\'`, { search: likePattern(filter.search) });
    const total = await query.getCount();
    const { key, direction } = ORDERINGS[order];
    if (after !== null)
      query.andWhere(`(${key}, proposal.id) ${direction === 'ASC' ? '>' : '<'} (CAST(:key AS timestamptz), :id)`, {
        key: after.key,
        id: after.id,
      });
    const rows = await query.orderBy(key, direction).addOrderBy('proposal.id', direction).take(take).getMany();
    return [rows, total];
  }

  async addRevision(tx: Transaction, revision: NewRevision): Promise<void> {
    await this.db(tx).insert(ProposalRevision, revision);
  }

  revisionsOf(proposalIds: readonly string[]): Promise<ProposalRevision[]> {
    return this.db().find(ProposalRevision, {
      where: { proposalId: In([...proposalIds]) },
      order: { number: 'ASC' },
    });
  }

  revisionsByIds(ids: readonly string[]): Promise<ProposalRevision[]> {
    return this.db().findBy(ProposalRevision, { id: In([...ids]) });
  }

  revisionByNumber(proposalId: string, number: number, tx?: Transaction): Promise<ProposalRevision | null> {
    return this.db(tx).findOneBy(ProposalRevision, { proposalId, number });
  }

  latestRevision(tx: Transaction, proposalId: string): Promise<ProposalRevision | null> {
    return this.db(tx).findOne(ProposalRevision, { where: { proposalId }, order: { number: 'DESC' } });
  }

  /** (proposal, co-sponsoring city) pairs of the given proposals. */
  cosponsorsOf(proposalIds: readonly string[]): Promise<Array<{ proposalId: string; memberCityId: string }>> {
    return this.db().query(
      'SELECT proposal_id AS "proposalId", member_city_id AS "memberCityId" FROM proposal_cosponsor WHERE proposal_id = ANY($1::uuid[])',
      [proposalIds],
    );
  }

  workingCopy(tx: Transaction, proposalId: string): Promise<ProposalWorkingCopy | null> {
    return this.db(tx).findOneBy(ProposalWorkingCopy, { proposalId });
  }

  workingCopiesOf(proposalIds: readonly string[]): Promise<ProposalWorkingCopy[]> {
    return this.db().findBy(ProposalWorkingCopy, { proposalId: In([...proposalIds]) });
  }

  /** Writes the proposal's working copy in place of the one it had. */
  async storeWorkingCopy(tx: Transaction, copy: ProposalWorkingCopy): Promise<void> {
    await this.db(tx).upsert(ProposalWorkingCopy, copy, ['proposalId']);
  }

  async removeWorkingCopy(tx: Transaction, proposalId: string): Promise<void> {
    await this.db(tx).delete(ProposalWorkingCopy, { proposalId });
  }

  /** The workflow steps of the given proposals, each proposal's in the order they were taken. */
  transitionsOf(proposalIds: readonly string[]): Promise<WorkflowTransition[]> {
    return this.db().find(WorkflowTransition, {
      where: { entityType: 'proposal', entityId: In([...proposalIds]) },
      order: { version: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  async cosponsorIds(tx: Transaction, proposalId: string): Promise<string[]> {
    const rows: Array<{ memberCityId: string }> = await this.db(tx).query(
      'SELECT member_city_id AS "memberCityId" FROM proposal_cosponsor WHERE proposal_id = $1',
      [proposalId],
    );
    return rows.map((row) => row.memberCityId);
  }

  async addCosponsor(tx: Transaction, proposalId: string, memberCityId: string): Promise<void> {
    await this.db(tx).query(
      'INSERT INTO proposal_cosponsor (proposal_id, member_city_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [proposalId, memberCityId],
    );
  }

  async removeCosponsor(tx: Transaction, proposalId: string, memberCityId: string): Promise<void> {
    await this.db(tx).query('DELETE FROM proposal_cosponsor WHERE proposal_id = $1 AND member_city_id = $2', [
      proposalId,
      memberCityId,
    ]);
  }

  /** The member cities among `ids` that a proposal may name as co-sponsors (those that exist). */
  memberCities(tx: Transaction, ids: readonly string[]): Promise<MemberCity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.db(tx).findBy(MemberCity, { id: In([...ids]) });
  }

  /** Puts the proposal on the meeting it is scheduled for. */
  async placeOnMeeting(tx: Transaction, id: string, meetingId: string): Promise<void> {
    await this.db(tx).update(Proposal, { id }, { meetingId });
  }
}
