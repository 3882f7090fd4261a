export {
  createEmbeddedTestDatabase,
  createServerTestDatabase,
  createStandaloneDatabase,
  createTestDatabase,
} from './test-database';
export type { TestDatabase } from './test-database';
export { TEST_PASSWORD, testEnvironment } from './test-environment';
export {
  describeWithRedisServer,
  RedisProcessError,
  redisServerBinary,
  requireRedisServer,
  startRedisProcess,
} from './redis-process';
export type { RedisProcess, RedisProcessErrorCode } from './redis-process';
export { startSmtpSink } from './smtp-sink';
export type { ReceivedMail, SmtpSink } from './smtp-sink';
export { startWebhookReceiver } from './webhook-receiver';
export type { ReceivedWebhook, WebhookReceiver } from './webhook-receiver';
export { parseCsv } from './csv';
export { ARABIC_WORDS, ENGLISH_WORDS, sampleText } from './sample-text';
export { DEMO_ACCOUNTS, refusal, startDomain } from './domain-harness';
export type { DomainHarness, PublishedUpdate, QueuedJob } from './domain-harness';
