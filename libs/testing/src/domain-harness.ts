import { Global, Module, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { EnvironmentModule, type Environment } from '@majlis/config';
import { DemoModule, DemoSeeder } from '@majlis/demo';
import {
  ActionItemEvents,
  actorOf,
  BallotEvents,
  DOMAIN_ENTITIES,
  DOMAIN_MODULES,
  EventDispatcher,
  MailSender,
  MeetingEvents,
  OutboxModule,
  PersonRepository,
  ProposalEvents,
  type Actor,
  type OutgoingMail,
} from '@majlis/domain';
import { LiveUpdates, type LiveTopic, type LiveTopics } from '@majlis/live';
import { managerOf, PersistenceModule, UnitOfWork } from '@majlis/persistence';
import { DomainError } from '@majlis/language';
import { JobProducer, type JobName, type QueueName } from '@majlis/queue';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_PASSWORD, testEnvironment } from './test-environment';

/** The accounts a spec's demo database holds (a domain spec may not import the demo library itself). */
export { DEMO_ACCOUNTS } from '@majlis/demo';

/** A live update the domain published, in order. */
export interface PublishedUpdate {
  topic: LiveTopic;
  payload: LiveTopics[LiveTopic];
}

/** A job the domain queued, in order. */
export interface QueuedJob {
  queue: QueueName;
  job: string;
  payload: unknown;
  options?: unknown;
}

/** Live updates kept in a list instead of sent: a service spec reads what was published. */
class RecordedLiveUpdates extends LiveUpdates {
  readonly published: PublishedUpdate[] = [];

  async publish<T extends LiveTopic>(topic: T, payload: LiveTopics[T]): Promise<void> {
    this.published.push({ topic, payload });
  }

  iterator<T extends LiveTopic>(): AsyncIterableIterator<LiveTopics[T]> {
    throw new Error('a service spec has no subscribers');
  }
}

/** Jobs kept in a list instead of queued: a spec runs the job's service call itself when it needs to. */
class RecordedJobs {
  readonly queued: QueuedJob[] = [];

  async add<Q extends QueueName, J extends JobName<Q>>(queue: Q, job: J, payload: unknown, options?: unknown) {
    this.queued.push({ queue, job, payload, options });
    return `job-${this.queued.length}`;
  }

  async removeRepeatable(): Promise<void> {}

  /** The ids of the jobs recorded for `queue` (none runs here, so every one is still to run). */
  async unfinished(queue: QueueName): Promise<Set<string>> {
    return new Set(
      this.queued
        .filter((job) => job.queue === queue)
        .map((job) => (job.options as { jobId?: string } | undefined)?.jobId)
        .filter((id) => id !== undefined),
    );
  }

  /** The few calls the domain makes on a queue itself: jobs added in bulk, and repeatable jobs (options say when). */
  queue(queue: QueueName) {
    return {
      addBulk: async (jobs: Array<{ name: string; data: unknown; opts?: unknown }>) => {
        for (const { name, data, opts } of jobs) this.queued.push({ queue, job: name, payload: data, options: opts });
        return [];
      },
      upsertJobScheduler: async (id: string, repeat: unknown, template: { name: string; data: unknown }) => {
        this.queued.push({ queue, job: template.name, payload: template.data, options: { scheduler: id, repeat } });
        return undefined;
      },
    };
  }
}

/** Mail kept in a list instead of sent; `refuseNext` makes the next sends fail as an SMTP server would. */
class RecordedMail {
  readonly sent: OutgoingMail[] = [];
  private refusals: Error[] = [];

  describe(): string {
    return 'a list (service spec)';
  }

  refuseNext(...errors: Error[]): void {
    this.refusals.push(...errors);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const refusal = this.refusals.shift();
    if (refusal !== undefined) throw refusal;
    this.sent.push(mail);
  }
}

