import type { JobsOptions } from 'bullmq';
import type { DeliveryChannel } from './notification-delivery.entity';

/** Attempts per channel; the delay doubles from MAJLIS_RETRY_BASE_MS (10 s: about 21 min for e-mail, 85 for webhooks). */
export const CHANNEL_ATTEMPTS: Record<DeliveryChannel, number> = { email: 8, webhook: 10 };

/** A delivery's job id: the delivery and its round, so a queued or retrying job is not added twice. */
export const deliveryJobId = (delivery: { id: string; round: number }): string => `${delivery.id}-${delivery.round}`;

/** A delivery's job (see `deliveryJobId`). */
export function deliveryJob(
  delivery: { id: string; channel: DeliveryChannel; round: number },
  retryBaseMs: number,
): { name: 'deliver'; data: { deliveryId: string }; opts: JobsOptions } {
  return {
    name: 'deliver',
    data: { deliveryId: delivery.id },
    opts: {
      jobId: deliveryJobId(delivery),
      attempts: CHANNEL_ATTEMPTS[delivery.channel],
      backoff: { type: 'exponential', delay: retryBaseMs },
      // Gone once done: the delivery row, not the job, records it; a later re-queue must not be swallowed.
      removeOnComplete: true,
      removeOnFail: 5000,
    },
  };
}

/** The relay's job for one outbox message. */
export function dispatchJob(outboxId: string): { name: 'dispatch'; data: { outboxId: string }; opts: JobsOptions } {
  return {
    name: 'dispatch',
    data: { outboxId },
    opts: {
      jobId: outboxId,
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: 1000,
    },
  };
}
