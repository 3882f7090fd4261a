// @ts-check
// The layers of majlis as ESLint rules (docs/architecture.md): a folder imports only what lies below it,
// a library only through its index, a domain feature another feature only through that feature's index.
// Built on ESLint's own no-restricted-imports, so no resolver is needed: every import between our folders
// is written either as an @majlis/<lib> alias or as a relative path inside one lib.

/** The libraries, lowest first; a library may import only those of an earlier group. */
export const LIB_LAYERS = [
  ['workflow', 'config'],
  ['queue', 'language', 'live'],
  ['persistence'],
  ['domain'],
  ['jobs', 'demo'],
  ['testing'],
];

/** The features of libs/domain, lowest first; a feature may import only those of an earlier group. */
export const FEATURE_LAYERS = [
  ['outbox', 'audit'],
  ['transitions'],
  ['identity'],
  ['partnership'],
  ['meetings'],
  ['proposals'],
  ['voting'],
  ['followup'],
  ['notifications'],
  ['accounts'],
];

const APPS = ['api', 'worker', 'command'];

const alternatives = (names) => names.map((name) => name.replace(/[-.]/g, '\\$&')).join('|');

/** Imports every file keeps to: libraries by alias and index, never by a path into another library. */
const COMMON = [
  { group: ['@majlis/*/*'], message: 'Import a library through its index: @majlis/<name>.' },
  {
    group: ['../../libs/*', '../../../libs/*', '**/libs/*/src/*'],
    message: 'Use the @majlis/<name> alias.',
  },
  {
    regex: '^@nestjs/common$',
    importNames: ['forwardRef'],
    message: 'No forwardRef: two modules that need each other are a loop between layers.',
  },
];

const NO_APPS = {
  regex: `(^|/)(apps|${alternatives(APPS)})/`,
  message: 'A library never imports an application: the apps compose the libraries, not the other way round.',
};

const ACROSS_LIBS = {
  regex: '^(\\.\\./)+[a-z-]+/src(/|$)',
  message: 'Another library: use the @majlis/<name> alias.',
};

/** No @majlis/<lib> of this library's group or above (itself included: its own files import relatively). */
function libsAbove(lib, { spec }) {
  const level = LIB_LAYERS.findIndex((group) => group.includes(lib));
  const above = LIB_LAYERS.slice(level)
    .flat()
    .filter((name) => !(spec && name === 'testing'));
  const restricted = above.map((name) => ({
    regex: `^@majlis/${name}$`,
    message:
      name === lib
        ? `Inside @majlis/${lib}, import its files by relative path, not through its own index.`
        : name === 'testing'
          ? '@majlis/testing is for tests only.'
          : `@majlis/${name} lies above @majlis/${lib}: a library imports only the libraries below it (docs/architecture.md).`,
  }));
  return [...restricted, NO_APPS, ACROSS_LIBS];
}

/** Inside libs/domain: features by their index, and only those below. */
function featureRules(feature) {
  const level = FEATURE_LAYERS.findIndex((group) => group.includes(feature));
  const notBelow = FEATURE_LAYERS.slice(level)
    .flat()
    .filter((name) => name !== feature);
  return [
    {
      regex: '^\\.\\./[^/]+/',
      message: "Another feature is imported only through its public file: '../<feature>', never a file inside it.",
    },
    ...(notBelow.length === 0
      ? []
      : [
          {
            regex: `^\\.\\./(${alternatives(notBelow)})$`,
            message: `A feature imports only the features below it, never one above or beside it (docs/architecture.md: ${FEATURE_LAYERS.map((group) => group.join(', ')).join(' < ')}).`,
          },
        ]),
    {
      regex: '^\\.\\.(/index|/domain-entities)?$',
      message: "A feature never imports libs/domain's own index: it re-exports the features.",
    },
    {
      regex: '^@majlis/live$',
      importNames: ['LiveModule', 'PubSubLiveUpdates'],
      message: 'The domain publishes through the LiveUpdates port; the applications provide the adapter.',
    },
  ];
}

