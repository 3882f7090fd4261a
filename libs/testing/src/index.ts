export {
  createEmbeddedTestDatabase,
  createServerTestDatabase,
  createStandaloneDatabase,
  createTestDatabase,
} from './test-database';
export type { TestDatabase } from './test-database';
export { TEST_PASSWORD, testEnvironment } from './test-environment';
