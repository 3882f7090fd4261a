import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Environment, InjectEnvironment, type Locale } from '@majlis/config';
import { badInput, checkedTimeZone, notFound } from '@majlis/language';
import { Page, PageRequest, pageSize, requireRow, requireUuid, toPage } from '@majlis/persistence';
import { Actor, ALL_ROLES, Person, requireRole, Role } from '../identity';
import { MemberCity } from '../partnership';
import { OutboxWriter, TOPICS } from '../outbox';
import { NotificationDelivery } from './notification-delivery.entity';
import { NOTIFICATION_MODES, NotificationMode, NotificationPreference } from './notification-preference.entity';
import { NOTIFIED_TOPICS } from './notification-rules';
import { Notification, notificationIn } from './notification.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectEnvironment() environment: Environment,
    private readonly outbox: OutboxWriter,
  ) {
    this.destinations = new WebhookDestinations(environment.webhookAllowedHosts);
  }

  /** The actor's own notifications, newest first. */
  async inbox(actor: Actor, unreadOnly: boolean, request: PageRequest): Promise<Page<Notification>> {
    requireRole(actor, ALL_ROLES, 'notifications');
    const { size, take, after } = pageSize(request);
    const query = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.recipient_id = :personId', { personId: actor.personId });
    if (unreadOnly) query.andWhere('notification.read_at IS NULL');
    const total = await query.getCount();
    // Cursors carry milliseconds; the database keeps microseconds: compare and order at the cursor's grain.
    const at = `date_trunc('milliseconds', notification.created_at)`;
    if (after !== null) query.andWhere(`(${at}, notification.id) < (:key, :id)`, { key: after.key, id: after.id });
    const rows = await query.orderBy(at, 'DESC').addOrderBy('notification.id', 'DESC').take(take).getMany();
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
    return this.dataSource.transaction(async (manager) => {
      if (wanted.length > 0) {
        const own = new Set(
          (
            await manager.find(Notification, {
              select: { id: true },
              where: { id: In(wanted), recipientId: actor.personId },
            })
          ).map((row) => row.id),
        );
        const missing = wanted.find((id) => !own.has(id));
        if (missing !== undefined) throw notFound('notification', missing, 'ids');
      }
      const query = manager
        .createQueryBuilder()
        .update(Notification)
        .set({ readAt: () => 'now()' })
        .where('recipient_id = :personId AND read_at IS NULL', { personId: actor.personId });
      if (!all) query.andWhere('id IN (:...ids)', { ids: wanted });
      await query.execute();
      return manager
        .getRepository(Notification)
        .createQueryBuilder('notification')
        .where('notification.recipient_id = :personId AND notification.read_at IS NULL', { personId: actor.personId })
        .getCount();
    });
  }

  async unread(actor: Actor): Promise<number> {
    return this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.recipient_id = :personId AND notification.read_at IS NULL', { personId: actor.personId })
      .getCount();
  }

  /** One notification of the actor's (the subscription reads each new one with this). */
  async notification(actor: Actor, id: string): Promise<Notification> {
    const row = await this.dataSource.manager.findOneBy(Notification, { id, recipientId: actor.personId });
    if (row === null) throw notFound('notification', id);
    return notificationIn(row, actor.locale);
  }

  async settings(actor: Actor): Promise<NotificationSettings> {
    requireRole(actor, ALL_ROLES, 'notificationPreferences');
    const [person, rows] = await Promise.all([
      this.dataSource.manager.findOneByOrFail(Person, { id: actor.personId }),
      this.dataSource.manager.findBy(NotificationPreference, { personId: actor.personId }),
    ]);
    const city =
      person.memberCityId === null
        ? null
        : await this.dataSource.manager.findOneBy(MemberCity, { id: person.memberCityId });
    const chosen = new Map(rows.map((row) => [row.topic, row.mode]));
    return {
      timeZone: person.timeZone,
      effectiveTimeZone: person.timeZone ?? city?.timeZone ?? 'UTC',
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
    await this.dataSource.transaction(async (manager) => {
      if (preferences.length > 0)
        await manager
          .createQueryBuilder()
          .insert()
          .into(NotificationPreference)
          .values(preferences.map(({ topic, mode }) => ({ personId: actor.personId, topic, mode })))
          .orUpdate(['mode', 'updated_at'], ['person_id', 'topic'])
          .execute();
      if (zone !== undefined) await manager.update(Person, { id: actor.personId }, { timeZone: zone });
    });
    return this.settings(actor);
  }

  async webhookEndpoints(actor: Actor): Promise<WebhookEndpoint[]> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT], 'webhookEndpoints');
    return this.dataSource.manager.find(WebhookEndpoint, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Adds an endpoint and returns it with its signing secret, which is shown this once. */
  async createWebhookEndpoint(
    actor: Actor,
    input: WebhookEndpointInput,
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT], 'createWebhookEndpoint');
    const url = checkedWebhookUrl('url', input.url, this.destinations);
    const secret = newWebhookSecret();
    const endpoint = await this.dataSource.transaction(async (manager) => {
      if (input.memberCityId != null)
        await requireRow(manager, MemberCity, input.memberCityId, 'memberCity', 'memberCityId');
      return manager.save(
        manager.create(WebhookEndpoint, {
          memberCityId: input.memberCityId ?? null,
          url,
          secret,
          locale: input.locale ?? 'en',
          createdById: actor.personId,
        }),
      );
    });
    return { endpoint, secret };
  }

  /** Stops calling an endpoint; its deliveries still queued fail for good. */
  async removeWebhookEndpoint(actor: Actor, id: string): Promise<WebhookEndpoint> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT], 'removeWebhookEndpoint');
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await requireRow(manager, WebhookEndpoint, id, 'webhookEndpoint');
      await manager.update(WebhookEndpoint, { id }, { active: false });
      return { ...endpoint, active: false };
    });
  }

  /** Deliveries that failed after their last attempt, latest first (admins). */
  async failedDeliveries(actor: Actor, request: PageRequest): Promise<Page<NotificationDelivery>> {
    requireRole(actor, [Role.ADMIN], 'failedDeliveries');
    const { size, take, after } = pageSize(request);
    const query = this.dataSource
      .getRepository(NotificationDelivery)
      .createQueryBuilder('delivery')
      .where(`delivery.status = 'failed'`);
    const total = await query.getCount();
    const at = `date_trunc('milliseconds', delivery.failed_at)`;
    if (after !== null) query.andWhere(`(${at}, delivery.id) < (:key, :id)`, { key: after.key, id: after.id });
    const rows = await query.orderBy(at, 'DESC').addOrderBy('delivery.id', 'DESC').take(take).getMany();
    return toPage(rows, size, total, (row) => (row.failedAt ?? row.updatedAt).toISOString());
  }

  /**
   * Sends a failed delivery again (admins): a new round of attempts, queued through the outbox like
   * everything else, so it does not depend on the queue being reachable now.
   */
  async retryDelivery(actor: Actor, id: string): Promise<NotificationDelivery> {
    requireRole(actor, [Role.ADMIN], 'retryDelivery');
    return this.dataSource.transaction(async (manager) => {
      const delivery = await requireRow(manager, NotificationDelivery, id, 'delivery', 'id', 'pessimistic_write');
      if (delivery.status !== 'failed') throw badInput('id', 'deliveryNotFailed', { status: delivery.status });
      const outboxId = await this.outbox.write(manager, TOPICS.notificationsRetry, {
        deliveryId: delivery.id,
        by: actor.personId,
      });
      await manager.update(
        NotificationDelivery,
        { id: delivery.id },
        { status: 'pending', attempts: 0, round: delivery.round + 1, outboxId, failedAt: null },
      );
      return manager.findOneByOrFail(NotificationDelivery, { id: delivery.id });
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
