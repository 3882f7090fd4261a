import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, UnitOfWork } from '@majlis/persistence';
import { createTestDatabase, TestDatabase } from '@majlis/testing';
import { AuditEntry, AuditRepository, AuditService } from '../audit';
import { OutboxMessage, OutboxWriter, TOPICS } from '../outbox';
import { TransitionRecorder } from './transition-recorder';
import { WorkflowTransition } from './workflow-transition.entity';

describe(TransitionRecorder.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let writer: OutboxWriter;
  let recorder: TransitionRecorder;

  /** What one entity's step left behind: its transition rows, audit entries and events. */
  const recordsOf = async (entityId: string) => ({
    transitions: await dataSource.manager.findBy(WorkflowTransition, { entityId }),
    audit: await dataSource.manager.findBy(AuditEntry, { entityId }),
    events: await dataSource.manager
      .getRepository(OutboxMessage)
      .createQueryBuilder('message')
      .where(`message.payload ->> 'entityId' = :entityId`, { entityId })
      .getMany(),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      dataSourceOptions(database.url, {
        applicationName: 'majlis-transition-recorder-spec',
        poolSize: 2,
        entities: [WorkflowTransition, AuditEntry, OutboxMessage],
      }),
    );
    await dataSource.initialize();
    writer = new OutboxWriter();
    recorder = new TransitionRecorder(new AuditService(new AuditRepository(dataSource)), writer);
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  describe('record', () => {
    it("writes the transition row, the audit entry and the `${kind}.${state}` event of a person's step", async () => {
      const id = randomUUID();
      const actorId = randomUUID();
      await new UnitOfWork(dataSource).run((tx) =>
        recorder.record(tx, {
          kind: 'proposal',
          id,
          from: 'inReview',
          to: 'changesRequested',
          event: 'REQUEST_CHANGES',
          actorId,
          version: 4,
          comment: 'Name the partner universities.',
        }),
      );
      const step = { from: 'inReview', to: 'changesRequested', event: 'REQUEST_CHANGES', version: 4 };
      const payload = { ...step, comment: 'Name the partner universities.' };
      const { transitions, audit, events } = await recordsOf(id);
      expect(transitions).toEqual([
        expect.objectContaining({
          entityType: 'proposal',
          entityId: id,
          fromState: 'inReview',
          toState: 'changesRequested',
          event: 'REQUEST_CHANGES',
          actorId,
          version: 4,
          payload,
        }),
      ]);
      expect(audit).toEqual([
        expect.objectContaining({ entityType: 'proposal', entityId: id, action: 'transition', actorId, payload }),
      ]);
      expect(events.map(({ topic, payload }) => ({ topic, payload }))).toEqual([
        { topic: 'proposal.changesRequested', payload: { entityType: 'proposal', entityId: id, actorId, ...payload } },
      ]);
    });

    it("names a ballot's events in the past tense, with their details, and the platform as no actor", async () => {
      const id = randomUUID();
      const proposalId = randomUUID();
      await new UnitOfWork(dataSource).run((tx) =>
        recorder.record(
          tx,
          { kind: 'ballot', id, from: 'open', to: 'cancelled', event: 'CANCEL', actorId: null, version: 3 },
          { ballotId: id, proposalId },
        ),
      );
      const { transitions, audit, events } = await recordsOf(id);
      expect(transitions).toEqual([expect.objectContaining({ actorId: null, toState: 'cancelled', version: 3 })]);
      expect(audit).toEqual([expect.objectContaining({ actorId: null, action: 'transition' })]);
      expect(events.map(({ topic, payload }) => ({ topic, payload }))).toEqual([
        {
          topic: 'ballot.cancelled',
          payload: {
            entityType: 'ballot',
            entityId: id,
            actorId: null,
            ballotId: id,
            proposalId,
            from: 'open',
            to: 'cancelled',
            event: 'CANCEL',
            version: 3,
          },
        },
      ]);
    });

    it('leaves nothing when a reaction to its event fails: the three records share the transaction', async () => {
      const id = randomUUID();
      writer.react(TOPICS.meetingCancelled, async (_tx, cancelled) => {
        if (cancelled.entityId === id) throw new Error('a reaction failed');
      });
      await expect(
        new UnitOfWork(dataSource).run((tx) =>
          recorder.record(tx, {
            kind: 'meeting',
            id,
            from: 'planned',
            to: 'cancelled',
            event: 'CANCEL',
            actorId: randomUUID(),
            version: 2,
          }),
        ),
      ).rejects.toThrow('a reaction failed');
      expect(await recordsOf(id)).toEqual({ transitions: [], audit: [], events: [] });
    });
  });
});
