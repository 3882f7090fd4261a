import { Injectable } from '@nestjs/common';
import { Environment, InjectEnvironment, type Locale } from '@majlis/config';
import { badInput, checkedTimeZone, notFound } from '@majlis/language';
import { Page, PageRequest, pageSize, requireUuid, toPage, UnitOfWork } from '@majlis/persistence';
import { Actor, ALL_ROLES, PersonRepository, requireRole, Role } from '../identity';
import { OutboxWriter, TOPICS } from '../outbox';
import type { NotificationDelivery } from './notification-delivery.entity';
import { DeliveryRepository } from './notification-delivery.repository';
import { NOTIFICATION_MODES, NotificationMode } from './notification-preference.entity';
import { NotificationPreferenceRepository } from './notification-preference.repository';
import { NOTIFIED_TOPICS } from './notification-rules';
import { Notification, notificationIn } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import type { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookDestinations } from './webhook-destination';
import { newWebhookSecret } from './webhook-signature';

const MAX_IDS = 500;

export interface PreferenceInput {
  topic: string;
  mode: NotificationMode;
}

export interface NotificationSettings {
  /** The person's own zone; null = their city's. */
  timeZone: string | null;
  /** The zone dates and digests use. */
  effectiveTimeZone: string;
  preferences: PreferenceInput[];
}

export interface WebhookEndpointInput {
  memberCityId?: string | null;
  url: string;
  locale?: Locale | null;
}

