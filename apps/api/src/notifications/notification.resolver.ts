import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import {
  Actor,
  IdentityService,
  Notification,
  NotificationDelivery,
  NotificationService,
  NotificationSettings,
  Person,
  Role,
  WebhookEndpoint,
} from '@majlis/domain';
import { LiveTopics, LiveUpdates } from '@majlis/live';
import { Allow, AnyRole } from '../graphql/allow.decorator';
import { Connection, toConnection } from '../graphql/connection.model';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { PersonModel } from '../identity/person.model';
import { endedForSubscriber, isSessionsEnded, SessionsEnded, untilSessionsEnd } from '../live/sessions-ended';
import { readForSubscriber } from '../live/subscriber-check';
import {
  CreatedWebhookEndpointModel,
  DeliveryConnection,
  DeliveryModel,
  MarkNotificationsReadModel,
  NotificationConnection,
  NotificationModel,
  NotificationPreferenceInputModel,
  NotificationSettingsModel,
  WebhookEndpointInputModel,
  WebhookEndpointModel,
} from './notification.model';

/** The inbox, notification preferences, webhooks, and failed deliveries for admins. */
@Resolver(() => DeliveryModel)
export class NotificationResolver {
  constructor(
    private readonly service: NotificationService,
    private readonly live: LiveUpdates,
    private readonly identity: IdentityService,
  ) {}

  @Query(() => NotificationConnection, { description: "The signed-in person's notifications, newest first." })
  @AnyRole()
  async notifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly: boolean | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<Notification>> {
    return toConnection(await this.service.inbox(actor, unreadOnly ?? false, { first, after }));
  }

  @Query(() => Int, { description: 'How many of the signed-in person’s notifications are unread.' })
  @AnyRole()
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.service.unread(actor);
  }

  @Mutation(() => MarkNotificationsReadModel, {
    description: 'Marks the signed-in person’s notifications read: those in `ids`, or all with `all: true`.',
  })
  @AnyRole()
  async markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null | undefined,
    @Args('all', { type: () => Boolean, nullable: true }) all: boolean | null,
  ): Promise<MarkNotificationsReadModel> {
    return { unreadCount: await this.service.markRead(actor, ids ?? null, all ?? false) };
  }

  @Subscription(() => NotificationModel, {
    description: 'Each new notification of the signed-in person, as it arrives.',
    filter: (payload: LiveTopics['notificationAdded'] | SessionsEnded, _variables: unknown, context: GraphqlContext) =>
      isSessionsEnded(payload)
        ? endedForSubscriber(payload, context)
        : payload.recipientId === context.session.actor?.personId,
    resolve(
      this: NotificationResolver,
      payload: LiveTopics['notificationAdded'] | SessionsEnded,
      _args: unknown,
      context: GraphqlContext,
    ) {
      return readForSubscriber(this.identity, context, (actor) =>
        this.service.notification(actor, isSessionsEnded(payload) ? '' : payload.id),
      );
    },
  })
  @AnyRole()
  notificationAdded(): AsyncIterableIterator<LiveTopics['notificationAdded'] | SessionsEnded> {
    return untilSessionsEnd(this.live, this.live.iterator('notificationAdded'));
  }

  @Query(() => NotificationSettingsModel, { description: 'How the signed-in person hears of each kind of event.' })
  @AnyRole()
  notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationSettings> {
    return this.service.settings(actor);
  }

  @Mutation(() => NotificationSettingsModel, {
    description:
      'Sets how the signed-in person hears of the kinds of event named (the others keep theirs) and, when given, their time zone (null: their city’s).',
  })
  @AnyRole()
  updateNotificationPreferences(
    @CurrentActor() actor: Actor,
    @Args('preferences', { type: () => [NotificationPreferenceInputModel], nullable: true })
    preferences: NotificationPreferenceInputModel[] | null,
    @Args('timeZone', { type: () => String, nullable: true }) timeZone: string | null | undefined,
  ): Promise<NotificationSettings> {
    return this.service.updateSettings(actor, preferences ?? [], timeZone);
  }

  @Query(() => [WebhookEndpointModel], { description: 'Webhook endpoints (admins and the secretariat).' })
  @Allow(Role.ADMIN, Role.SECRETARIAT)
  webhookEndpoints(@CurrentActor() actor: Actor): Promise<WebhookEndpoint[]> {
    return this.service.webhookEndpoints(actor);
  }

  @Mutation(() => CreatedWebhookEndpointModel, { description: 'Adds a webhook endpoint; its secret is shown once.' })
  @Allow(Role.ADMIN, Role.SECRETARIAT)
  createWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => WebhookEndpointInputModel }) input: WebhookEndpointInputModel,
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    return this.service.createWebhookEndpoint(actor, input);
  }

  @Mutation(() => WebhookEndpointModel, { description: 'Stops calling a webhook endpoint.' })
  @Allow(Role.ADMIN, Role.SECRETARIAT)
  removeWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WebhookEndpoint> {
    return this.service.removeWebhookEndpoint(actor, id);
  }

  @Query(() => DeliveryConnection, {
    description: 'E-mails and webhook calls that failed after their last attempt (admins).',
  })
  @Allow(Role.ADMIN)
  async failedDeliveries(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<NotificationDelivery>> {
    return toConnection(await this.service.failedDeliveries(actor, { first, after }));
  }

  @Mutation(() => DeliveryModel, {
    description: 'Sends a failed delivery again, with a new round of attempts (admins).',
  })
  @Allow(Role.ADMIN)
  retryDelivery(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<NotificationDelivery> {
    return this.service.retryDelivery(actor, id);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'The person an e-mail goes to; null for a webhook.' })
  recipient(
    @Parent() delivery: NotificationDelivery,
    @Context() context: GraphqlContext,
  ): Promise<Person | null> | null {
    return delivery.recipientId === null ? null : context.loaders.people.person(delivery.recipientId, 'recipient');
  }
}
