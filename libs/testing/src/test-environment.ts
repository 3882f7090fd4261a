import { randomBytes } from 'node:crypto';
import { Environment, parseEnvironment } from '@majlis/config';

export const TEST_PASSWORD = 'majlis-test-password';

/**
 * The configuration a test process runs with: the machine's DATABASE_URL/REDIS_URL when set, quiet logs,
 * a fixed secret and a queue prefix of its own so that test files sharing one Redis never meet.
 */
export function testEnvironment(overrides: Partial<Environment> = {}): Environment {
  const parsed = parseEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    MAJLIS_DEMO_PASSWORD: TEST_PASSWORD,
    MAJLIS_QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    MAJLIS_DATA_DIR: './.majlis-test',
    // The tests' own webhook receiver (webhook-receiver.ts) listens on this machine.
    MAJLIS_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,localhost',
  });
  return { ...parsed, workersInApi: true, ...overrides };
}
