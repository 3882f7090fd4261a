import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Environment, InjectEnvironment } from '@majlis/config';
import { JobProducer } from '@majlis/queue';
import { defaultDigits, resolveText } from '@majlis/language';
import { LiveUpdates } from '@majlis/live';
import { UnitOfWork, type Transaction } from '@majlis/persistence';
import { CommittedEvents, EventAudiences, EventSubjects, OutboxMessage, OutboxPayload, webhookData } from '../outbox';
import { DigestSchedules } from './digest-schedules';
import { deliveryJob } from './delivery-jobs';
import { checkEveryEventTold, EventFacts, ROLE_AUDIENCES } from './event-audience';
import { EventDispatchRepository } from './event-dispatch.repository';
import { eventMessage, EventReader } from './event-message';
import type { RenderedMessage } from './message-templates';
import { eventPath } from './event-path';
import { DeliveryContent, MailAttachment, NotificationDelivery } from './notification-delivery.entity';
import { DeliveryRepository } from './notification-delivery.repository';
import { NotificationPreferenceRepository } from './notification-preference.repository';
import { isNotifiedTopic } from './notification-rules';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/** An immediate e-mail: the in-app text, or, for an event with a file, a text that mentions it and the file in the reader's language. */
function immediateMail(
  facts: EventFacts,
  payload: OutboxPayload,
  reader: EventReader,
  publicUrl: string,
  text: RenderedMessage,
): DeliveryContent {
  const file = facts.attachment;
  if (file === null || file === undefined) return text;
  const attachment: MailAttachment = {
    filename: file.filename,
    contentType: file.contentType,
    content: file.content[reader.locale],
  };
  return { ...eventMessage(facts, payload, reader, publicUrl, true), attachments: [attachment] };
}

interface FanOut {
  notified: Array<{ id: string; recipientId: string }>;
  digestTimeZones: string[];
}

/**
 * Handles one relayed outbox message: works out who hears of it (the rule table, each person's
 * preferences, the webhooks of the cities concerned), and in one transaction writes the in-app
 * notifications and the e-mail and webhook deliveries, unique per (event, recipient, channel). Then
 * it queues the pending deliveries and runs the side effects features registered for the event (a
 * ballot's timers). Running it twice for one message adds nothing: the message row is locked and
 * records that it fanned out. What an event is about, and who its audiences are, the features that own
 * them say (EventSubjects, EventAudiences): this knows no feature.
 */
