// The outbox feature's public file: other features and libs import it only through here.
export { CommittedEvents } from './committed-events';
export type { CommittedEventHandler } from './committed-events';
export { EventAudiences, EventSubjects } from './event-subjects';
export type {
  Audience,
  Audience as EventAudience,
  AudienceQuery,
  EventAttachment,
  EventSubject,
  SubjectFinder,
} from './event-subjects';
export { ALL_TOPICS, isTopic, TOPICS, transitionTopic, webhookData } from './event.contract';
export type {
  EventContract,
  EventPayload,
  EventValue,
  StoredPayload,
  Topic,
  TopicState,
  TransitionExtras,
  TransitionPayload,
  TransitionTopic,
} from './event.contract';
export { OutboxMessage } from './outbox-message.entity';
export type { OutboxPayload } from './outbox-message.entity';
export { OutboxModule } from './outbox.module';
export { OutboxRepository } from './outbox.repository';
export { OutboxWriter } from './outbox.writer';
export type { EventReaction } from './outbox.writer';
