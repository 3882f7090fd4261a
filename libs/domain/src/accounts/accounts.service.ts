import { Injectable, Logger } from '@nestjs/common';
import type { Locale } from '@majlis/config';
import {
  badInput,
  checkedTimeZone,
  DomainError,
  forbidden,
  LOCALES,
  LocalizedText,
  LocalizedTextInput,
  notFound,
  requiredText,
} from '@majlis/language';
import { LiveUpdates } from '@majlis/live';
import { Page, pageSize, requireUuid, toPage, type Transaction, UnitOfWork } from '@majlis/persistence';
import type { AuditPayload } from '../audit';
import { AuditService } from '../audit';
import {
  AccountLink,
  AccountLinkPurpose,
  Actor,
  FORMS_OF_ADDRESS,
  FormOfAddress,
  hasAnyRole,
  IdentityService,
  PasswordHasher,
  Person,
  PersonRepository,
  requireRole,
  Role,
  Session,
} from '../identity';
import { BoardSeatRepository, MemberCityRepository } from '../partnership';
import { AccountLinkRepository } from './account-link.repository';
import { AccountMail } from './account-mail';
import { checkedEmail, checkedPassword, isUniqueViolation } from './account-rules';
import { today } from './board-seat.service';
import { IssuedLink, issueLink, usableLink } from './one-time-link';

export interface PersonFilter {
  memberCityId?: string | null;
  role?: Role | null;
  active?: boolean | null;
  search?: string | null;
}

export interface InvitePersonInput {
  email: string;
  name: LocalizedTextInput;
  roles: Role[];
  memberCityId?: string | null;
  isHeadOfDelegation?: boolean | null;
  locale?: Locale | null;
  /** How messages greet them; left out: not known. */
  formOfAddress?: FormOfAddress | null;
}

export interface UpdatePersonInput {
  name?: LocalizedTextInput | null;
  roles?: Role[] | null;
  memberCityId?: string | null;
  isHeadOfDelegation?: boolean | null;
  preferredLocale?: Locale | null;
  timeZone?: string | null;
  /** Null: not known (a neutral greeting); left out: unchanged. */
  formOfAddress?: FormOfAddress | null;
}

export interface SetupInput {
  token: string;
  email: string;
  name: LocalizedTextInput;
  password: string;
  locale?: Locale | null;
}

export interface PasswordLinkView {
  purpose: Exclude<AccountLinkPurpose, 'setup'>;
  email: string;
  name: LocalizedText;
  expiresAt: Date;
}

/** What the secretariat may hand out; administrators may give every role. */
const INVITED_BY_SECRETARIAT: readonly Role[] = [Role.DELEGATE, Role.BOARD_MEMBER, Role.OBSERVER];
const MAX_SEARCH = 200;

