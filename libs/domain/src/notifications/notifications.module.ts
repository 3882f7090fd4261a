import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox';
import { DeliveryService } from './delivery.service';
import { DigestSchedules } from './digest-schedules';
import { DigestService } from './digest.service';
import { EventDispatcher } from './event-dispatcher';
import { MailSender } from './mail-sender';
import { NotificationService } from './notification.service';

@Module({
  imports: [OutboxModule],
  providers: [NotificationService, EventDispatcher, DeliveryService, DigestService, DigestSchedules, MailSender],
  exports: [NotificationService, EventDispatcher, DeliveryService, DigestService, DigestSchedules, MailSender],
})
export class NotificationsModule {}
