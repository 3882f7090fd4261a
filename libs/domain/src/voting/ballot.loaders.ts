import type DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupLoader } from '../reading/batch';
import { Ballot } from './ballot.entity';

/** Ballots by proposal for one request, in one query per batch. */
export class BallotLoaders {
  private readonly byProposal: DataLoader<string, Ballot[]>;

  constructor(dataSource: DataSource) {
    this.byProposal = groupLoader(
      (proposalIds) =>
        dataSource.manager.find(Ballot, {
          where: { proposalId: In([...proposalIds]) },
          order: { createdAt: 'DESC', id: 'DESC' },
        }),
      (ballot) => ballot.proposalId,
    );
  }

  async latestOf(proposalId: string): Promise<Ballot | null> {
    return (await this.byProposal.load(proposalId))[0] ?? null;
  }
}
