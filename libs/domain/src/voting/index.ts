// The voting feature's public file: other features and libs import it only through here.
export { ballotCloseJobId, BallotDeadlines, ballotReminderJobId, CLOSING_SOON_MS } from './ballot-deadlines';
export { BallotEvents } from './ballot-events';
export { BallotVoter } from './ballot-voter.entity';
export { Ballot } from './ballot.entity';
export { BallotLoaders } from './ballot.loaders';
export type { Participation } from './ballot.loaders';
export { BallotService } from './ballot.service';
export type { BallotFilter, BallotRulesInput, BallotView, VoteAnswer } from './ballot.service';
export { ConflictDeclaration } from './conflict-declaration.entity';
export { VoteReceipt } from './vote-receipt.entity';
export { Vote } from './vote.entity';
export { VotingModule } from './voting.module';
