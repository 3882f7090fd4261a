import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, managerOf, UnitOfWork } from '@majlis/persistence';
import { createTestDatabase, TestDatabase } from '@majlis/testing';
import { TOPICS } from './event.contract';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxWriter } from './outbox.writer';

describe(OutboxWriter.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  const digest = () => ({ personId: randomUUID(), date: '2026-11-30', items: 2 });
  const rowsOf = (personId: string) =>
    dataSource.manager
      .getRepository(OutboxMessage)
      .createQueryBuilder('message')
      .where(`message.payload ->> 'personId' = :personId`, { personId })
      .getMany();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      dataSourceOptions(database.url, {
        applicationName: 'majlis-outbox-writer-spec',
        poolSize: 2,
        entities: [OutboxMessage],
      }),
    );
    await dataSource.initialize();
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  describe('write', () => {
    it('records the event, its topic and payload, in the caller’s transaction', async () => {
      const payload = digest();
      const id = await new UnitOfWork(dataSource).run((tx) =>
        new OutboxWriter().write(tx, TOPICS.notificationsDigest, payload),
      );
      const [row] = await rowsOf(payload.personId);
      expect(row).toMatchObject({ id, topic: 'notifications.digest', payload, dedupeKey: null, relayedAt: null });
    });

    it('records an event with a dedupe key once, and returns null for the second', async () => {
      const writer = new OutboxWriter();
      const payload = digest();
      const dedupeKey = `digest-spec/${payload.personId}`;
      const write = () =>
        new UnitOfWork(dataSource).run((tx) => writer.write(tx, TOPICS.notificationsDigest, payload, { dedupeKey }));
      expect(await write()).toEqual(expect.any(String));
      expect(await write()).toBeNull();
      expect(await rowsOf(payload.personId)).toHaveLength(1);
    });
  });

  describe('react', () => {
    it('runs a reaction in the writer’s transaction with the payload, once per new row', async () => {
      const writer = new OutboxWriter();
      const seen: Array<{ personId: string; inTransaction: boolean }> = [];
      writer.react(TOPICS.notificationsDigest, async (tx, { personId }) => {
        seen.push({ personId, inTransaction: managerOf(tx).queryRunner?.isTransactionActive === true });
      });
      const payload = digest();
      const dedupeKey = `digest-spec/${payload.personId}`;
      for (let i = 0; i < 2; i++)
        await new UnitOfWork(dataSource).run((tx) =>
          writer.write(tx, TOPICS.notificationsDigest, payload, { dedupeKey }),
        );
      expect(seen).toEqual([{ personId: payload.personId, inTransaction: true }]);
    });

    it('undoes the event when a reaction fails', async () => {
      const writer = new OutboxWriter();
      writer.react(TOPICS.notificationsDigest, () => Promise.reject(new Error('the plan cannot be opened')));
      const payload = digest();
      await expect(
        new UnitOfWork(dataSource).run((tx) => writer.write(tx, TOPICS.notificationsDigest, payload)),
      ).rejects.toThrow('the plan cannot be opened');
      expect(await rowsOf(payload.personId)).toEqual([]);
    });

    it('leaves the events of other topics alone', async () => {
      const writer = new OutboxWriter();
      const reaction = jest.fn(() => Promise.resolve());
      writer.react(TOPICS.notificationsRetry, reaction);
      await new UnitOfWork(dataSource).run((tx) => writer.write(tx, TOPICS.notificationsDigest, digest()));
      expect(reaction).not.toHaveBeenCalled();
    });
  });
});
