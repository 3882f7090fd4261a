import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { OutboxModule } from '../outbox';
import { DeliveryService } from './delivery.service';
import { DigestSchedules } from './digest-schedules';
import { DigestService } from './digest.service';
import { EventDispatchRepository } from './event-dispatch.repository';
import { EventDispatcher } from './event-dispatcher';
import { MailSender } from './mail-sender';
import { DeliveryRepository } from './notification-delivery.repository';
import { NotificationPreferenceRepository } from './notification-preference.repository';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

@Module({
  imports: [OutboxModule, IdentityModule],
  providers: [
    NotificationService,
    EventDispatcher,
    DeliveryService,
    DigestService,
    DigestSchedules,
    MailSender,
    NotificationRepository,
    DeliveryRepository,
    NotificationPreferenceRepository,
    WebhookEndpointRepository,
    EventDispatchRepository,
  ],
  exports: [
    NotificationService,
    EventDispatcher,
    DeliveryService,
    DigestService,
    DigestSchedules,
    MailSender,
    // The outbox relay asks which deliveries of a message are still to be sent.
    DeliveryRepository,
  ],
})
export class NotificationsModule {}