@Injectable()
export class EventDispatcher implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly events: EventDispatchRepository,
    private readonly notifications: NotificationRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly endpoints: WebhookEndpointRepository,
    @InjectEnvironment() private readonly environment: Environment,
    private readonly jobs: JobProducer,
    private readonly live: LiveUpdates,
    private readonly digestSchedules: DigestSchedules,
    private readonly subjects: EventSubjects,
    private readonly audiences: EventAudiences,
    private readonly committed: CommittedEvents,
  ) {}

  onModuleInit(): void {
    for (const audience of Object.keys(ROLE_AUDIENCES) as Array<keyof typeof ROLE_AUDIENCES>)
      this.audiences.define(audience, ROLE_AUDIENCES[audience]);
  }

  /** The start-up check where events are dispatched (see `checkEveryEventTold`). */
  checkEveryEventTold(): void {
    checkEveryEventTold(this.subjects, this.audiences);
  }

  async dispatch(outboxId: string): Promise<void> {
    const outcome = await this.unitOfWork.run(async (tx) => {
      const message = await this.events.lockMessage(tx, outboxId);
      if (message === null || message.completedAt !== null) return null;
      let fanOut: FanOut = { notified: [], digestTimeZones: [] };
      if (message.dispatchedAt === null) {
        fanOut = await this.fanOut(tx, message);
        await this.events.markDispatched(tx, message.id, new Date());
      }
      return { message, ...fanOut };
    });
    if (outcome === null) return;
    await this.committed.run(outcome.message);
    await this.digestSchedules.ensure(outcome.digestTimeZones);
    const pending = await this.deliveries.pendingOf(outboxId);
    if (pending.length > 0)
      await this.jobs
        .queue('notifications')
        .addBulk(pending.map((delivery) => deliveryJob(delivery, this.environment.retryBaseMs)));
    await this.deliveries.completeIfDone(outboxId);
    await Promise.all(
      outcome.notified.map((notification) =>
        this.live.publish('notificationAdded', { id: notification.id, recipientId: notification.recipientId }),
      ),
    );
  }

  private async fanOut(tx: Transaction, message: OutboxMessage): Promise<FanOut> {
    if (!isNotifiedTopic(message.topic)) return { notified: [], digestTimeZones: [] };
    const facts = await this.events.facts(tx, this.subjects, message.topic, message);
    if (facts === null) return { notified: [], digestTimeZones: [] };
    const recipients = await this.events.recipients(tx, this.audiences, facts);
    const preferences = await this.preferences.modesFor(
      tx,
      message.topic,
      recipients.map((recipient) => recipient.id),
    );
    const notifications: Array<Partial<Notification>> = [];
    const deliveries: Array<Partial<NotificationDelivery>> = [];
    const digestTimeZones = new Set<string>();
    for (const recipient of recipients) {
      const mode = preferences.get(recipient.id) ?? 'immediate';
      if (mode === 'off') continue;
      const { locale, digits, formOfAddress, timeZone } = recipient;
      const reader = { locale, digits, formOfAddress, timeZone, name: resolveText(recipient.name, locale).text };
      const text = eventMessage(facts, message.payload, reader, this.environment.publicUrl);
      // The inbox keeps the other language too: a person who switches language reads every message in it.
      const other = locale === 'ar' ? 'en' : 'ar';
      const translation = eventMessage(
        facts,
        message.payload,
        {
          ...reader,
          locale: other,
          digits: recipient.chosenDigits ?? defaultDigits(other),
          name: resolveText(recipient.name, other).text,
        },
        this.environment.publicUrl,
      );
      notifications.push({
        eventId: message.id,
        recipientId: recipient.id,
        topic: message.topic,
        locale,
        title: text.subject,
        body: text.text,
        translation: { locale: other, title: translation.subject, body: translation.text },
        entityType: facts.entityType,
        entityId: facts.entityId,
        path: eventPath(facts),
      });
      deliveries.push({
        dedupeKey: `${message.id}/email/${recipient.id}`,
        eventId: message.id,
        outboxId: message.id,
        topic: message.topic,
        channel: 'email',
        recipientId: recipient.id,
        address: recipient.email,
        locale,
        // A digest greets its reader once; the messages it lists go without a greeting (or file) of their own.
        content:
          mode === 'digest'
            ? eventMessage(facts, message.payload, { ...reader, name: '' }, this.environment.publicUrl)
            : immediateMail(facts, message.payload, reader, this.environment.publicUrl, text),
        status: mode === 'digest' ? 'digest' : 'pending',
      });
      if (mode === 'digest') digestTimeZones.add(recipient.timeZone);
    }
    deliveries.push(...(await this.webhookDeliveries(tx, message, facts)));
    const notified = await this.notifications.insertNew(tx, notifications);
    await this.deliveries.insertNew(tx, deliveries);
    return { notified, digestTimeZones: [...digestTimeZones] };
  }

  private async webhookDeliveries(
    tx: Transaction,
    message: OutboxMessage,
    facts: EventFacts,
  ): Promise<Array<Partial<NotificationDelivery>>> {
    const cities = await this.events.cities(tx, this.audiences, facts);
    const endpoints = await this.endpoints.activeFor(tx, cities);
    return endpoints.map((endpoint) => {
      const id = randomUUID();
      const text = eventMessage(
        facts,
        message.payload,
        {
          locale: endpoint.locale,
          digits: defaultDigits(endpoint.locale),
          formOfAddress: null,
          timeZone: 'UTC',
          name: '',
        },
        this.environment.publicUrl,
      );
      const body = JSON.stringify({
        id,
        event: message.topic,
        eventId: message.id,
        occurredAt: message.createdAt.toISOString(),
        memberCityId: facts.ownerCityId,
        entity: { type: facts.entityType, id: facts.entityId },
        proposalId: facts.proposal?.id ?? null,
        data: webhookData(message.topic, message.payload),
        message: { locale: endpoint.locale, subject: text.subject, text: text.text },
      });
      return {
        id,
        dedupeKey: `${message.id}/webhook/${endpoint.id}`,
        eventId: message.id,
        outboxId: message.id,
        topic: message.topic,
        channel: 'webhook' as const,
        webhookEndpointId: endpoint.id,
        address: endpoint.url,
        locale: endpoint.locale,
        content: { body },
        status: 'pending' as const,
      };
    });
  }
}
