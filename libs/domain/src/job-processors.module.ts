import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { assertEveryJobHandled, JOB_NAMES, JobProcessor, JobProducer, QueueName } from '@majlis/queue';
import { SEAT_TERMS_EVERY_MS } from './accounts/board-seat.service';
import { BoardSeatsModule } from './accounts/board-seats.module';
import { FollowupModule } from './followup/followup.module';
import { DUE_DATE_SCAN_EVERY_MS, FollowupProcessor } from './followup/followup.processor';
import { DigestSchedules } from './notifications/digest-schedules';
import { EventsProcessor, NotificationsProcessor } from './notifications/notification.processors';
import { NotificationsModule } from './notifications/notifications.module';
import { OutboxRelay } from './notifications/outbox-relay';
import { HEARTBEAT_EVERY_MS } from './operations/heartbeat.service';
import { OperationsModule } from './operations/operations.module';
import { SystemProcessor } from './operations/system.processor';
import { BallotProcessor } from './voting/ballot.processor';
import { VotingModule } from './voting/voting.module';

/**
 * Every queue processor of majlis, and the outbox relay. The worker application hosts it; in embedded
 * mode the API process does. It refuses to start when a job of the queue contract has no handler.
 */
@Module({
  imports: [DiscoveryModule, OperationsModule, BoardSeatsModule, VotingModule, NotificationsModule, FollowupModule],
  providers: [
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const processors = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobProcessor<QueueName> => instance instanceof JobProcessor);
    assertEveryJobHandled(JOB_NAMES, processors);
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
