export { AgendaBuilderPage } from './AgendaBuilderPage';
export { AgendaPrintPage } from './AgendaPrintPage';
export { BoardDeskPage } from './BoardDeskPage';
export type { RulesView } from './OpenBallotDialog';
