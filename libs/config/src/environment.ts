import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export type Locale = 'ar' | 'en';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const flag = (name: string) =>
  z
    .enum(['true', 'false', '1', '0'], { message: `${name} must be true or false` })
    .transform((value) => value === 'true' || value === '1')
    .optional();

const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
  message: 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/majlis',
});

const redisUrl = z.string().refine((value) => /^rediss?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
  message: 'REDIS_URL must be a Redis URL such as redis://host:6379',
});

const smtpUrl = z.string().refine((value) => /^smtps?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
  message: 'SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example.org:587 or smtps://…:465',
});

const wholeNumber = (name: string, min: number, max: number, unit: string) =>
  z
    .string()
    .regex(/^\d+$/, { message: `${name} must be a whole number of ${unit} from ${min} to ${max}` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, {
      message: `${name} must be a whole number of ${unit} from ${min} to ${max}`,
    });

const fields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], {
    message: 'NODE_ENV must be development, production or test',
  }),
  PORT: z
    .string()
    .regex(/^\d+$/, { message: 'PORT must be a whole number from 1 to 65535' })
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65535, { message: 'PORT must be a whole number from 1 to 65535' }),
  HOST: z.string().min(1, { message: 'HOST must not be empty' }).optional(),
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: redisUrl.optional(),
  MAJLIS_DATA_DIR: z.string().min(1, { message: 'MAJLIS_DATA_DIR must not be empty' }),
  JWT_SECRET: z.string().min(32, { message: 'JWT_SECRET must be at least 32 characters long' }).optional(),
  TOKEN_TTL_HOURS: z
    .string()
    .regex(/^\d+$/, { message: 'TOKEN_TTL_HOURS must be a whole number of hours from 1 to 720' })
    .transform(Number)
    .refine((hours) => hours >= 1 && hours <= 720, {
      message: 'TOKEN_TTL_HOURS must be a whole number of hours from 1 to 720',
    }),
  MAJLIS_DEMO_PASSWORD: z.string().min(8, { message: 'MAJLIS_DEMO_PASSWORD must be at least 8 characters long' }),
  MAJLIS_WORKERS_IN_API: flag('MAJLIS_WORKERS_IN_API'),
  MAJLIS_DEMO: flag('MAJLIS_DEMO'),
  MAJLIS_QUEUE_PREFIX: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, {
    message: 'MAJLIS_QUEUE_PREFIX must be lower-case letters, digits or _ and start with a letter',
  }),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^\r\n]+@[^\r\n]+$/, { message: 'MAIL_FROM must be an address such as "majlis <no-reply@example.org>"' }),
  MAJLIS_PUBLIC_URL: z
    .string()
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
      message:
        'MAJLIS_PUBLIC_URL must be the http(s) address people open majlis at, such as https://majlis.example.org',
    })
    .optional(),
  MAJLIS_RETRY_BASE_MS: wholeNumber('MAJLIS_RETRY_BASE_MS', 10, 3_600_000, 'milliseconds'),
  MAJLIS_OUTBOX_SWEEP_AFTER_MS: wholeNumber('MAJLIS_OUTBOX_SWEEP_AFTER_MS', 100, 86_400_000, 'milliseconds'),
  MAJLIS_DIGEST_HOUR: wholeNumber('MAJLIS_DIGEST_HOUR', 0, 23, 'hours'),
  MAJLIS_ESCALATION_GRACE_DAYS: wholeNumber('MAJLIS_ESCALATION_GRACE_DAYS', 0, 365, 'days'),
  MAJLIS_MAX_ACTIVE_REQUESTS: wholeNumber('MAJLIS_MAX_ACTIVE_REQUESTS', 1, 10_000, 'requests').optional(),
  MAJLIS_MAX_WAITING_REQUESTS: wholeNumber('MAJLIS_MAX_WAITING_REQUESTS', 0, 100_000, 'requests'),
  MAJLIS_RETRY_AFTER_SECONDS: wholeNumber('MAJLIS_RETRY_AFTER_SECONDS', 1, 3_600, 'seconds'),
  MAJLIS_WEB_DIST: z.string().min(1, { message: 'MAJLIS_WEB_DIST must not be empty' }),
  MAJLIS_QUERY_MAX_DEPTH: wholeNumber('MAJLIS_QUERY_MAX_DEPTH', 2, 100, 'levels'),
  MAJLIS_QUERY_MAX_ALIASES: wholeNumber('MAJLIS_QUERY_MAX_ALIASES', 0, 10_000, 'aliases'),
  MAJLIS_QUERY_MAX_TOKENS: wholeNumber('MAJLIS_QUERY_MAX_TOKENS', 100, 1_000_000, 'tokens'),
  MAJLIS_QUERY_MAX_DIRECTIVES: wholeNumber('MAJLIS_QUERY_MAX_DIRECTIVES', 0, 10_000, 'directives'),
  MAJLIS_QUERY_MAX_COST: wholeNumber('MAJLIS_QUERY_MAX_COST', 10, 100_000_000, 'points'),
  MAJLIS_QUERY_MAX_REPEATS: wholeNumber('MAJLIS_QUERY_MAX_REPEATS', 1, 100, 'times'),
  MAJLIS_GRAPHQL_INTROSPECTION: flag('MAJLIS_GRAPHQL_INTROSPECTION'),
  MAJLIS_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
      message:
        'MAJLIS_TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses (CIDR allowed)',
    })
    .optional(),
  MAJLIS_ALLOWED_ORIGINS: z
    .string()
    .refine((value) => value.split(',').every((origin) => /^https?:\/\/[^\s/]+$/.test(origin.trim())), {
      message:
        'MAJLIS_ALLOWED_ORIGINS must be a comma-separated list of origins such as http://localhost:5173 (scheme, host and port, no path)',
    })
    .optional(),
  MAJLIS_WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .regex(/^[^\s,]+(\s*,\s*[^\s,]+)*$/, {
      message: 'MAJLIS_WEBHOOK_ALLOWED_HOSTS must be a comma-separated list of host names, addresses or CIDR ranges',
    })
    .optional(),
  MAJLIS_SIGNIN_FAILURES: wholeNumber('MAJLIS_SIGNIN_FAILURES', 1, 10_000, 'attempts'),
  MAJLIS_SIGNIN_IP_FAILURES: wholeNumber('MAJLIS_SIGNIN_IP_FAILURES', 1, 100_000, 'attempts'),
  MAJLIS_SIGNIN_BLOCK_SECONDS: wholeNumber('MAJLIS_SIGNIN_BLOCK_SECONDS', 1, 86_400, 'seconds'),
});

