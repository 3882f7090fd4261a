import type { Locale } from '@majlis/config';
import type { ActionName } from '@majlis/language';
import { forbidden } from '@majlis/language';
import type { Digits, Person } from './person.entity';
import { Role } from './role';

/** Who is asking: the signed-in person as the services see them. */
export interface Actor {
  personId: string;
  roles: readonly Role[];
  memberCityId: string | null;
  isHeadOfDelegation: boolean;
  locale: Locale;
  /** The digits they chose; absent: their language's own (Arabic-Indic for Arabic, Latin for English). */
  digits?: Digits;
}

/** The actor a person is when signed in, reading in `locale` (the request's) or else their own language. */
export const actorOf = (person: Person, locale?: Locale): Actor => ({
  personId: person.id,
  roles: person.roles,
  memberCityId: person.memberCityId,
  isHeadOfDelegation: person.isHeadOfDelegation,
  locale: locale ?? person.preferredLocale,
  ...(person.digits === null ? {} : { digits: person.digits }),
});

export const hasAnyRole = (actor: Actor, roles: readonly Role[]): boolean =>
  actor.roles.some((role) => roles.includes(role));

/** A service method's first line: refuses the actor unless they hold one of `roles`. */
export function requireRole(actor: Actor, roles: readonly Role[], action: ActionName): void {
  if (!hasAnyRole(actor, roles)) throw forbidden(action);
}

/** The secretariat, or the head of the city's own delegation: who speaks for a city's people and offices. */
export const speaksForCity = (actor: Actor, memberCityId: string): boolean =>
  actor.roles.includes(Role.SECRETARIAT) ||
  (actor.roles.includes(Role.DELEGATE) && actor.isHeadOfDelegation && actor.memberCityId === memberCityId);
