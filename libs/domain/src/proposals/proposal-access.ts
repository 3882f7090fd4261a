import type { Actor } from '../identity';
import { Role } from '../identity';
import type { Proposal } from './proposal.entity';

/**
 * Who sees and edits what of proposals, in one place: a proposal never submitted (a draft, or a draft
 * withdrawn before its submission) is visible only to its own city and the secretariat; review comments only to those same people; drafts are edited by their city's delegates.
 */
export const isSecretariat = (actor: Actor): boolean => actor.roles.includes(Role.SECRETARIAT);

const ofOwningCity = (actor: Actor, proposal: Pick<Proposal, 'ownerCityId'>): boolean =>
  actor.memberCityId !== null && actor.memberCityId === proposal.ownerCityId;

export function canSeeProposal(actor: Actor, proposal: Pick<Proposal, 'ownerCityId' | 'submittedAt'>): boolean {
  return proposal.submittedAt !== null || isSecretariat(actor) || ofOwningCity(actor, proposal);
}

export function canSeeReview(actor: Actor, proposal: Pick<Proposal, 'ownerCityId'>): boolean {
  return isSecretariat(actor) || ofOwningCity(actor, proposal);
}

export function canEditDraft(actor: Actor, proposal: Pick<Proposal, 'ownerCityId'>): boolean {
  return actor.roles.includes(Role.DELEGATE) && ofOwningCity(actor, proposal);
}

/** The same visibility rule as `canSeeProposal`, as SQL over the proposal table under `alias`. */
export function visibleProposalsCondition(
  alias: string,
  actor: Actor,
): { sql: string; params: Record<string, unknown> } {
  if (isSecretariat(actor)) return { sql: 'TRUE', params: {} };
  if (actor.memberCityId === null) return { sql: `${alias}.submitted_at IS NOT NULL`, params: {} };
  return {
    sql: `(${alias}.submitted_at IS NOT NULL OR ${alias}.owner_city_id = :viewerCityId)`,
    params: { viewerCityId: actor.memberCityId },
  };
}