/** Transport (resolvers, processors) calls services; it touches no repository and no TypeORM. */
const TRANSPORT = [
  {
    regex: '^(typeorm|@nestjs/typeorm)$',
    message: 'A resolver or processor makes one service call: no EntityManager, no repository, no TypeORM.',
  },
  {
    regex: '^@majlis/domain$',
    importNamePattern: 'Repository$',
    message: 'A resolver or processor makes one service call: no repository.',
  },
];

/**
 * A service keeps the rules; repositories hold the queries. It runs a transaction only through the
 * UnitOfWork and hands its opaque Transaction on: no TypeORM, no EntityManager, no way to reach one.
 */
const NO_SQL_IN_SERVICES = [
  {
    regex: '^(typeorm|@nestjs/typeorm)$',
    message:
      'A service runs no SQL and holds no EntityManager: put the query in a repository and run the transaction through UnitOfWork.',
  },
  {
    regex: '^@majlis/persistence$',
    importNames: ['managerOf', 'transactionOf'],
    message: "A service never reaches a transaction's connection: only repositories do.",
  },
];

/** The workflow library is pure: no Nest, no database, no queue. */
const PURE = [
  {
    regex: '^(@nestjs/.*|typeorm|pg|bullmq|ioredis|@electric-sql/.*|nodemailer)$',
    message: 'libs/workflow is pure (state machines and rules): no Nest, no database, no I/O.',
  },
];

const rule = (patterns) => ({ 'no-restricted-imports': ['error', { patterns: [...COMMON, ...patterns] }] });

/** Flat-config blocks: a later block's options replace an earlier one's, so each block lists all its rules. */
export function boundaries() {
  const blocks = [{ files: ['**/*.ts'], rules: rule([]) }];
  for (const lib of LIB_LAYERS.flat()) {
    const extra = lib === 'workflow' ? PURE : [];
    blocks.push({ files: [`libs/${lib}/src/**/*.ts`], rules: rule([...libsAbove(lib, { spec: false }), ...extra]) });
    blocks.push({
      files: [`libs/${lib}/src/**/*.spec.ts`],
      rules: rule([...libsAbove(lib, { spec: true }), ...extra]),
    });
    blocks.push({
      files: [`libs/${lib}/src/**/*.service.ts`],
      rules: rule([...libsAbove(lib, { spec: false }), ...extra, ...NO_SQL_IN_SERVICES]),
    });
  }
  blocks.push({
    files: ['libs/domain/src/*.ts'],
    rules: rule([
      ...libsAbove('domain', { spec: false }),
      { regex: '^\\./[^/]+/', message: "libs/domain's own files import each feature through its public file." },
    ]),
  });
  for (const feature of FEATURE_LAYERS.flat()) {
    const patterns = [...featureRules(feature)];
    blocks.push({
      files: [`libs/domain/src/${feature}/**/*.ts`],
      rules: rule([...libsAbove('domain', { spec: false }), ...patterns]),
    });
    blocks.push({
      files: [`libs/domain/src/${feature}/**/*.spec.ts`],
      rules: rule([...libsAbove('domain', { spec: true }), ...patterns]),
    });
    blocks.push({
      files: [`libs/domain/src/${feature}/**/*.service.ts`],
      rules: rule([...libsAbove('domain', { spec: false }), ...patterns, ...NO_SQL_IN_SERVICES]),
    });
  }
  blocks.push({
    files: ['libs/jobs/src/**/*.processor.ts', 'libs/jobs/src/**/*.processors.ts'],
    rules: rule([...libsAbove('jobs', { spec: false }), ...TRANSPORT]),
  });
  for (const app of APPS) {
    const others = APPS.filter((name) => name !== app);
    const noOtherApp = {
      regex: `^(\\.\\./)+(apps/)?(${alternatives(others)})/`,
      message: 'An application never imports another; what both need belongs in a library.',
    };
    blocks.push({ files: [`apps/${app}/src/**/*.ts`], rules: rule([noOtherApp]) });
    blocks.push({ files: [`apps/${app}/src/**/*.resolver.ts`], rules: rule([noOtherApp, ...TRANSPORT]) });
  }
  return blocks;
}