/**
 * People's accounts: the first administrator, invitations, one-time links to set a password, password
 * resets, and what administrators change of a person (roles, city, language, active). Every change is
 * audited; deactivating ends every session of the person at once.
 */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly persons: PersonRepository,
    private readonly links: AccountLinkRepository,
    private readonly cities: MemberCityRepository,
    private readonly seats: BoardSeatRepository,
    private readonly identity: IdentityService,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditService,
    private readonly mail: AccountMail,
    private readonly live: LiveUpdates,
  ) {}

  // ---- reading people ----

  /** Administrators and the secretariat see everyone; a head of delegation sees the people of their city. */
  async people(
    actor: Actor,
    filter: PersonFilter,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Person>> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT, Role.DELEGATE], 'people');
    const ownCityOnly = !hasAnyRole(actor, [Role.ADMIN, Role.SECRETARIAT]);
    if (ownCityOnly && !(actor.isHeadOfDelegation && actor.memberCityId !== null)) throw forbidden('people');
    const page = pageSize({ first, after });
    const memberCityIds = ownCityOnly && actor.memberCityId !== null ? [actor.memberCityId] : [];
    if (filter.memberCityId !== undefined && filter.memberCityId !== null) {
      requireUuid(filter.memberCityId, 'memberCity', 'filter.memberCityId');
      memberCityIds.push(filter.memberCityId);
    }
    const role = filter.role ?? null;
    if (role !== null && !Object.values(Role).includes(role))
      throw badInput('filter.role', 'oneOf', { allowed: Object.values(Role).join(', ') });
    const search = filter.search?.trim() ?? '';
    if (search.length > MAX_SEARCH)
      throw badInput('filter.search', 'textTooLong', { max: MAX_SEARCH, length: search.length });
    const { rows, totalCount } = await this.persons.page(
      { memberCityIds, role, active: filter.active ?? null, search },
      page.after,
      page.take,
    );
    return toPage(rows, page.size, totalCount, (person) => person.email);
  }

  async person(actor: Actor, id: string): Promise<Person> {
    requireRole(actor, Object.values(Role), 'person');
    const person = await this.persons.require(id);
    if (person.id === actor.personId || hasAnyRole(actor, [Role.ADMIN, Role.SECRETARIAT])) return person;
    if (actor.isHeadOfDelegation && actor.memberCityId !== null && person.memberCityId === actor.memberCityId)
      return person;
    throw forbidden('person');
  }

  // ---- invitations ----

  async invitePerson(actor: Actor, input: InvitePersonInput): Promise<Person> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT, Role.DELEGATE], 'invitePerson');
    const roles = checkedRoles('roles', input.roles);
    const memberCityId = input.memberCityId ?? (isHeadOnly(actor) ? actor.memberCityId : null);
    this.requireMayInvite(actor, roles, memberCityId, input.isHeadOfDelegation ?? false);
    const email = checkedEmail('email', input.email);
    const name = requiredText('name', input.name, 'name', actor.locale);
    const locale = checkedLocale('locale', input.locale) ?? actor.locale;
    const formOfAddress = checkedFormOfAddress('formOfAddress', input.formOfAddress) ?? null;
    let issued: IssuedLink | undefined;
    const person = await this.uniqueEmail(() =>
      this.unitOfWork.run(async (tx) => {
        const city = memberCityId === null ? null : await this.cities.require(memberCityId, 'memberCityId', tx);
        if (await this.persons.emailTaken(tx, email)) throw badInput('email', 'emailTaken');
        const created = await this.persons.insert(tx, {
          email,
          passwordHash: null,
          passwordSetAt: null,
          name,
          preferredLocale: locale,
          roles,
          memberCityId: city?.id ?? null,
          isHeadOfDelegation: (input.isHeadOfDelegation ?? false) && roles.includes(Role.DELEGATE),
          formOfAddress,
          active: true,
        });
        issued = await issueLink(this.links, tx, 'invitation', created.id);
        await this.record(tx, actor, created.id, 'person.invited', {
          email,
          roles: roles.join(','),
          memberCityId: created.memberCityId,
          isHeadOfDelegation: created.isHeadOfDelegation,
        });
        return created;
      }),
    );
    if (issued !== undefined) await this.mailLink(person, issued);
    return this.reread(person.id);
  }

  async resendInvitation(actor: Actor, personId: string): Promise<Person> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT, Role.DELEGATE], 'resendInvitation');
    let issued: IssuedLink | undefined;
    const person = await this.unitOfWork.run(async (tx) => {
      const invited = await this.persons.require(personId, 'personId', tx, 'pessimistic_write');
      this.requireMayInvite(actor, invited.roles, invited.memberCityId, false, 'resendInvitation');
      if (invited.passwordSetAt !== null) throw badInput('personId', 'invitationNotPending');
      issued = await issueLink(this.links, tx, 'invitation', invited.id);
      await this.record(tx, actor, invited.id, 'person.invitationResent', {});
      return invited;
    });
    if (issued !== undefined) await this.mailLink(person, issued);
    return this.reread(person.id);
  }

  // ---- administrators' changes ----

  async updatePerson(actor: Actor, id: string, input: UpdatePersonInput): Promise<Person> {
    requireRole(actor, [Role.ADMIN], 'updatePerson');
    const change: Partial<Person> = {};
    if (input.name !== undefined && input.name !== null)
      change.name = requiredText('input.name', input.name, 'name', actor.locale);
    if (input.roles !== undefined && input.roles !== null) change.roles = checkedRoles('input.roles', input.roles);
    if (input.isHeadOfDelegation !== undefined && input.isHeadOfDelegation !== null)
      change.isHeadOfDelegation = input.isHeadOfDelegation;
    const locale = checkedLocale('input.preferredLocale', input.preferredLocale);
    if (locale !== null) change.preferredLocale = locale;
    if (input.timeZone !== undefined)
      change.timeZone = input.timeZone === null ? null : checkedTimeZone('input.timeZone', input.timeZone.trim());
    if (input.formOfAddress !== undefined)
      change.formOfAddress = checkedFormOfAddress('input.formOfAddress', input.formOfAddress) ?? null;
    await this.unitOfWork.run(async (tx) => {
      const person = await this.persons.require(id, 'id', tx, 'pessimistic_write');
      if (input.memberCityId !== undefined)
        change.memberCityId =
          input.memberCityId === null
            ? null
            : (await this.cities.require(input.memberCityId, 'input.memberCityId', tx)).id;
      const roles = change.roles ?? person.roles;
      // The role comes and goes with the seat: ending the seat is a dated decision of its own screen.
      if (
        person.roles.includes(Role.BOARD_MEMBER) &&
        !roles.includes(Role.BOARD_MEMBER) &&
        (await this.seats.holdsSeatOn(tx, person.id, today()))
      )
        throw badInput('input.roles', 'boardMemberHoldsSeat');
      if (!roles.includes(Role.DELEGATE)) change.isHeadOfDelegation = false;
      if (Object.keys(change).length === 0) return;
      await this.persons.update(person.id, change, tx);
      await this.record(tx, actor, person.id, 'person.updated', {
        ...(change.name === undefined ? {} : { name: change.name.en ?? change.name.ar ?? '' }),
        ...(change.roles === undefined ? {} : { roles: change.roles.join(',') }),
        ...(change.memberCityId === undefined ? {} : { memberCityId: change.memberCityId }),
        ...(change.isHeadOfDelegation === undefined ? {} : { isHeadOfDelegation: change.isHeadOfDelegation }),
        ...(change.preferredLocale === undefined ? {} : { preferredLocale: change.preferredLocale }),
        ...(change.timeZone === undefined ? {} : { timeZone: change.timeZone }),
        ...(change.formOfAddress === undefined ? {} : { formOfAddress: change.formOfAddress }),
      });
    });
    return this.reread(id);
  }

  /** Deactivating refuses every session the person holds from this instant, and closes their sockets. */
  async setPersonActive(actor: Actor, id: string, active: boolean): Promise<Person> {
    requireRole(actor, [Role.ADMIN], 'setPersonActive');
    if (!active && id === actor.personId) throw badInput('id', 'notYourself');
    const changed = await this.unitOfWork.run(async (tx) => {
      const person = await this.persons.require(id, 'id', tx, 'pessimistic_write');
      if (person.active === active) return false;
      await this.persons.update(person.id, active ? { active } : { active, sessionsRevokedBefore: new Date() }, tx);
      await this.record(tx, actor, person.id, active ? 'person.activated' : 'person.deactivated', {});
      return true;
    });
    if (changed && !active) await this.live.publish('sessionsEnded', { personId: id });
    return this.reread(id);
  }

  // ---- one-time links (no sign-in) ----

  async passwordLink(token: string): Promise<PasswordLinkView> {
    const link = await usableLink(this.links, token, ['invitation', 'reset']);
    const person = await this.linkedPerson(link);
    if (link.expiresAt === null || link.purpose === 'setup')
      throw new DomainError('NOT_FOUND', 'linkUnknown', { field: 'token' }, 'token');
    return { purpose: link.purpose, email: person.email, name: person.name, expiresAt: link.expiresAt };
  }

  /** An invitation's or a reset's link sets the password once and signs in; a reset ends the other sessions. */
  async setPassword(token: string, password: string): Promise<Session> {
    const preview = await usableLink(this.links, token, ['invitation', 'reset']);
    const previewed = await this.linkedPerson(preview);
    checkedPassword('password', password, previewed.email);
    const passwordHash = await this.passwords.hash(password);
    const person = await this.unitOfWork.run(async (tx) => {
      const link = await usableLink(this.links, token, ['invitation', 'reset'], tx);
      const holder = await this.linkedPerson(link, tx);
      const now = new Date();
      await this.persons.update(
        holder.id,
        { passwordHash, passwordSetAt: now, ...(link.purpose === 'reset' ? { sessionsRevokedBefore: now } : {}) },
        tx,
      );
      await this.links.markUsed(tx, link.id, now);
      await this.audit.append(tx, {
        entityType: 'person',
        entityId: holder.id,
        action: link.purpose === 'reset' ? 'person.passwordReset' : 'person.invitationAccepted',
        actorId: holder.id,
        payload: {},
      });
      return holder;
    });
    if (preview.purpose === 'reset') await this.live.publish('sessionsEnded', { personId: person.id });
    return this.identity.issueSession(await this.reread(person.id));
  }

  /**
   * Always answers alike, whether or not the address is an account's: an active person gets a reset
   * link (1 hour) by e-mail, sent after the answer so that its timing tells nothing either; at most one a
   * minute while the last is unused.
   */
  async requestPasswordReset(email: string): Promise<boolean> {
    let address: string;
    try {
      address = checkedEmail('email', email);
    } catch {
      return true;
    }
    const person = await this.persons.findActiveByEmail(address);
    if (person === null) return true;
    // One e-mail a minute at most: asking again and again fills nobody's mailbox.
    if (await this.links.resetRequestedLately(person.id)) return true;
    const issued = await this.unitOfWork.run(async (tx) => {
      const link = await issueLink(this.links, tx, 'reset', person.id);
      await this.audit.append(tx, {
        entityType: 'person',
        entityId: person.id,
        action: 'person.passwordResetRequested',
        actorId: null,
        payload: {},
      });
      return link;
    });
    void this.mailLink(person, issued);
    return true;
  }

  /** The setup page: the first administrator, with the token printed in the log; refused once anybody exists. */
  async completeSetup(input: SetupInput): Promise<Session> {
    if (await this.persons.anybody()) throw new DomainError('FORBIDDEN', 'setupDone');
    const email = checkedEmail('email', input.email);
    const locale = checkedLocale('locale', input.locale) ?? 'ar';
    const name = requiredText('name', input.name, 'name', locale);
    checkedPassword('password', input.password, email);
    await usableLink(this.links, input.token, ['setup']);
    const passwordHash = await this.passwords.hash(input.password);
    const person = await this.unitOfWork.run(async (tx) => {
      await this.persons.lockFirstPerson(tx);
      if (await this.persons.anybody(tx)) throw new DomainError('FORBIDDEN', 'setupDone');
      const link = await usableLink(this.links, input.token, ['setup'], tx);
      const now = new Date();
      const created = await this.persons.insert(tx, {
        email,
        passwordHash,
        passwordSetAt: now,
        name,
        preferredLocale: locale,
        roles: [Role.ADMIN],
        memberCityId: null,
        isHeadOfDelegation: false,
        active: true,
      });
      await this.links.markUsed(tx, link.id, now, created.id);
      await this.audit.append(tx, {
        entityType: 'person',
        entityId: created.id,
        action: 'person.created',
        actorId: created.id,
        payload: { email, roles: Role.ADMIN, via: 'setup page' },
      });
      return created;
    });
    return this.identity.issueSession(await this.reread(person.id));
  }

  // ---- helpers ----

  /**
   * Administrators invite anyone; the secretariat delegates, board members and observers; a head of
   * delegation only delegates of their own city, never a head.
   */
  private requireMayInvite(
    actor: Actor,
    roles: readonly Role[],
    memberCityId: string | null,
    asHead: boolean,
    action: 'invitePerson' | 'resendInvitation' = 'invitePerson',
  ): void {
    if (actor.roles.includes(Role.ADMIN)) return;
    if (actor.roles.includes(Role.SECRETARIAT)) {
      if (roles.some((role) => !INVITED_BY_SECRETARIAT.includes(role)))
        throw forbidden(action === 'invitePerson' ? 'inviteStaff' : action);
      return;
    }
    if (
      !isHeadOnly(actor) ||
      asHead ||
      memberCityId !== actor.memberCityId ||
      roles.some((role) => role !== Role.DELEGATE)
    )
      throw forbidden(action === 'invitePerson' ? 'inviteOtherCity' : action);
  }

  private async linkedPerson(link: AccountLink, tx?: Transaction): Promise<Person> {
    const person = link.personId === null ? null : await this.persons.findById(link.personId, tx);
    // A deactivated person's links open nothing.
    if (person === null || !person.active)
      throw new DomainError('NOT_FOUND', 'linkUnknown', { field: 'token' }, 'token');
    return person;
  }

  private async mailLink(person: Person, issued: IssuedLink): Promise<void> {
    try {
      const city = person.memberCityId === null ? null : await this.cities.findById(person.memberCityId);
      await this.mail.sendLink(person, city?.timeZone ?? null, issued);
    } catch (error) {
      // The account is made; a new link can be sent (resendInvitation, another reset request).
      this.logger.error(
        { err: error, personId: person.id, purpose: issued.link.purpose },
        'could not e-mail a one-time link',
      );
    }
  }

  private async reread(id: string): Promise<Person> {
    const person = await this.persons.findById(id);
    if (person === null) throw notFound('person', id);
    return person;
  }

  private async uniqueEmail<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput('email', 'emailTaken');
      throw error;
    }
  }

  private record(
    tx: Transaction,
    actor: Actor,
    personId: string,
    action: string,
    payload: AuditPayload,
  ): Promise<unknown> {
    return this.audit.append(tx, {
      entityType: 'person',
      entityId: personId,
      action,
      actorId: actor.personId,
      payload,
    });
  }
}

const isHeadOnly = (actor: Actor): boolean =>
  actor.roles.includes(Role.DELEGATE) && actor.isHeadOfDelegation && actor.memberCityId !== null;

function checkedRoles(field: string, roles: readonly Role[]): Role[] {
  const allowed = Object.values(Role);
  if (roles.length === 0) throw badInput(field, 'valueRequired');
  if (roles.some((role) => !allowed.includes(role))) throw badInput(field, 'oneOf', { allowed: allowed.join(', ') });
  if (new Set(roles).size !== roles.length) throw badInput(field, 'duplicateValue');
  return [...roles];
}

function checkedLocale(field: string, locale: Locale | null | undefined): Locale | null {
  if (locale === undefined || locale === null) return null;
  if (!LOCALES.includes(locale)) throw badInput(field, 'oneOf', { allowed: LOCALES.join(', ') });
  return locale;
}

function checkedFormOfAddress(field: string, form: FormOfAddress | null | undefined): FormOfAddress | null {
  if (form === undefined || form === null) return null;
  if (!FORMS_OF_ADDRESS.includes(form)) throw badInput(field, 'oneOf', { allowed: FORMS_OF_ADDRESS.join(', ') });
  return form;
}
