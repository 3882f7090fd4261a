import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Locale } from '@majlis/config';
import { badInput, checkedTimeZone, LOCALES, notFound, unauthenticated } from '@majlis/language';
import { ALL_ROLES } from './role';
import { Actor, actorOf, requireRole } from './actor';
import { PeopleLoaders } from './people.loaders';
import { PasswordHasher } from './password-hasher';
import { DIGITS, Digits, Person } from './person.entity';
import { PersonRepository } from './person.repository';
import { SignInThrottle } from './sign-in-throttle';

export interface Session {
  token: string;
  expiresAt: Date;
  person: Person;
}

// Longer inputs cannot be an account's; refusing them up front keeps hashing from being abused.
const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 1024;

/** What a person changes of their own profile; absent keeps it, null (digits, time zone) returns to the default. */
export interface ProfileChange {
  locale?: Locale | null;
  digits?: Digits | null;
  timeZone?: string | null;
}

interface TokenClaims {
  sub: string;
  exp: number;
  /** The session's id, so that signing out can revoke it; tokens without one are no longer accepted. */
  jti?: string;
  /** When it was signed, in milliseconds (iat has seconds only): sessions signed before a revocation end. */
  sat?: number;
  iat?: number;
}

@Injectable()
export class IdentityService {
  constructor(
    private readonly people: PersonRepository,
    private readonly passwords: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly throttle: SignInThrottle,
  ) {}

  /** Batched reads of people for one request. */
  loaders(): PeopleLoaders {
    return new PeopleLoaders(this.people);
  }

  /**
   * Signs a person in; an unknown e-mail and a wrong password are refused alike, and counted against the
   * account and the address (`address`: the client's IP, when known): after too many, TOO_MANY_REQUESTS.
   */
  async login(email: string, password: string, address?: string): Promise<Session> {
    // No account's address is that long or holds a NUL (which PostgreSQL cannot even compare: it was a 500).
    if (email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH || email.includes('\u0000'))
      throw unauthenticated('wrongCredentials');
    await this.throttle.assertMayTry(email, address);
    const person = await this.people.findByEmail(email);
    const matches = await this.passwords.verify(person?.passwordHash ?? undefined, password);
    if (person === null || !matches || !person.active) {
      await this.throttle.recordFailure(email, address);
      throw unauthenticated('wrongCredentials');
    }
    return this.issueSession(person);
  }

  /** A new signed session for a person who proved who they are (a password, a one-time link). */
  async issueSession(person: Person): Promise<Session> {
    const token = await this.jwt.signAsync({ sub: person.id, sat: Date.now() }, { jwtid: randomUUID() });
    const { exp } = this.jwt.decode<TokenClaims>(token);
    return { token, expiresAt: new Date(exp * 1000), person };
  }

  /** The actor a bearer token stands for; refuses expired, forged and deactivated ones. */
  async actorFromToken(token: string, locale: Locale | undefined): Promise<Actor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw unauthenticated('sessionExpired');
    }
    if (claims.jti === undefined) throw unauthenticated('sessionExpired');
    const signedAt = new Date(claims.sat ?? (claims.iat ?? 0) * 1000);
    const person = await this.people.findBySession(claims.sub, claims.jti, signedAt);
    if (person === null || !person.active) throw unauthenticated('sessionExpired');
    return actorOf(person, locale);
  }

  /** Signs a session out: its token is refused from now on, everywhere. A token that is not valid anyway changes nothing. */
  async logout(token: string): Promise<void> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return;
    }
    if (claims.jti === undefined) return;
    await this.people.revokeSession(claims.jti, claims.sub, new Date(claims.exp * 1000));
  }

  async me(actor: Actor): Promise<Person> {
    const person = await this.people.findById(actor.personId);
    if (person === null) throw notFound('person', actor.personId);
    return person;
  }

  /**
   * The signed-in person changes their own language, digits and time zone. The language is also the one
   * their e-mails and in-app notifications are written in from the next event on.
   */
  async updateProfile(actor: Actor, change: ProfileChange): Promise<Person> {
    requireRole(actor, ALL_ROLES, 'updateMyProfile');
    const update: Partial<Pick<Person, 'preferredLocale' | 'digits' | 'timeZone'>> = {};
    if (change.locale !== undefined && change.locale !== null) {
      if (!LOCALES.includes(change.locale)) throw badInput('locale', 'oneOf', { allowed: LOCALES.join(', ') });
      update.preferredLocale = change.locale;
    }
    if (change.digits !== undefined) {
      if (change.digits !== null && !DIGITS.includes(change.digits))
        throw badInput('digits', 'oneOf', { allowed: DIGITS.join(', ') });
      update.digits = change.digits;
    }
    if (change.timeZone !== undefined)
      update.timeZone = change.timeZone === null ? null : checkedTimeZone('timeZone', change.timeZone.trim());
    if (Object.keys(update).length > 0) await this.people.update(actor.personId, update);
    return this.me(actor);
  }
}
