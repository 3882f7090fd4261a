import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import {
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  NOTIFICATION_MODES,
  NOTIFIED_TOPICS,
  type DeliveryChannel as DeliveryChannelValue,
  type DeliveryStatus as DeliveryStatusValue,
  type NotificationMode as NotificationModeValue,
} from '@majlis/domain';
import { ConnectionOf } from '../graphql/connection.model';
import { enumOf } from '../graphql/enum-of';
import { Locale } from '../graphql/localized-string.model';

export const NotificationMode = enumOf(
  NOTIFICATION_MODES,
  'NotificationMode',
  'off: nothing; immediate: in the inbox and by e-mail at once; digest: in the inbox at once, by e-mail in the daily digest.',
);
export const DeliveryChannel = enumOf(DELIVERY_CHANNELS, 'DeliveryChannel', 'How a notification leaves majlis.');
export const DeliveryStatus = enumOf(
  DELIVERY_STATUSES,
  'DeliveryStatus',
  'pending: to be sent (or retrying); digest: waits for the daily digest; sent; failed after its last attempt; digested: went out in a digest.',
);

@ObjectType('Notification', {
  description:
    "A message in the signed-in person's inbox, in the language they read now (the request's, else their own) when it was written in it, else in the one it was written in.",
})
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: `What happened: one of ${NOTIFIED_TOPICS.join(', ')}.` })
  topic!: string;

  @Field()
  title!: string;

  @Field({ description: 'Plain text; paragraphs separated by blank lines.' })
  body!: string;

  @Field(() => Locale, { description: 'The language title and body are in.' })
  locale!: LocaleCode;

  @Field({ description: 'What it is about, for a link: proposal or ballot.' })
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field({
    description:
      "The web client's page it leads to: /proposals/<id>, /ballots/<id>, /implementation-plans/<planId> or /meetings/<id>; its e-mail links there too.",
  })
  path!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

export const NotificationConnection = ConnectionOf(NotificationModel, 'Notification');

@ObjectType('NotificationPreference')
export class NotificationPreferenceModel {
  @Field({ description: `One of ${NOTIFIED_TOPICS.join(', ')}.` })
  topic!: string;

  @Field(() => NotificationMode)
  mode!: NotificationModeValue;
}

@ObjectType('NotificationSettings')
export class NotificationSettingsModel {
  @Field(() => String, { nullable: true, description: "The person's own IANA time zone; null: their city's." })
  timeZone!: string | null;

  @Field({ description: 'The time zone dates in messages and the daily digest use.' })
  effectiveTimeZone!: string;

  @Field(() => [NotificationPreferenceModel], { description: 'Every kind of event, with how it reaches this person.' })
  preferences!: NotificationPreferenceModel[];
}

@InputType('NotificationPreferenceInput')
export class NotificationPreferenceInputModel {
  @Field()
  topic!: string;

  @Field(() => NotificationMode)
  mode!: NotificationModeValue;
}

@ObjectType('WebhookEndpoint', {
  description:
    "An address that hears events by signed HTTPS POST: a member city's (events about it) or the partnership's (all).",
})
export class WebhookEndpointModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Null: the partnership’s endpoint, which hears every event.' })
  memberCityId!: string | null;

  @Field()
  url!: string;

  @Field(() => Locale, { description: 'The language of the message text inside each call.' })
  locale!: LocaleCode;

  @Field()
  active!: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType('CreatedWebhookEndpoint')
export class CreatedWebhookEndpointModel {
  @Field(() => WebhookEndpointModel)
  endpoint!: WebhookEndpointModel;

  @Field({
    description:
      'The signing secret, shown this once: X-Majlis-Signature is v1=hex(HMAC-SHA256(secret, "<X-Majlis-Timestamp>.<body>")).',
  })
  secret!: string;
}

@InputType('WebhookEndpointInput')
export class WebhookEndpointInputModel {
  @Field(() => ID, {
    nullable: true,
    description: "The city whose events it hears; none: the partnership's, all events.",
  })
  memberCityId?: string | null;

  @Field({ description: 'https:// (http:// only for localhost).' })
  url!: string;

  @Field(() => Locale, { nullable: true, description: 'en when absent.' })
  locale?: LocaleCode | null;
}

@ObjectType('Delivery', { description: 'One e-mail or webhook call of a notification.' })
export class DeliveryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  topic!: string;

  @Field(() => DeliveryChannel)
  channel!: DeliveryChannelValue;

  @Field({ description: 'The e-mail address or URL it goes to.' })
  address!: string;

  @Field(() => DeliveryStatus)
  status!: DeliveryStatusValue;

  @Field(() => Int, { description: 'Sends tried in the current round.' })
  attempts!: number;

  @Field(() => Int, { description: '1, and one more for each retry asked for.' })
  round!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true })
  failedAt!: Date | null;

  recipientId!: string | null;
}

export const DeliveryConnection = ConnectionOf(DeliveryModel, 'Delivery');

@ObjectType('MarkNotificationsReadResult')
export class MarkNotificationsReadModel {
  @Field(() => Int, { description: 'Unread notifications left.' })
  unreadCount!: number;
}
