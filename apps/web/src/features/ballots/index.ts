export { BallotPage } from './BallotPage';
export { BallotsPage, OpenBallots, OpenBallotsForMe } from './BallotsPage';
export { RulesCard } from './RulesCard';
