import type { DataSource } from 'typeorm';
import type { Locale } from '@majlis/config';
import { badInput } from '@majlis/language';
import type { LocalizedText } from '@majlis/language';
import { UnitOfWork } from '@majlis/persistence';
import { AuditRepository, AuditService } from '../audit';
import { Person, PersonRepository, Role } from '../identity';
import { AccountLinkRepository } from './account-link.repository';
import { checkedEmail, isUniqueViolation } from './account-rules';
import { issueLink, linkUrl } from './one-time-link';

export interface NewAdministrator {
  email: string;
  name?: { ar?: string; en?: string };
  locale?: Locale;
}

/** A name given on the command line, else the e-mail's local part in both languages. */
function administratorName(email: string, name: NewAdministrator['name'], locale: Locale): LocalizedText {
  const ar = name?.ar?.trim() || undefined;
  const en = name?.en?.trim() || undefined;
  if (ar === undefined && en === undefined) {
    const local = email.split('@')[0];
    return { ar: local, en: local, authoritative: locale };
  }
  return {
    ...(ar === undefined ? {} : { ar }),
    ...(en === undefined ? {} : { en }),
    authoritative: ar === undefined ? 'en' : en === undefined ? 'ar' : locale,
  };
}

/**
 * `majlis admin create`: an administrator without a password, and the one-time link (7 days) with which
 * they set it. Audited, as everything that changes people. A taken e-mail is refused and changes nothing.
 */
export async function createAdministrator(
  dataSource: DataSource,
  publicUrl: string,
  input: NewAdministrator,
): Promise<{ person: Person; link: string; expiresAt: Date }> {
  const email = checkedEmail('email', input.email);
  const locale = input.locale ?? 'ar';
  // A command runs without the application's container: the few parts it needs, over its own connection.
  const audit = new AuditService(new AuditRepository(dataSource));
  const people = new PersonRepository(dataSource);
  const links = new AccountLinkRepository(dataSource);
  try {
    return await new UnitOfWork(dataSource).run(async (tx) => {
      await people.lockFirstPerson(tx);
      if (await people.emailTaken(tx, email)) throw badInput('email', 'emailTaken');
      const person = await people.insert(tx, {
        email,
        passwordHash: null,
        passwordSetAt: null,
        name: administratorName(email, input.name, locale),
        preferredLocale: locale,
        roles: [Role.ADMIN],
        memberCityId: null,
        isHeadOfDelegation: false,
        active: true,
      });
      const issued = await issueLink(links, tx, 'invitation', person.id);
      await audit.append(tx, {
        entityType: 'person',
        entityId: person.id,
        action: 'person.created',
        actorId: null,
        payload: { email, roles: Role.ADMIN, via: 'command line' },
      });
      if (issued.link.expiresAt === null) throw new Error('an invitation link always expires');
      return { person, link: linkUrl(publicUrl, 'invitation', issued.token), expiresAt: issued.link.expiresAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw badInput('email', 'emailTaken');
    throw error;
  }
}

/**
 * At the API's start: when no person exists at all, a fresh setup link (the previous one stops working),
 * to be printed in the log; null once anybody exists.
 */
export async function setupLinkIfEmpty(dataSource: DataSource, publicUrl: string): Promise<string | null> {
  const people = new PersonRepository(dataSource);
  return new UnitOfWork(dataSource).run(async (tx) => {
    await people.lockFirstPerson(tx);
    if (await people.anybody(tx)) return null;
    const { token } = await issueLink(new AccountLinkRepository(dataSource), tx, 'setup', null);
    return linkUrl(publicUrl, 'setup', token);
  });
}
