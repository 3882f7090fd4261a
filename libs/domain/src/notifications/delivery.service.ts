import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { Environment, InjectEnvironment } from '@majlis/config';
import { MailSender, PermanentDeliveryError } from './mail-sender';
import type { NotificationDelivery } from './notification-delivery.entity';
import { DeliveryRepository } from './notification-delivery.repository';
import { PrivateDestinationError, WebhookDestinations } from './webhook-destination';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';

const WEBHOOK_TIMEOUT_MS = 10_000;

/** Where a job stands in its retries, as BullMQ tells it. */
export interface Attempt {
  /** 1 for the first try. */
  number: number;
  of: number;
}

/**
 * Sends one e-mail or webhook call. The delivery row says whether it is still to be sent; a job that
 * finds it sent (or failed for good) does nothing, so a repeated job sends nothing twice. A failure is
 * recorded on the row and thrown, for BullMQ to retry with backoff; the last one marks the row failed.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  private readonly destinations: WebhookDestinations;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly mail: MailSender,
    @InjectEnvironment() environment: Environment,
  ) {
    this.destinations = new WebhookDestinations(environment.webhookAllowedHosts);
  }

  async deliver(deliveryId: string, attempt: Attempt): Promise<'sent' | 'skipped'> {
    const delivery = await this.deliveries.findById(deliveryId);
    if (delivery === null || delivery.status !== 'pending') return 'skipped';
    await this.deliveries.countAttempt(delivery.id);
    try {
      if (delivery.channel === 'email') await this.sendMail(delivery);
      else await this.callWebhook(delivery);
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      const last = permanent || attempt.number >= attempt.of;
      const reason = error instanceof Error ? error.message : String(error);
      await this.deliveries.recordFailure(
        delivery.id,
        last ? { lastError: reason, status: 'failed', failedAt: new Date() } : { lastError: reason },
      );
      if (last) {
        this.logger.warn({ deliveryId, channel: delivery.channel, reason }, 'delivery failed for good');
        await this.deliveries.completeIfDone(delivery.outboxId);
      }
      throw permanent ? new UnrecoverableError(reason) : error;
    }
    await this.deliveries.markSent(delivery.id, new Date());
    await this.deliveries.completeIfDone(delivery.outboxId);
    return 'sent';
  }

  private async sendMail(delivery: NotificationDelivery): Promise<void> {
    if (!('subject' in delivery.content)) throw new PermanentDeliveryError('an e-mail delivery without a subject');
    await this.mail.send({
      to: delivery.address,
      subject: delivery.content.subject,
      text: delivery.content.text,
      html: delivery.content.html,
      attachments: delivery.content.attachments ?? [],
      messageId: `<${delivery.id}@majlis>`,
      headers: { 'X-Majlis-Event': delivery.topic, 'X-Majlis-Delivery': delivery.id },
    });
  }

  private async callWebhook(delivery: NotificationDelivery): Promise<void> {
    if (!('body' in delivery.content)) throw new PermanentDeliveryError('a webhook delivery without a body');
    const endpoint = await this.endpoints.withSecret(delivery.webhookEndpointId);
    if (endpoint === null || !endpoint.active) throw new PermanentDeliveryError('the webhook endpoint was removed');
    const timestamp = Math.floor(Date.now() / 1000);
    const body = delivery.content.body;
    let status: number;
    try {
      // Redirects are not followed (a 3xx is a failure): a public address cannot bounce the call inwards.
      status = await this.destinations.post(
        endpoint.url,
        body,
        {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'majlis-webhooks/1',
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, timestamp, body),
          [WEBHOOK_HEADERS.delivery]: delivery.id,
          [WEBHOOK_HEADERS.event]: delivery.topic,
        },
        WEBHOOK_TIMEOUT_MS,
      );
    } catch (error) {
      // Refused for its address: permanent, and nothing about what (if anything) listens there is told.
      if (error instanceof PrivateDestinationError) throw new PermanentDeliveryError(error.message);
      throw new Error(`${endpoint.url} could not be reached: ${(error as Error).message}`);
    }
    if (status >= 200 && status < 300) return;
    const message = `${endpoint.url} answered ${status}`;
    // 4xx other than timeout and rate limit: the receiver refuses this call, and will again.
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new PermanentDeliveryError(message);
    throw new Error(message);
  }
}