/** A person's inbox and settings; the secretariat's and admins' view of webhooks and failed deliveries. */
@Injectable()
export class NotificationService {
  private readonly destinations: WebhookDestinations;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly notifications: NotificationRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly people: PersonRepository,
    @InjectEnvironment() environment: Environment,
    private readonly outbox: OutboxWriter,
  ) {
    this.destinations = new WebhookDestinations(environment.webhookAllowedHosts);
  }

  /** The actor's own notifications, newest first. */
  async inbox(actor: Actor, unreadOnly: boolean, request: PageRequest): Promise<Page<Notification>> {
    requireRole(actor, ALL_ROLES, 'notifications');
    const { size, take, after } = pageSize(request);
    const { rows, total } = await this.notifications.inboxPage(actor.personId, unreadOnly, take, after);
    return toPage(
      rows.map((row) => notificationIn(row, actor.locale)),
      size,
      total,
      (row) => row.createdAt.toISOString(),
    );
  }

  /** Marks the actor's notifications read: the ones named, or all. Returns how many are still unread. */
  async markRead(actor: Actor, ids: readonly string[] | null, all: boolean): Promise<number> {
    requireRole(actor, ALL_ROLES, 'markNotificationsRead');
    if (!all && (ids === null || ids.length === 0)) throw badInput('ids', 'valueRequired');
    if (ids !== null && ids.length > MAX_IDS) throw badInput('ids', 'tooMany', { max: MAX_IDS });
    const wanted = [...new Set(ids ?? [])];
    wanted.forEach((id) => requireUuid(id, 'notification', 'ids'));
    return this.unitOfWork.run(async (tx) => {
      if (wanted.length > 0) {
        const own = await this.notifications.ownOf(tx, actor.personId, wanted);
        const missing = wanted.find((id) => !own.has(id));
        if (missing !== undefined) throw notFound('notification', missing, 'ids');
      }
      await this.notifications.markRead(tx, actor.personId, all ? null : wanted);
      return this.notifications.countUnread(actor.personId, tx);
    });
  }

  async unread(actor: Actor): Promise<number> {
    return this.notifications.countUnread(actor.personId);
  }

  /** One notification of the actor's (the subscription reads each new one with this). */
  async notification(actor: Actor, id: string): Promise<Notification> {
    const row = await this.notifications.findOwn(actor.personId, id);
    if (row === null) throw notFound('notification', id);
    return notificationIn(row, actor.locale);
  }

  async settings(actor: Actor): Promise<NotificationSettings> {
    requireRole(actor, ALL_ROLES, 'notificationPreferences');
    const [zones, chosen] = await Promise.all([
      this.preferences.timeZonesOf(actor.personId),
      this.preferences.modesOf(actor.personId),
    ]);
    if (zones === null) throw notFound('person', actor.personId);
    return {
      timeZone: zones.own,
      effectiveTimeZone: zones.own ?? zones.city ?? 'UTC',
      preferences: NOTIFIED_TOPICS.map((topic) => ({ topic, mode: chosen.get(topic) ?? 'immediate' })),
    };
  }

  /**
   * Sets how the actor hears of each kind of event named (others keep theirs) and, when given, their
   * time zone (null: their city's again).
   */
  async updateSettings(
    actor: Actor,
    preferences: readonly PreferenceInput[],
    timeZone: string | null | undefined,
  ): Promise<NotificationSettings> {
    requireRole(actor, ALL_ROLES, 'updateNotificationPreferences');
    const topics = new Set<string>();
    preferences.forEach((preference, index) => {
      if (!(NOTIFIED_TOPICS as readonly string[]).includes(preference.topic))
        throw badInput(`preferences.${index}.topic`, 'oneOf', { allowed: NOTIFIED_TOPICS.join(', ') });
      if (!NOTIFICATION_MODES.includes(preference.mode))
        throw badInput(`preferences.${index}.mode`, 'oneOf', { allowed: NOTIFICATION_MODES.join(', ') });
      if (topics.has(preference.topic)) throw badInput(`preferences.${index}.topic`, 'duplicateValue');
      topics.add(preference.topic);
    });
    const zone = timeZone === undefined || timeZone === null ? timeZone : checkedTimeZone('timeZone', timeZone);
    await this.unitOfWork.run(async (tx) => {
      await this.preferences.choose(tx, actor.personId, preferences);
      if (zone !== undefined) await this.people.setTimeZone(tx, actor.personId, zone);
    });
    return this.settings(actor);
  }

  async webhookEndpoints(actor: Actor): Promise<WebhookEndpoint[]> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT], 'webhookEndpoints');
    return this.endpoints.all();
  }

  /** Adds an endpoint and returns it with its signing secret, which is shown this once. */
  async createWebhookEndpoint(
    actor: Actor,
    input: WebhookEndpointInput,
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT], 'createWebhookEndpoint');
    const url = checkedWebhookUrl('url', input.url, this.destinations);
    const secret = newWebhookSecret();
    const endpoint = await this.unitOfWork.run(async (tx) => {
      const city = input.memberCityId ?? null;
      if (city !== null && !(await this.endpoints.cityExists(tx, city)))
        throw notFound('memberCity', city, 'memberCityId');
      return this.endpoints.add(tx, {
        memberCityId: city,
        url,
        secret,
        locale: input.locale ?? 'en',
        createdById: actor.personId,
      });
    });
    return { endpoint, secret };
  }

  /** Stops calling an endpoint; its deliveries still queued fail for good. */
  async removeWebhookEndpoint(actor: Actor, id: string): Promise<WebhookEndpoint> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT], 'removeWebhookEndpoint');
    return this.unitOfWork.run(async (tx) => {
      const endpoint = await this.endpoints.require(id, 'id', tx);
      await this.endpoints.deactivate(tx, id);
      return { ...endpoint, active: false };
    });
  }

  /** Deliveries that failed after their last attempt, latest first (admins). */
  async failedDeliveries(actor: Actor, request: PageRequest): Promise<Page<NotificationDelivery>> {
    requireRole(actor, [Role.ADMIN], 'failedDeliveries');
    const { size, take, after } = pageSize(request);
    const { rows, total } = await this.deliveries.failedPage(take, after);
    return toPage(rows, size, total, (row) => (row.failedAt ?? row.updatedAt).toISOString());
  }

  /**
   * Sends a failed delivery again (admins): a new round of attempts, queued through the outbox like
   * everything else, so it does not depend on the queue being reachable now.
   */
  async retryDelivery(actor: Actor, id: string): Promise<NotificationDelivery> {
    requireRole(actor, [Role.ADMIN], 'retryDelivery');
    return this.unitOfWork.run(async (tx) => {
      const delivery = await this.deliveries.require(id, 'id', tx, 'pessimistic_write');
      if (delivery.status !== 'failed') throw badInput('id', 'deliveryNotFailed', { status: delivery.status });
      const outboxId = await this.outbox.write(tx, TOPICS.notificationsRetry, {
        deliveryId: delivery.id,
        by: actor.personId,
      });
      return this.deliveries.startRound(tx, delivery, outboxId);
    });
  }
}

function checkedWebhookUrl(field: string, value: string, destinations: WebhookDestinations): string {
  const url = URL.canParse(value.trim()) ? new URL(value.trim()) : null;
  const allowed =
    url !== null &&
    url.username === '' &&
    url.password === '' &&
    (url.protocol === 'https:' || (url.protocol === 'http:' && destinations.explicitlyAllowed(url)));
  if (!allowed || value.length > 2000) throw badInput(field, 'webhookUrl');
  // Checked again at each call, after DNS resolution: a name may point anywhere later.
  if (!destinations.urlAllowed(url)) throw badInput(field, 'webhookPrivateAddress', { host: url.hostname });
  return url.toString();
}
