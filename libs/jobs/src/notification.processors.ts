import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '@majlis/queue';
import { DeliveryService, DigestService, EventDispatcher } from '@majlis/domain';

@Processor('events', { concurrency: 8 })
export class EventsProcessor extends JobProcessor<'events'> {
  readonly queue = 'events';

  protected readonly handlers: JobHandlers<'events'> = {
    dispatch: ({ outboxId }) => this.dispatcher.dispatch(outboxId),
  };

  constructor(private readonly dispatcher: EventDispatcher) {
    super();
  }
}

@Processor('notifications', { concurrency: 16 })
export class NotificationsProcessor extends JobProcessor<'notifications'> {
  readonly queue = 'notifications';

  protected readonly handlers: JobHandlers<'notifications'> = {
    deliver: ({ deliveryId }, job) =>
      this.deliveries.deliver(deliveryId, { number: job.attemptsMade + 1, of: job.opts.attempts ?? 1 }),
    digest: ({ timeZone }) => this.digests.run(timeZone),
  };

  constructor(
    private readonly deliveries: DeliveryService,
    private readonly digests: DigestService,
  ) {
    super();
  }
}
