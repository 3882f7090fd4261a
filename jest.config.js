/** @type {import('jest').Config} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // The web client has its own tests (vitest, Playwright); its *.spec.ts are not jest's.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  modulePathIgnorePatterns: ['<rootDir>/apps/web/'],
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc] },
  // ESM-only packages (bull-board's static file server uses them) are compiled to CommonJS like our code.
  transformIgnorePatterns: [
    '/node_modules/(?!(content-disposition|glob|minimatch|path-scurry|lru-cache|minipass|jackspeak|@isaacs)/)',
  ],
  moduleNameMapper: {
    '^@majlis/(config|persistence|queue|domain|testing|workflow|language|live|jobs|demo)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  // The few files that take minutes start first, whether or not jest remembers their durations.
  testSequencer: '<rootDir>/test/long-first.sequencer.js',
  // Timeouts only catch a hang: a busy machine (CI beside another suite) may be several times slower.
  testTimeout: 180_000,
  // One worker more than this machine's two cores: a file spends part of its time waiting on PostgreSQL,
  // Redis, a child process or a timer, and a third file fills those waits (the suite on PostgreSQL + Redis:
  // 327 s and 77% of the two cores busy with two workers, 264 s and 94% with three).
  maxWorkers: 3,
};