const schema = fields.refine((env) => env.DATABASE_URL === undefined || env.JWT_SECRET !== undefined, {
  path: ['JWT_SECRET'],
  message: 'JWT_SECRET is required when DATABASE_URL is set (server mode): set at least 32 random characters',
});

const DEFAULTS: Record<string, string> = {
  NODE_ENV: 'production',
  PORT: '3000',
  MAJLIS_DATA_DIR: './.majlis',
  TOKEN_TTL_HOURS: '12',
  MAJLIS_DEMO_PASSWORD: 'majlis-demo',
  MAJLIS_QUEUE_PREFIX: 'majlis',
  LOG_LEVEL: 'info',
  MAIL_FROM: 'majlis <no-reply@majlis.invalid>',
  MAJLIS_RETRY_BASE_MS: '10000',
  MAJLIS_OUTBOX_SWEEP_AFTER_MS: '120000',
  MAJLIS_DIGEST_HOUR: '8',
  MAJLIS_ESCALATION_GRACE_DAYS: '7',
  MAJLIS_MAX_WAITING_REQUESTS: '100',
  MAJLIS_RETRY_AFTER_SECONDS: '2',
  MAJLIS_WEB_DIST: './apps/web/dist',
  MAJLIS_QUERY_MAX_DEPTH: '12',
  MAJLIS_QUERY_MAX_ALIASES: '30',
  MAJLIS_QUERY_MAX_TOKENS: '5000',
  MAJLIS_QUERY_MAX_DIRECTIVES: '50',
  MAJLIS_QUERY_MAX_COST: '200000',
  MAJLIS_QUERY_MAX_REPEATS: '2',
  MAJLIS_SIGNIN_FAILURES: '10',
  MAJLIS_SIGNIN_IP_FAILURES: '100',
  MAJLIS_SIGNIN_BLOCK_SECONDS: '900',
};

