import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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
import { Page, pageSize, requireRow, requireUuid, toPage } from '@majlis/persistence';
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
  requireRole,
  Role,
  Session,
} from '../identity';
import { MemberCity } from '../partnership';
import { AccountMail } from './account-mail';
import { checkedEmail, checkedPassword, isUniqueViolation } from './account-rules';
import { holdsSeatOn, today } from './board-seat.service';
import { countPeople, FIRST_PERSON_LOCK } from './first-administrator';
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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const query = this.dataSource.getRepository(Person).createQueryBuilder('person');
    if (ownCityOnly) query.andWhere('person.member_city_id = :own', { own: actor.memberCityId });
    if (filter.memberCityId !== undefined && filter.memberCityId !== null) {
      requireUuid(filter.memberCityId, 'memberCity', 'filter.memberCityId');
      query.andWhere('person.member_city_id = :city', { city: filter.memberCityId });
    }
    if (filter.role !== undefined && filter.role !== null) {
      if (!Object.values(Role).includes(filter.role))
        throw badInput('filter.role', 'oneOf', { allowed: Object.values(Role).join(', ') });
      query.andWhere(':role = ANY(person.roles)', { role: filter.role });
    }
    if (filter.active !== undefined && filter.active !== null)
      query.andWhere('person.active = :active', { active: filter.active });
    const search = filter.search?.trim() ?? '';
    if (search.length > MAX_SEARCH)
      throw badInput('filter.search', 'textTooLong', { max: MAX_SEARCH, length: search.length });
    if (search !== '') {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        "(person.email ILIKE :pattern OR person.name->>'ar' ILIKE :pattern OR person.name->>'en' ILIKE :pattern)",
        { pattern },
      );
    }
    const totalCount = await query.getCount();
    if (page.after !== null)
      query.andWhere('(person.email, person.id) > (:key, :id)', { key: page.after.key, id: page.after.id });
    const rows = await query.orderBy('person.email', 'ASC').addOrderBy('person.id', 'ASC').take(page.take).getMany();
    return toPage(rows, page.size, totalCount, (person) => person.email);
  }

  async person(actor: Actor, id: string): Promise<Person> {
    requireRole(actor, Object.values(Role), 'person');
    const person = await this.dataSource.manager.transaction((manager) => requireRow(manager, Person, id, 'person'));
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
      this.dataSource.transaction(async (manager) => {
        const city =
          memberCityId === null
            ? null
            : await requireRow(manager, MemberCity, memberCityId, 'memberCity', 'memberCityId');
        if (await manager.existsBy(Person, { email })) throw badInput('email', 'emailTaken');
        const created = manager.create(Person, {
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
        await manager.insert(Person, created);
        issued = await issueLink(manager, 'invitation', created.id);
        await this.record(manager, actor, created.id, 'person.invited', {
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
    const person = await this.dataSource.transaction(async (manager) => {
      const invited = await requireRow(manager, Person, personId, 'person', 'personId', 'pessimistic_write');
      this.requireMayInvite(actor, invited.roles, invited.memberCityId, false, 'resendInvitation');
      if (invited.passwordSetAt !== null) throw badInput('personId', 'invitationNotPending');
      issued = await issueLink(manager, 'invitation', invited.id);
      await this.record(manager, actor, invited.id, 'person.invitationResent', {});
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
    await this.dataSource.transaction(async (manager) => {
      const person = await requireRow(manager, Person, id, 'person', 'id', 'pessimistic_write');
      if (input.memberCityId !== undefined)
        change.memberCityId =
          input.memberCityId === null
            ? null
            : (await requireRow(manager, MemberCity, input.memberCityId, 'memberCity', 'input.memberCityId')).id;
      const roles = change.roles ?? person.roles;
      // The role comes and goes with the seat: ending the seat is a dated decision of its own screen.
      if (
        person.roles.includes(Role.BOARD_MEMBER) &&
        !roles.includes(Role.BOARD_MEMBER) &&
        (await holdsSeatOn(manager, person.id, today()))
      )
        throw badInput('input.roles', 'boardMemberHoldsSeat');
      if (!roles.includes(Role.DELEGATE)) change.isHeadOfDelegation = false;
      if (Object.keys(change).length === 0) return;
      await manager.update(Person, { id: person.id }, change);
      await this.record(manager, actor, person.id, 'person.updated', {
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
    const changed = await this.dataSource.transaction(async (manager) => {
      const person = await requireRow(manager, Person, id, 'person', 'id', 'pessimistic_write');
      if (person.active === active) return false;
      await manager.update(
        Person,
        { id: person.id },
        active ? { active } : { active, sessionsRevokedBefore: new Date() },
      );
      await this.record(manager, actor, person.id, active ? 'person.activated' : 'person.deactivated', {});
      return true;
    });
    if (changed && !active) await this.live.publish('sessionsEnded', { personId: id });
    return this.reread(id);
  }

  // ---- one-time links (no sign-in) ----

  async passwordLink(token: string): Promise<PasswordLinkView> {
    const link = await usableLink(this.dataSource.manager, token, ['invitation', 'reset'], false);
    const person = await this.linkedPerson(this.dataSource.manager, link);
    if (link.expiresAt === null || link.purpose === 'setup')
      throw new DomainError('NOT_FOUND', 'linkUnknown', { field: 'token' }, 'token');
    return { purpose: link.purpose, email: person.email, name: person.name, expiresAt: link.expiresAt };
  }

  /** An invitation's or a reset's link sets the password once and signs in; a reset ends the other sessions. */
  async setPassword(token: string, password: string): Promise<Session> {
    const preview = await usableLink(this.dataSource.manager, token, ['invitation', 'reset'], false);
    const previewed = await this.linkedPerson(this.dataSource.manager, preview);
    checkedPassword('password', password, previewed.email);
    const passwordHash = await this.passwords.hash(password);
    const person = await this.dataSource.transaction(async (manager) => {
      const link = await usableLink(manager, token, ['invitation', 'reset'], true);
      const holder = await this.linkedPerson(manager, link);
      const now = new Date();
      await manager.update(
        Person,
        { id: holder.id },
        {
          passwordHash,
          passwordSetAt: now,
          ...(link.purpose === 'reset' ? { sessionsRevokedBefore: now } : {}),
        },
      );
      await manager.update(AccountLink, { id: link.id }, { usedAt: now });
      await this.audit.append(manager, {
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
    const person = await this.dataSource.manager.findOneBy(Person, { email: address, active: true });
    if (person === null) return true;
    // One e-mail a minute at most: asking again and again fills nobody's mailbox.
    const recent = await this.dataSource.manager
      .getRepository(AccountLink)
      .createQueryBuilder('link')
      .where("link.person_id = :id AND link.purpose = 'reset' AND link.used_at IS NULL", { id: person.id })
      .andWhere("link.created_at > now() - interval '1 minute'")
      .getExists();
    if (recent) return true;
    const issued = await this.dataSource.transaction(async (manager) => {
      const link = await issueLink(manager, 'reset', person.id);
      await this.audit.append(manager, {
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
    if ((await countPeople(this.dataSource.manager)) > 0) throw new DomainError('FORBIDDEN', 'setupDone');
    const email = checkedEmail('email', input.email);
    const locale = checkedLocale('locale', input.locale) ?? 'ar';
    const name = requiredText('name', input.name, 'name', locale);
    checkedPassword('password', input.password, email);
    await usableLink(this.dataSource.manager, input.token, ['setup'], false);
    const passwordHash = await this.passwords.hash(input.password);
    const person = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_PERSON_LOCK]);
      if ((await countPeople(manager)) > 0) throw new DomainError('FORBIDDEN', 'setupDone');
      const link = await usableLink(manager, input.token, ['setup'], true);
      const now = new Date();
      const created = manager.create(Person, {
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
      await manager.insert(Person, created);
      await manager.update(AccountLink, { id: link.id }, { usedAt: now, personId: created.id });
      await this.audit.append(manager, {
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

  private async linkedPerson(manager: EntityManager, link: AccountLink): Promise<Person> {
    const person = link.personId === null ? null : await manager.findOneBy(Person, { id: link.personId });
    // A deactivated person's links open nothing.
    if (person === null || !person.active)
      throw new DomainError('NOT_FOUND', 'linkUnknown', { field: 'token' }, 'token');
    return person;
  }

  private async mailLink(person: Person, issued: IssuedLink): Promise<void> {
    try {
      const city =
        person.memberCityId === null
          ? null
          : await this.dataSource.manager.findOneBy(MemberCity, { id: person.memberCityId });
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
    const person = await this.dataSource.manager.findOneBy(Person, { id });
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
    manager: EntityManager,
    actor: Actor,
    personId: string,
    action: string,
    payload: AuditPayload,
  ): Promise<unknown> {
    return this.audit.append(manager, {
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
