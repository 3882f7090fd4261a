import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupLoader, recordLoader } from '@majlis/persistence';
import type { Actor } from '../identity';
import { canSeeProposal, canSeeReview } from './proposal-access';
import { ProposalRevision } from './proposal-revision.entity';
import type { Proposal } from './proposal.entity';
import type { ProposalRepository } from './proposal.repository';
import type { ReviewComment } from './review-comment.entity';

/**
 * Proposals and what hangs off them for one request, each batch in one query, seen as the requesting
 * actor may see them: another city's draft reads as absent, review threads only for those in the review.
 */
export class ProposalLoaders {
  private readonly proposals: DataLoader<string, Proposal | null>;
  private readonly amendments: DataLoader<string, Proposal[]>;
  private readonly revisions: DataLoader<string, ProposalRevision[]>;
  private readonly revisionsById: DataLoader<string, ProposalRevision | null>;
  private readonly comments: DataLoader<string, ReviewComment[]>;
  private readonly cosponsors: DataLoader<string, Array<{ proposalId: string; memberCityId: string }>>;

  constructor(
    repository: ProposalRepository,
    dataSource: DataSource,
    private readonly actor: () => Actor,
  ) {
    this.proposals = recordLoader(
      (ids) => repository.findByIds(ids),
      (proposal) => proposal.id,
    );
    this.amendments = groupLoader(
      (ids) => repository.amendmentsOf(ids),
      (proposal) => proposal.parentId ?? '',
    );
    this.revisions = groupLoader(
      (ids) => repository.revisionsOf(ids),
      (revision) => revision.proposalId,
    );
    this.revisionsById = recordLoader(
      (ids) => dataSource.manager.findBy(ProposalRevision, { id: In([...ids]) }),
      (revision) => revision.id,
    );
    this.comments = groupLoader(
      (ids) => repository.commentsOf(ids),
      (comment) => comment.proposalId,
    );
    this.cosponsors = groupLoader(
      (ids) => repository.cosponsorsOf(ids),
      (pair) => pair.proposalId,
    );
  }

  async proposal(id: string): Promise<Proposal | null> {
    const proposal = await this.proposals.load(id);
    return proposal !== null && canSeeProposal(this.actor(), proposal) ? proposal : null;
  }

  async amendmentsOf(proposal: Proposal): Promise<Proposal[]> {
    const actor = this.actor();
    return (await this.amendments.load(proposal.id)).filter((amendment) => canSeeProposal(actor, amendment));
  }

  revisionsOf(proposal: Proposal): Promise<ProposalRevision[]> {
    return this.revisions.load(proposal.id);
  }

  revision(id: string): Promise<ProposalRevision | null> {
    return this.revisionsById.load(id);
  }

  async reviewCommentsOf(proposal: Proposal): Promise<ReviewComment[]> {
    return canSeeReview(this.actor(), proposal) ? this.comments.load(proposal.id) : [];
  }

  async cosponsorIdsOf(proposal: Proposal): Promise<string[]> {
    return (await this.cosponsors.load(proposal.id)).map((pair) => pair.memberCityId);
  }
}
