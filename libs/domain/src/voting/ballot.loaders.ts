import type DataLoader from 'dataloader';
import { groupLoader } from '@majlis/persistence';
import { BallotVoter } from './ballot-voter.entity';
import { Ballot } from './ballot.entity';
import { BallotRepository } from './ballot.repository';
import { Vote } from './vote.entity';

/** Who may vote on a ballot, and the votes cast so far (in the order they were cast). */
export interface Participation {
  voters: BallotVoter[];
  votes: Vote[];
}

/** Ballots by proposal, and their voters and votes, for one request, in one query per batch. */
export class BallotLoaders {
  private readonly byProposal: DataLoader<string, Ballot[]>;
  private readonly votersOf: DataLoader<string, BallotVoter[]>;
  private readonly votes: DataLoader<string, Vote[]>;

  constructor(ballots: BallotRepository) {
    this.byProposal = groupLoader(
      (proposalIds) => ballots.ofProposals(proposalIds),
      (ballot) => ballot.proposalId,
    );
    this.votersOf = groupLoader(
      (ballotIds) => ballots.votersOf(ballotIds),
      (voter) => voter.ballotId,
    );
    this.votes = groupLoader(
      (ballotIds) => ballots.votesOf(ballotIds),
      (vote) => vote.ballotId,
    );
  }

  async participation(ballotId: string): Promise<Participation> {
    const [voters, votes] = await Promise.all([this.votersOf.load(ballotId), this.votes.load(ballotId)]);
    return { voters, votes };
  }

  /** Who may vote on it: the board as it stood at opening, less those who declared a conflict since. */
  voters(ballotId: string): Promise<BallotVoter[]> {
    return this.votersOf.load(ballotId);
  }

  async latestOf(proposalId: string): Promise<Ballot | null> {
    return (await this.byProposal.load(proposalId))[0] ?? null;
  }
}
