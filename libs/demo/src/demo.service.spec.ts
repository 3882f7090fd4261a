import { AccountsService } from '@majlis/domain';
import { startDomain, TEST_PASSWORD, type DomainHarness } from '@majlis/testing';
import { DEMO_ACCOUNTS } from './demo-partnership';
import { DemoSeeder } from './demo.seeder';
import { DemoService } from './demo.service';

describe('DemoService', () => {
  let domain: DomainHarness;
  let demo: DemoService;

  beforeAll(async () => {
    domain = await startDomain({ seedDemo: false });
    demo = domain.get(DemoService);
  });

  afterAll(() => domain?.close());

  describe('describe', () => {
    it('tells an installation without the demo partnership nothing: no accounts, no password', async () => {
      expect(await demo.describe()).toEqual({ demo: false, demoAccounts: [], demoPassword: null });
    });

    it("lists the demo's active people in the README's order, with the demo password", async () => {
      await domain.get(DemoSeeder).seed(TEST_PASSWORD);
      const described = await demo.describe();
      expect(described.demo).toBe(true);
      expect(described.demoPassword).toBe(domain.environment.demoPassword);
      expect(described.demoAccounts.map((person) => person.email)).toEqual(
        DEMO_ACCOUNTS.map((account) => account.email),
      );

      const observer = await domain.actor('observer.dammam@demo.majlis');
      await domain
        .get(AccountsService)
        .setPersonActive(await domain.actor('admin@demo.majlis'), observer.personId, false);
      expect((await demo.describe()).demoAccounts.map((person) => person.email)).not.toContain(
        'observer.dammam@demo.majlis',
      );
    });
  });
});
