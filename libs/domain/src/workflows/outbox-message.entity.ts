// Moved to outbox/; kept until the transition code writes through OutboxWriter.
export { OutboxMessage, type OutboxPayload } from '../outbox/outbox-message.entity';
