// The identity feature's public file: other features and libs import it only through here.
export { AccountLink } from './account-link.entity';
export type { AccountLinkPurpose } from './account-link.entity';
export { actorOf, hasAnyRole, requireRole, speaksForCity } from './actor';
export type { Actor } from './actor';
export { IdentityModule } from './identity.module';
export { IdentityService } from './identity.service';
export type { ProfileChange, Session } from './identity.service';
export { PasswordHasher } from './password-hasher';
export { PeopleLoaders } from './people.loaders';
export { PeopleModule } from './people.module';
export type { PersonRelation } from './people.loaders';
export { DIGITS, digitsOf, FORMS_OF_ADDRESS, Person } from './person.entity';
export type { Digits, FormOfAddress } from './person.entity';
export { PersonRepository } from './person.repository';
export type { NewPerson, PeopleQuery } from './person.repository';
export { RevokedSession } from './revoked-session.entity';
export { ALL_ROLES, Role } from './role';
export { SignInAttempt } from './sign-in-attempt.entity';
