import { SetMetadata } from '@nestjs/common';
import { Role } from '@majlis/domain';

export const ACCESS_RULE = 'majlis:access-rule';

export type AccessRule = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'roles'; roles: readonly Role[] };

/** The roles that may call this query or mutation; every operation must name its rule. */
export const Allow = (...roles: Role[]): MethodDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);

/** Open to anyone, signed in or not (e.g. `login`). */
export const Public = (): MethodDecorator => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in person, whatever their role. */
export const AnyRole = (): MethodDecorator => Allow(...Object.values(Role));

/**
 * Any signed-in person, even one left with no role, and the service decides: for what a snapshot admits
 * (a ballot's voters keep their vote after their board seat ends).
 */
export const SignedIn = (): MethodDecorator => SetMetadata(ACCESS_RULE, { kind: 'signedIn' } satisfies AccessRule);