export interface DomainHarness {
  database: TestDatabase;
  environment: Environment;
  module: TestingModule;
  /** Any provider of the domain: the service under test, its repositories, the unit of work. */
  get<T>(type: Type<T>): T;
  unitOfWork: UnitOfWork;
  /** What the domain published, queued and mailed since the start (or since `forget`). */
  live: PublishedUpdate[];
  jobs: QueuedJob[];
  mail: RecordedMail;
  /** Empties the three lists above. */
  forget(): void;
  /** A statement of the spec's own, to set up or read what no service shows. */
  query<T>(sql: string, parameters?: unknown[]): Promise<T>;
  /** What the relay and the worker do with committed events: every message not dispatched yet, dispatched. */
  dispatchOutbox(): Promise<void>;
  /** A demo account as the services see it signed in (`secretariat@demo.majlis`, `board.calgary@demo.majlis`…). */
  actor(email: string): Promise<Actor>;
  close(): Promise<void>;
}

/**
 * The domain's services on a fresh migrated database, with their real repositories, and the demo
 * partnership loaded unless `seedDemo` is false: the ground of a service spec (the shape of Immich's
 * "medium" tests). Only the edges are fakes: mail, queue publishing and live updates are recorded in
 * lists; the clock is the spec's to fake (`jest.useFakeTimers({ doNotFake: … })`) where a rule reads it.
 * No HTTP, no GraphQL schema, no queue connection: a spec starts in a fraction of the API's time.
 */
export async function startDomain({
  seedDemo = true,
  environment: overrides = {},
}: { seedDemo?: boolean; environment?: Partial<Environment> } = {}): Promise<DomainHarness> {
  const database = await createTestDatabase();
  const environment = testEnvironment({ loadDemo: false, workersInApi: false, ...overrides });
  const live = new RecordedLiveUpdates();
  const jobs = new RecordedJobs();
  const mail = new RecordedMail();

  @Global()
  @Module({
    providers: [
      { provide: LiveUpdates, useValue: live },
      { provide: JobProducer, useValue: jobs },
    ],
    exports: [LiveUpdates, JobProducer],
  })
  class RecordedEdgesModule {}

  let module: TestingModule;
  try {
    module = await Test.createTestingModule({
      imports: [
        EnvironmentModule.forRoot(environment),
        PersistenceModule.forRoot(database.url, {
          applicationName: 'majlis-service-spec',
          entities: DOMAIN_ENTITIES,
          poolSize: 4,
        }),
        RecordedEdgesModule,
        ...DOMAIN_MODULES,
        DemoModule,
        OutboxModule,
      ],
      // What each feature says of its events (subjects, audiences, side effects), as the worker registers it:
      // a spec dispatches events itself (EventDispatcher.dispatch) where the worker's relay would.
      providers: [ProposalEvents, MeetingEvents, BallotEvents, ActionItemEvents],
    })
      .overrideProvider(MailSender)
      .useValue(mail)
      .compile();
    await module.init();
    if (seedDemo) await module.get(DemoSeeder).seed(TEST_PASSWORD);
  } catch (error) {
    await database.drop();
    throw error;
  }

  const unitOfWork = module.get(UnitOfWork);
  return {
    database,
    environment,
    module,
    get: (type) => module.get(type, { strict: false }),
    unitOfWork,
    live: live.published,
    jobs: jobs.queued,
    mail,
    forget() {
      live.published.length = 0;
      jobs.queued.length = 0;
      mail.sent.length = 0;
    },
    query: (sql, parameters = []) => unitOfWork.run((tx) => managerOf(tx).query(sql, parameters)),
    async dispatchOutbox() {
      const open: Array<{ id: string }> = await unitOfWork.run((tx) =>
        managerOf(tx).query(`SELECT id FROM outbox_message WHERE dispatched_at IS NULL ORDER BY created_at, id`),
      );
      for (const { id } of open) await module.get(EventDispatcher, { strict: false }).dispatch(id);
    },
    async actor(email) {
      const person = await module.get(PersonRepository, { strict: false }).findByEmail(email);
      if (person === null) throw new Error(`no person ${email} in the spec's database`);
      return actorOf(person);
    },
    async close() {
      await module.close();
      await database.drop();
    },
  };
}

/** The refusal `work` ends in; fails the spec when it succeeds or throws anything but a DomainError. */
export async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal, and the call succeeded');
}
