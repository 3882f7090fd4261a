import { DEMO_ACCOUNTS, startDomain, TEST_PASSWORD, type DomainHarness } from '@majlis/testing';
import { IdentityService } from './identity.service';

describe('IdentityService', () => {
  let domain: DomainHarness;
  let identity: IdentityService;

  beforeAll(async () => {
    domain = await startDomain();
    identity = domain.get(IdentityService);
  });

  afterAll(() => domain?.close());

  describe('login', () => {
    it.each(DEMO_ACCOUNTS.map((account) => [account.email, account.roles]))(
      'signs %s in and returns a token',
      async (email, roles) => {
        const session = await identity.login(email, TEST_PASSWORD);
        expect(session.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
        expect({ email: session.person.email, roles: session.person.roles }).toEqual({ email, roles });
      },
    );

    it('accepts the e-mail in any case and with surrounding spaces', async () => {
      const session = await identity.login('  Delegate.Dammam@DEMO.majlis ', TEST_PASSWORD);
      expect(session.person.email).toBe('delegate.dammam@demo.majlis');
    });
  });

  describe('logout', () => {
    it('refuses a session once it is signed out, and leaves the other sessions of the person', async () => {
      const signedOut = await identity.login('observer.dammam@demo.majlis', TEST_PASSWORD);
      const other = await identity.login('observer.dammam@demo.majlis', TEST_PASSWORD);
      await identity.logout(signedOut.token);
      await expect(identity.actorFromToken(signedOut.token, 'en')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await identity.actorFromToken(other.token, 'en')).personId).toBe(other.person.id);
      // A token that is not valid anyway changes nothing.
      await expect(identity.logout('abc.def.ghi')).resolves.toBeUndefined();
    });
  });

  describe('updateProfile', () => {
    it('changes the person’s own language, digits and time zone; null digits follow the language again', async () => {
      const actor = await domain.actor('delegate.houston@demo.majlis');
      const changed = await identity.updateProfile(actor, { locale: 'ar', digits: 'latn', timeZone: ' Asia/Riyadh ' });
      expect(changed).toMatchObject({ preferredLocale: 'ar', digits: 'latn', timeZone: 'Asia/Riyadh' });
      expect(await identity.updateProfile(actor, { digits: null })).toMatchObject({
        digits: null,
        timeZone: 'Asia/Riyadh',
      });
      await expect(identity.updateProfile(actor, { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'timeZone',
      });
    });
  });
});