type ParsedEnvironment = z.infer<typeof schema>;

/** The validated configuration of one majlis process, read once at start. */
export interface Environment {
  nodeEnv: ParsedEnvironment['NODE_ENV'];
  port: number;
  host: string;
  /** `embedded`: PGlite in the data folder and BullMQ on PostgreSQL; `server`: DATABASE_URL. */
  databaseMode: 'embedded' | 'server';
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  jwtSecret?: string;
  tokenTtlHours: number;
  demoPassword: string;
  /** Load the demo partnership on the embedded default's first start (never in server mode). */
  loadDemo: boolean;
  workersInApi: boolean;
  queuePrefix: string;
  logLevel: ParsedEnvironment['LOG_LEVEL'];
  /** Where e-mail goes; unset = written as .eml files under `<dataDir>/mail`. */
  smtpUrl?: string;
  mailFrom: string;
  /** Links in messages point here (the web client's address). */
  publicUrl: string;
  /** First retry delay of an e-mail or webhook delivery; each next one doubles. */
  retryBaseMs: number;
  /** An event relayed this long ago whose deliveries are not all done is relayed again. */
  outboxSweepAfterMs: number;
  /** Local hour at which daily digests go out, in each recipient's time zone. */
  digestHour: number;
  /** Days after an action item's due date before its overdue is escalated to the secretariat. */
  escalationGraceDays: number;
  /** API requests served at once; unset = as many as the database pool has connections (at least 2). */
  maxActiveRequests?: number;
  /** API requests that wait for a turn; beyond them a request is refused at once (503, SERVICE_UNAVAILABLE). */
  maxWaitingRequests: number;
  /** The `Retry-After` of a refusal for load, in seconds. */
  retryAfterSeconds: number;
  /** The built web client the API serves at `/` (relative to the working directory unless absolute). */
  webDist: string;
  /** What one GraphQL document may ask for; a bigger one is refused with QUERY_TOO_COMPLEX before it runs. */
  queryLimits: QueryLimits;
  /** Introspection and "did you mean" suggestions; off in production unless MAJLIS_GRAPHQL_INTROSPECTION. */
  graphqlIntrospection: boolean;
  /** Fastify's trustProxy: false, true, a hop count or proxy addresses (MAJLIS_TRUST_PROXY). */
  trustProxy: boolean | number | string[];
  /** Origins besides MAJLIS_PUBLIC_URL's and the request's own host that may use the session cookie. */
  allowedOrigins: string[];
  /** Webhook destinations allowed although private, loopback or link-local (host names, addresses, CIDR). */
  webhookAllowedHosts: string[];
  /** Failed sign-ins an account, or an address, may have within `signInBlockSeconds` before it waits. */
  signInLimits: SignInLimits;
}

export interface QueryLimits {
  depth: number;
  aliases: number;
  tokens: number;
  directives: number;
  cost: number;
  /** How often one list field (say Meeting.agendaItems) may stand on one path: a cycle multiplies the rows read. */
  repeats: number;
}

export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  blockSeconds: number;
}

