import { DataSource } from 'typeorm';
import { startDomain, type DomainHarness } from '@majlis/testing';
import { createAdministrator, setupLinkIfEmpty } from './first-administrator';
import { InstanceService } from './instance.service';

describe('InstanceService', () => {
  let domain: DomainHarness;
  let instance: InstanceService;

  beforeAll(async () => {
    domain = await startDomain({ seedDemo: false });
    instance = domain.get(InstanceService);
  });

  afterAll(() => domain?.close());

  describe('describe', () => {
    it('asks for the setup page while nobody exists, and no more once the first administrator does', async () => {
      const dataSource = domain.get(DataSource);
      expect(await instance.describe()).toMatchObject({ setupRequired: true });
      expect(await setupLinkIfEmpty(dataSource, domain.environment.publicUrl)).toContain('/setup?token=');

      await createAdministrator(dataSource, domain.environment.publicUrl, { email: 'first@partnership.example' });
      expect(await instance.describe()).toMatchObject({ setupRequired: false });
      expect(await setupLinkIfEmpty(dataSource, domain.environment.publicUrl)).toBeNull();
    });

    it('says whether the queues run on Redis, as the environment has them', async () => {
      expect((await instance.describe()).queuesOnRedis).toBe(domain.environment.redisUrl !== undefined);
    });
  });
});
