import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { assertEveryJobHandled, JOB_NAMES, JobProcessor, JobProducer, QueueName } from '@majlis/queue';
import {
  ActionItemEvents,
  BallotEvents,
  BoardSeatsModule,
  DigestSchedules,
  EventDispatcher,
  FollowupModule,
  MeetingEvents,
  MeetingsModule,
  NotificationsModule,
  OutboxModule,
  ProposalEvents,
  SEAT_TERMS_EVERY_MS,
  VotingModule,
} from '@majlis/domain';
import { DUE_DATE_SCAN_EVERY_MS, FollowupProcessor } from './followup.processor';
import { EventsProcessor, NotificationsProcessor } from './notification.processors';
import { OutboxRelay } from './outbox-relay';
import { HEARTBEAT_EVERY_MS } from './heartbeat.service';
import { OperationsModule } from './operations.module';
import { SystemProcessor } from './system.processor';
import { BallotProcessor } from './ballot.processor';

/**
 * Every queue processor of majlis, the outbox relay, and what features register for dispatching events
 * (their subjects, audiences and side effects). The worker application hosts it; in embedded mode the
 * API process does. It refuses to start when a job of the queue contract has no handler, or a notified
 * event has nobody to say what it is about.
 */
@Module({
  imports: [
    DiscoveryModule,
    OutboxModule,
    OperationsModule,
    BoardSeatsModule,
    VotingModule,
    NotificationsModule,
    FollowupModule,
    // The meetings' repositories, which MeetingEvents reads a meeting's subject through.
    MeetingsModule,
  ],
  providers: [
    ProposalEvents,
    MeetingEvents,
    BallotEvents,
    ActionItemEvents,
    SystemProcessor,
    BallotProcessor,
    EventsProcessor,
    NotificationsProcessor,
    FollowupProcessor,
    OutboxRelay,
  ],
})
export class JobProcessorsModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobProcessorsModule.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly jobs: JobProducer,
    private readonly digestSchedules: DigestSchedules,
    private readonly dispatcher: EventDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const processors = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobProcessor<QueueName> => instance instanceof JobProcessor);
    assertEveryJobHandled(JOB_NAMES, processors);
    this.dispatcher.checkEveryEventTold();
    await this.jobs
      .queue('system')
      .upsertJobScheduler('heartbeat', { every: HEARTBEAT_EVERY_MS }, { name: 'heartbeat', data: {} });
    await this.jobs
      .queue('system')
      .upsertJobScheduler('apply-seat-terms', { every: SEAT_TERMS_EVERY_MS }, { name: 'applySeatTerms', data: {} });
    await this.jobs
      .queue('followup')
      .upsertJobScheduler('scan-due-dates', { every: DUE_DATE_SCAN_EVERY_MS }, { name: 'scanDueDates', data: {} });
    await this.digestSchedules.ensureAllInUse();
    this.logger.log(`processing queues: ${processors.map((processor) => processor.queue).join(', ')}`);
  }
}