/** A configuration value that is missing or malformed; its message is one line naming the variable. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

const list = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');

function trustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return list(value);
}

/**
 * The environment of a command that signs no session token (seeding, migrations, the audit check): in
 * server mode it needs no JWT_SECRET, so that `DATABASE_URL=… npm run seed:demo` works from a checkout.
 */
export function parseCommandEnvironment(source: NodeJS.ProcessEnv): Environment {
  const secret = source.JWT_SECRET === undefined || source.JWT_SECRET === '' ? undefined : source.JWT_SECRET;
  return parseEnvironment({ ...source, JWT_SECRET: secret ?? randomBytes(48).toString('base64url') });
}

export function parseEnvironment(source: NodeJS.ProcessEnv): Environment {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(fields.shape)) raw[key] = source[key] === '' ? undefined : source[key];
  for (const [key, value] of Object.entries(DEFAULTS)) raw[key] ??= value;

  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue.path[0] ?? 'configuration');
    const given = raw[variable];
    const shown =
      variable === 'JWT_SECRET' || variable === 'SMTP_URL' || given === undefined ? '' : ` (got "${given}")`;
    throw new ConfigurationError(`${issue.message}${shown}`);
  }
  const env = result.data;
  const databaseMode = env.DATABASE_URL === undefined ? 'embedded' : 'server';
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    // The embedded demo has well-known passwords, so by default it listens on this machine only.
    host: env.HOST ?? (databaseMode === 'embedded' ? '127.0.0.1' : '0.0.0.0'),
    databaseMode,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    dataDir: env.MAJLIS_DATA_DIR,
    jwtSecret: env.JWT_SECRET,
    tokenTtlHours: env.TOKEN_TTL_HOURS,
    demoPassword: env.MAJLIS_DEMO_PASSWORD,
    loadDemo: env.MAJLIS_DEMO ?? true,
    workersInApi: env.MAJLIS_WORKERS_IN_API ?? databaseMode === 'embedded',
    queuePrefix: env.MAJLIS_QUEUE_PREFIX,
    logLevel: env.LOG_LEVEL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    publicUrl: env.MAJLIS_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    retryBaseMs: env.MAJLIS_RETRY_BASE_MS,
    outboxSweepAfterMs: env.MAJLIS_OUTBOX_SWEEP_AFTER_MS,
    digestHour: env.MAJLIS_DIGEST_HOUR,
    escalationGraceDays: env.MAJLIS_ESCALATION_GRACE_DAYS,
    maxActiveRequests: env.MAJLIS_MAX_ACTIVE_REQUESTS,
    maxWaitingRequests: env.MAJLIS_MAX_WAITING_REQUESTS,
    retryAfterSeconds: env.MAJLIS_RETRY_AFTER_SECONDS,
    webDist: env.MAJLIS_WEB_DIST,
    queryLimits: {
      depth: env.MAJLIS_QUERY_MAX_DEPTH,
      aliases: env.MAJLIS_QUERY_MAX_ALIASES,
      tokens: env.MAJLIS_QUERY_MAX_TOKENS,
      directives: env.MAJLIS_QUERY_MAX_DIRECTIVES,
      cost: env.MAJLIS_QUERY_MAX_COST,
      repeats: env.MAJLIS_QUERY_MAX_REPEATS,
    },
    graphqlIntrospection: env.MAJLIS_GRAPHQL_INTROSPECTION ?? env.NODE_ENV !== 'production',
    trustProxy: trustProxy(env.MAJLIS_TRUST_PROXY),
    allowedOrigins: list(env.MAJLIS_ALLOWED_ORIGINS).map((origin) => new URL(origin).origin),
    webhookAllowedHosts: list(env.MAJLIS_WEBHOOK_ALLOWED_HOSTS),
    signInLimits: {
      perAccount: env.MAJLIS_SIGNIN_FAILURES,
      perAddress: env.MAJLIS_SIGNIN_IP_FAILURES,
      blockSeconds: env.MAJLIS_SIGNIN_BLOCK_SECONDS,
    },
  };
}
