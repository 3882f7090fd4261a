import { Module } from '@nestjs/common';
import { CommittedEvents } from './committed-events';
import { EventAudiences, EventSubjects } from './event-subjects';
import { OutboxRepository } from './outbox.repository';
import { OutboxWriter } from './outbox.writer';

/**
 * The outbox: its one writer and the registries features fill (in-transaction reactions on the writer,
 * after-commit side effects, event subjects and audiences). Import it where you write or register; it
 * is one instance per application.
 */
@Module({
  providers: [OutboxWriter, OutboxRepository, CommittedEvents, EventSubjects, EventAudiences],
  exports: [OutboxWriter, OutboxRepository, CommittedEvents, EventSubjects, EventAudiences],
})
export class OutboxModule {}
