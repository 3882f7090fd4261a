export { DeskListPage } from './DeskListPage';
export { EditProposalPage } from './EditProposalPage';
export { NewProposalPage } from './NewProposalPage';
export { mayOpenDesk } from '../../lib/proposal-access';
export { clearLocalCopies } from './local-copy';
