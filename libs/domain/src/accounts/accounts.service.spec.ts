import { randomUUID } from 'node:crypto';
import { startDomain, type DomainHarness, refusal } from '@majlis/testing';
import { type Actor, IdentityService, Role } from '../identity';
import { PartnershipService } from '../partnership';
import { AccountsService } from './accounts.service';

const DAY_MS = 86_400_000;
const LINK_TOKEN = /\/set-password\?token=([A-Za-z0-9_-]+)/;

describe('AccountsService', () => {
  let domain: DomainHarness;
  let accounts: AccountsService;
  let identity: IdentityService;
  let admin: Actor;
  let dammam: string;

  beforeAll(async () => {
    domain = await startDomain();
    accounts = domain.get(AccountsService);
    identity = domain.get(IdentityService);
    admin = await domain.actor('admin@demo.majlis');
    const cities = await domain.get(PartnershipService).memberCities(admin);
    dammam = cities.find((city) => city.code === 'dammam')?.id ?? '';
  });

  afterAll(() => domain?.close());

  afterEach(() => jest.useRealTimers());

  /** Moves only the clock the rules read (Date), `ms` ahead of now. */
  const clockAhead = (ms: number) =>
    jest.useFakeTimers({
      now: Date.now() + ms,
      doNotFake: [
        'nextTick',
        'setImmediate',
        'setTimeout',
        'setInterval',
        'clearTimeout',
        'clearInterval',
        'queueMicrotask',
        'hrtime',
        'performance',
        'clearImmediate',
      ],
    });

  /** The token of the newest link mailed to `address`, once `count` mails have reached it (a reset is mailed after the answer). */
  const mailedToken = async (address: string, count = 1): Promise<string> => {
    const to = () => domain.mail.sent.filter((mail) => mail.to === address);
    for (let waited = 0; to().length < count && waited < 5_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const match = LINK_TOKEN.exec(to().at(-1)?.text ?? '');
    if (to().length < count || match === null) throw new Error(`no link mailed to ${address}`);
    return match[1];
  };

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => domain.query<T[]>(sql, parameters);

  /** A person invited to Dammam who set a password through their link. */
  const member = async (password: string, roles: Role[] = [Role.OBSERVER]) => {
    const email = `member.${randomUUID().slice(0, 8)}@dammam.example`;
    const person = await accounts.invitePerson(admin, {
      email,
      name: { en: 'Member' },
      roles,
      memberCityId: dammam,
      locale: 'en',
    });
    await accounts.setPassword(await mailedToken(email), password);
    return { id: person.id, email };
  };

  describe('links', () => {
    it('an invitation link works once, expires after 7 days, and a new one replaces it', async () => {
      const email = 'observer@dammam.example';
      const invited = await accounts.invitePerson(admin, {
        email,
        name: { en: 'Omar' },
        roles: [Role.OBSERVER],
        memberCityId: dammam,
        locale: 'en',
      });
      const first = await mailedToken(email);
      const { expiresAt } = await accounts.passwordLink(first);
      const days = (expiresAt.getTime() - Date.now()) / DAY_MS;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);

      // Resending: the old link stops working, the new one works once.
      await accounts.resendInvitation(admin, invited.id);
      const second = await mailedToken(email, 2);
      const replaced = await refusal(accounts.passwordLink(first));
      expect(replaced.code).toBe('NOT_FOUND');
      expect(replaced.localizedMessage('en')).toContain('newer one replaced it');
      await accounts.setPassword(second, 'observer password');
      const used = await refusal(accounts.setPassword(second, 'another password'));
      expect(used.code).toBe('NOT_FOUND');
      expect(used.localizedMessage('en')).toContain('used already');
      expect((await refusal(accounts.passwordLink(second))).localizedMessage('ar')).toContain('استُخدم');
      expect((await refusal(accounts.resendInvitation(admin, invited.id))).code).toBe('BAD_USER_INPUT');

      // Expiry: seven days and a minute later by the clock.
      await accounts.invitePerson(admin, {
        email: 'late@dammam.example',
        name: { en: 'Late' },
        roles: [Role.DELEGATE],
        memberCityId: dammam,
      });
      const late = await mailedToken('late@dammam.example');
      clockAhead(7 * DAY_MS + 60_000);
      const expired = await refusal(accounts.setPassword(late, 'late password 1'));
      expect(expired.code).toBe('NOT_FOUND');
      expect(expired.localizedMessage('en')).toContain('expired');
      jest.useRealTimers();
      expect((await refusal(identity.login('late@dammam.example', 'late password 1'))).code).toBe('UNAUTHENTICATED');
      // Only the hash is stored: the token itself is nowhere in the database.
      const stored = await query<{ token_hash: string }>('SELECT token_hash FROM account_link');
      expect(stored.some((row) => row.token_hash === late)).toBe(false);
    });

    it('password reset: the same answer for any address, a one-hour link that works once and ends other sessions', async () => {
      const { email } = await member('observer password');
      const oldSession = await identity.login(email, 'observer password');
      expect(await accounts.requestPasswordReset('nobody@nowhere.example')).toBe(true);
      expect(await accounts.requestPasswordReset('not an address')).toBe(true);
      expect(await accounts.requestPasswordReset(email.replace('member', 'Member').replace('dammam', 'Dammam'))).toBe(
        true,
      );
      const reset = await mailedToken(email, 2);
      expect(domain.mail.sent.some((mail) => mail.to === 'nobody@nowhere.example')).toBe(false);
      // Asking again within the minute sends nothing more, and the link sent stays the one that works.
      expect(await accounts.requestPasswordReset(email)).toBe(true);
      const links = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM account_link link JOIN person ON person.id = link.person_id
          WHERE link.purpose = 'reset' AND person.email = $1`,
        [email],
      );
      expect(links[0].n).toBe(1);
      const link = await accounts.passwordLink(reset);
      expect(link.purpose).toBe('reset');
      expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);

      const newSession = await accounts.setPassword(reset, 'a brand new password');
      expect((await refusal(identity.login(email, 'observer password'))).code).toBe('UNAUTHENTICATED');
      expect((await identity.me(await identity.actorFromToken(newSession.token, 'en'))).email).toBe(email);
      expect((await refusal(identity.actorFromToken(oldSession.token, 'en'))).code).toBe('UNAUTHENTICATED');
      expect((await refusal(accounts.setPassword(reset, 'yet another password'))).code).toBe('NOT_FOUND');

      // An expired reset link: an hour and a second later by the clock.
      await accounts.requestPasswordReset(email);
      const expired = await mailedToken(email, 3);
      clockAhead(3_600_000 + 1_000);
      const refused = await refusal(accounts.setPassword(expired, 'too late password'));
      expect(refused.code).toBe('NOT_FOUND');
      expect(refused.localizedMessage('en')).toContain('expired');
    });

    it('the setup page is refused once anybody exists', async () => {
      const refused = await refusal(
        accounts.completeSetup({
          token: 'anything',
          email: 'intruder@example.org',
          name: { en: 'Intruder' },
          password: 'long enough password',
        }),
      );
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.localizedMessage('en')).toContain('set up already');
    });
  });

  describe('setPersonActive', () => {
    it('deactivating a person refuses their token at once, and reactivating lets them sign in again', async () => {
      const observer = await member('a brand new password');
      const { token } = await identity.login(observer.email, 'a brand new password');
      expect((await refusal(accounts.setPersonActive(admin, admin.personId, false))).code).toBe('BAD_USER_INPUT');
      expect((await accounts.setPersonActive(admin, observer.id, false)).active).toBe(false);
      expect(domain.live).toContainEqual({ topic: 'sessionsEnded', payload: { personId: observer.id } });
      expect((await refusal(identity.actorFromToken(token, 'en'))).code).toBe('UNAUTHENTICATED');
      expect((await refusal(identity.login(observer.email, 'a brand new password'))).code).toBe('UNAUTHENTICATED');
      expect((await accounts.setPersonActive(admin, observer.id, true)).active).toBe(true);
      // The old session stays ended; a new sign-in works.
      expect((await refusal(identity.actorFromToken(token, 'en'))).code).toBe('UNAUTHENTICATED');
      const again = await identity.login(observer.email, 'a brand new password');
      expect((await identity.actorFromToken(again.token, 'en')).personId).toBe(observer.id);
    });
  });

  describe('updatePerson', () => {
    it('an administrator cannot take BOARD_MEMBER from the holder of a current seat; without a seat they can', async () => {
      const aberdeen = (await domain.actor('board.aberdeen@demo.majlis')).personId;
      const refused = await refusal(accounts.updatePerson(admin, aberdeen, { roles: [Role.OBSERVER] }));
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.localizedMessage('en')).toContain('holds a board seat');
      expect(refused.localizedMessage('ar')).toContain('مقعداً في مجلس إدارة التجمع');
      expect((await accounts.person(admin, aberdeen)).roles).toEqual([Role.BOARD_MEMBER]);
      // Other changes of the holder go through, and so does adding a role.
      expect(
        (await accounts.updatePerson(admin, aberdeen, { roles: [Role.BOARD_MEMBER, Role.OBSERVER] })).roles,
      ).toEqual([Role.BOARD_MEMBER, Role.OBSERVER]);

      // A board member with no seat at all (invited before a seat is given) can lose the role.
      const seatless = await accounts.invitePerson(admin, {
        email: `seatless.${randomUUID().slice(0, 8)}@example.org`,
        name: { en: 'Seatless' },
        roles: [Role.BOARD_MEMBER],
      });
      expect((await accounts.updatePerson(admin, seatless.id, { roles: [Role.OBSERVER] })).roles).toEqual([
        Role.OBSERVER,
      ]);
    });
  });
});
