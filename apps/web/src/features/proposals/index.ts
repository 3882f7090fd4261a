export { ProposalPage } from './ProposalPage';
export { CityProposals, RecentDecisions } from './ProposalRows';
