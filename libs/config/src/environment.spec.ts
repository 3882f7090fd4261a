import { ConfigurationError, parseEnvironment } from './environment';

const SECRET = 'x'.repeat(40);

describe(parseEnvironment.name, () => {
  it('runs embedded on port 3000, on this machine only, when nothing is set', () => {
    const environment = parseEnvironment({});
    expect(environment).toMatchObject({
      databaseMode: 'embedded',
      port: 3000,
      host: '127.0.0.1',
      dataDir: './.majlis',
      demoPassword: 'majlis-demo',
      workersInApi: true,
    });
  });

  it('runs in server mode with DATABASE_URL, listening on every interface, processors in the worker', () => {
    const environment = parseEnvironment({ DATABASE_URL: 'postgres://u:p@db:5432/majlis', JWT_SECRET: SECRET });
    expect(environment).toMatchObject({ databaseMode: 'server', host: '0.0.0.0', workersInApi: false });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    [
      { DATABASE_URL: 'nonsense' },
      'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/majlis (got "nonsense")',
    ],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a Redis URL such as redis://host:6379 (got "localhost:6379")'],
    [
      { DATABASE_URL: 'postgres://db/majlis' },
      'JWT_SECRET is required when DATABASE_URL is set (server mode): set at least 32 random characters',
    ],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [{ MAJLIS_WORKERS_IN_API: 'yes' }, 'MAJLIS_WORKERS_IN_API must be true or false (got "yes")'],
    [
      { SMTP_URL: 'mail.example.org:25' },
      'SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example.org:587 or smtps://…:465',
    ],
    [
      { MAJLIS_ESCALATION_GRACE_DAYS: '-1' },
      'MAJLIS_ESCALATION_GRACE_DAYS must be a whole number of days from 0 to 365 (got "-1")',
    ],
    [{ MAJLIS_DIGEST_HOUR: '24' }, 'MAJLIS_DIGEST_HOUR must be a whole number of hours from 0 to 23 (got "24")'],
    [
      { MAJLIS_RETRY_BASE_MS: '5' },
      'MAJLIS_RETRY_BASE_MS must be a whole number of milliseconds from 10 to 3600000 (got "5")',
    ],
    [
      { MAJLIS_MAX_ACTIVE_REQUESTS: '0' },
      'MAJLIS_MAX_ACTIVE_REQUESTS must be a whole number of requests from 1 to 10000 (got "0")',
    ],
    [
      { MAJLIS_MAX_WAITING_REQUESTS: 'many' },
      'MAJLIS_MAX_WAITING_REQUESTS must be a whole number of requests from 0 to 100000 (got "many")',
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => parseEnvironment(env)).toThrow(new ConfigurationError(message));
  });

  it('writes e-mail to files, links to this port, and retries after 10 s unless told otherwise', () => {
    expect(parseEnvironment({ PORT: '4000' })).toMatchObject({
      smtpUrl: undefined,
      publicUrl: 'http://localhost:4000',
      retryBaseMs: 10_000,
      outboxSweepAfterMs: 120_000,
      digestHour: 8,
      escalationGraceDays: 7,
    });
  });

  it('serves as many requests at once as the database pool, lets 100 wait, and asks refused ones to retry in 2 s', () => {
    expect(parseEnvironment({})).toMatchObject({
      maxActiveRequests: undefined,
      maxWaitingRequests: 100,
      retryAfterSeconds: 2,
    });
    expect(parseEnvironment({ MAJLIS_MAX_ACTIVE_REQUESTS: '4', MAJLIS_MAX_WAITING_REQUESTS: '0' })).toMatchObject({
      maxActiveRequests: 4,
      maxWaitingRequests: 0,
    });
  });

  it('serves the web client from apps/web/dist unless MAJLIS_WEB_DIST says where', () => {
    expect(parseEnvironment({}).webDist).toBe('./apps/web/dist');
    expect(parseEnvironment({ MAJLIS_WEB_DIST: '/srv/majlis/web' }).webDist).toBe('/srv/majlis/web');
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnvironment({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseMode: 'embedded', port: 3000 });
  });

  it('limits queries, trusts no proxy and turns introspection off in production unless told otherwise', () => {
    expect(parseEnvironment({})).toMatchObject({
      queryLimits: { depth: 12, aliases: 30, tokens: 5000, directives: 50, cost: 200_000, repeats: 2 },
      graphqlIntrospection: false,
      trustProxy: false,
      allowedOrigins: [],
      webhookAllowedHosts: [],
      signInLimits: { perAccount: 10, perAddress: 100, blockSeconds: 900 },
    });
    expect(parseEnvironment({ NODE_ENV: 'development' }).graphqlIntrospection).toBe(true);
    expect(parseEnvironment({ MAJLIS_GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(true);
  });

  it.each([
    ['true', true],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.4', ['10.0.0.0/8', '192.168.1.4']],
  ])('reads MAJLIS_TRUST_PROXY=%s', (value, expected) => {
    expect(parseEnvironment({ MAJLIS_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('reads the allowed origins and webhook hosts as lists', () => {
    expect(
      parseEnvironment({
        MAJLIS_ALLOWED_ORIGINS: 'http://localhost:5173, https://majlis.example.org',
        MAJLIS_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,hooks.internal, 10.0.0.0/8',
      }),
    ).toMatchObject({
      allowedOrigins: ['http://localhost:5173', 'https://majlis.example.org'],
      webhookAllowedHosts: ['127.0.0.1', 'hooks.internal', '10.0.0.0/8'],
    });
  });

  it.each([
    [
      { MAJLIS_QUERY_MAX_DEPTH: '1' },
      'MAJLIS_QUERY_MAX_DEPTH must be a whole number of levels from 2 to 100 (got "1")',
    ],
    [
      { MAJLIS_ALLOWED_ORIGINS: 'localhost:5173' },
      'MAJLIS_ALLOWED_ORIGINS must be a comma-separated list of origins such as http://localhost:5173 (scheme, host and port, no path) (got "localhost:5173")',
    ],
    [
      { MAJLIS_TRUST_PROXY: 'yes please' },
      'MAJLIS_TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses (CIDR allowed) (got "yes please")',
    ],
  ])('refuses %j', (env, message) => {
    expect(() => parseEnvironment(env)).toThrow(new ConfigurationError(message));
  });
});
