export const ACTOR_ROLES = ['ADMIN', 'SECRETARIAT', 'BOARD_MEMBER', 'DELEGATE', 'OBSERVER'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Who is sending an event, as plain data the service derives from the session and the entity. */
export interface PolicyActor {
  readonly roles: readonly ActorRole[];
  /** The platform itself (a deadline job, a ballot closing), never a person. */
  readonly system?: boolean;
  /** The actor's member city owns the proposal or action item. */
  readonly ownsEntity: boolean;
  readonly isHeadOfDelegation: boolean;
}

// Grants are plain data so the API can serve the policy as it is checked; any matching grant allows.
export type PolicyGrant =
  | { readonly system: true }
  | { readonly role: ActorRole; readonly ownsEntity?: true; readonly isHeadOfDelegation?: true };

export type PolicyTable<TEventType extends string> = { readonly [E in TEventType]: readonly PolicyGrant[] };

export const SECRETARIAT: PolicyGrant = { role: 'SECRETARIAT' };
export const SYSTEM: PolicyGrant = { system: true };
export const OWNING_DELEGATE: PolicyGrant = { role: 'DELEGATE', ownsEntity: true };
export const OWNING_HEAD_OF_DELEGATION: PolicyGrant = { role: 'DELEGATE', ownsEntity: true, isHeadOfDelegation: true };

export function grantMatches(grant: PolicyGrant, actor: PolicyActor): boolean {
  if ('system' in grant) return actor.system === true;
  return (
    actor.roles.includes(grant.role) &&
    (grant.ownsEntity !== true || actor.ownsEntity) &&
    (grant.isHeadOfDelegation !== true || actor.isHeadOfDelegation)
  );
}

export function grantsAllow(grants: readonly PolicyGrant[], actor: PolicyActor): boolean {
  return grants.some((grant) => grantMatches(grant, actor));
}
