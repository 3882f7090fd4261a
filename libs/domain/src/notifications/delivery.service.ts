import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { completeIfDone } from './event-dispatcher';
import { MailSender, PermanentDeliveryError } from './mail-sender';
import { NotificationDelivery } from './notification-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailSender,
  ) {}

  async deliver(deliveryId: string, attempt: Attempt): Promise<'sent' | 'skipped'> {
    const delivery = await this.dataSource.manager.findOneBy(NotificationDelivery, { id: deliveryId });
    if (delivery === null || delivery.status !== 'pending') return 'skipped';
    await this.dataSource.manager.increment(NotificationDelivery, { id: delivery.id }, 'attempts', 1);
    try {
      if (delivery.channel === 'email') await this.sendMail(delivery);
      else await this.callWebhook(delivery);
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      const last = permanent || attempt.number >= attempt.of;
      const reason = error instanceof Error ? error.message : String(error);
      await this.dataSource.manager.update(
        NotificationDelivery,
        { id: delivery.id, status: 'pending' },
        last ? { lastError: reason, status: 'failed', failedAt: new Date() } : { lastError: reason },
      );
      if (last) {
        this.logger.warn({ deliveryId, channel: delivery.channel, reason }, 'delivery failed for good');
        await completeIfDone(this.dataSource.manager, delivery.outboxId);
      }
      throw permanent ? new UnrecoverableError(reason) : error;
    }
    await this.dataSource.manager.update(
      NotificationDelivery,
      { id: delivery.id },
      { status: 'sent', sentAt: new Date(), lastError: null },
    );
    await completeIfDone(this.dataSource.manager, delivery.outboxId);
    return 'sent';
  }

  private async sendMail(delivery: NotificationDelivery): Promise<void> {
    if (!('subject' in delivery.content)) throw new PermanentDeliveryError('an e-mail delivery without a subject');
    await this.mail.send({
      to: delivery.address,
      subject: delivery.content.subject,
      text: delivery.content.text,
      html: delivery.content.html,
      messageId: `<${delivery.id}@majlis>`,
      headers: { 'X-Majlis-Event': delivery.topic, 'X-Majlis-Delivery': delivery.id },
    });
  }

  private async callWebhook(delivery: NotificationDelivery): Promise<void> {
    if (!('body' in delivery.content)) throw new PermanentDeliveryError('a webhook delivery without a body');
    const endpoint = await this.dataSource.manager
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('endpoint')
      .addSelect('endpoint.secret')
      .where('endpoint.id = :id', { id: delivery.webhookEndpointId })
      .getOne();
    if (endpoint === null || !endpoint.active) throw new PermanentDeliveryError('the webhook endpoint was removed');
    const timestamp = Math.floor(Date.now() / 1000);
    const body = delivery.content.body;
    let response: Response;
    try {
      response = await fetch(endpoint.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'majlis-webhooks/1',
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, timestamp, body),
          [WEBHOOK_HEADERS.delivery]: delivery.id,
          [WEBHOOK_HEADERS.event]: delivery.topic,
        },
      });
    } catch (error) {
      throw new Error(`${endpoint.url} could not be reached: ${(error as Error).message}`);
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return;
    const message = `${endpoint.url} answered ${response.status}`;
    // 4xx other than timeout and rate limit: the receiver refuses this call, and will again.
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)
      throw new PermanentDeliveryError(message);
    throw new Error(message);
  }
}
