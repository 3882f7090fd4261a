import { hasRole, type Me } from './session';
import type { ProposalState } from '../gql/graphql';

/** Who opens the desk's list: delegations (heads included) and the secretariat. */
export const mayOpenDesk = (me: Me): boolean => hasRole(me, 'DELEGATE', 'SECRETARIAT');

/** Who drafts: a delegate of a member city. */
export const mayDraft = (me: Me): boolean =>
  hasRole(me, 'DELEGATE') && me.memberCity !== null && me.memberCity !== undefined;

/** The states in which the owning delegation still edits the text. */
const EDITABLE: readonly ProposalState[] = ['draft', 'changesRequested'];

export const mayEdit = (me: Me, ownerCityId: string, state: ProposalState): boolean =>
  mayDraft(me) && me.memberCity?.id === ownerCityId && EDITABLE.includes(state);
