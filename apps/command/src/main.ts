import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigurationError, Environment, parseEnvironment } from '@majlis/config';
import { createAdministrator, DOMAIN_ENTITIES } from '@majlis/domain';
import { checkCatalogue, DomainError } from '@majlis/language';
import { dataSourceOptions, migrateDatabase, openDatabase, poolSizeFor } from '@majlis/persistence';

const USAGE = `Usage: npm run majlis -- admin create --email <address> [--name-ar <name>] [--name-en <name>] [--locale ar|en]

Creates an administrator without a password and prints a one-time link (valid 7 days) with which they
set it. Acts on DATABASE_URL (with JWT_SECRET, as the API), or on the embedded database in MAJLIS_DATA_DIR
(stop \`npm start\` first: a data folder serves one process). Never give a password on the command line.
`;

/** A refusal the operator can act on: printed without a stack, exit code 2. */
class UsageError extends Error {}

export interface AdminCreateOptions {
  email: string;
  nameAr?: string;
  nameEn?: string;
  locale?: 'ar' | 'en';
}

export function parseCommand(argv: string[]): AdminCreateOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: 'string' },
      'name-ar': { type: 'string' },
      'name-en': { type: 'string' },
      locale: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) throw new UsageError('');
  if (positionals.join(' ') !== 'admin create') throw new UsageError('the only command is `admin create`.');
  if (values.password !== undefined)
    throw new UsageError('a password never goes on the command line (shells keep a history); use the printed link.');
  if (values.email === undefined || values.email.trim() === '') throw new UsageError('--email is required.');
  if (values.locale !== undefined && values.locale !== 'ar' && values.locale !== 'en')
    throw new UsageError('--locale is ar or en.');
  return { email: values.email, nameAr: values['name-ar'], nameEn: values['name-en'], locale: values.locale };
}

/** `admin create` on a database that is open already; returns what it prints. */
export async function adminCreate(
  dataSource: DataSource,
  environment: Environment,
  options: AdminCreateOptions,
): Promise<string> {
  const { person, link, expiresAt } = await createAdministrator(dataSource, environment.publicUrl, {
    email: options.email,
    name: { ar: options.nameAr, en: options.nameEn },
    locale: options.locale,
  });
  return (
    `Created the administrator ${person.email}.\n` +
    `Open this link to set their password (it works once, until ${expiresAt.toISOString()}):\n` +
    `  ${link}\n` +
    'Then sign in with that e-mail and password. The link is a secret: send it only to them.\n'
  );
}

async function main(): Promise<void> {
  const options = parseCommand(process.argv.slice(2));
  // Its refusals come from the message catalogue, as the API's do.
  checkCatalogue();
  const environment = parseEnvironment(process.env);
  const database = await openDatabase(environment);
  const dataSource = new DataSource(
    dataSourceOptions(database.url, {
      applicationName: 'majlis-command',
      poolSize: poolSizeFor(environment.databaseMode),
      entities: DOMAIN_ENTITIES,
    }),
  );
  try {
    await dataSource.initialize();
    await migrateDatabase(dataSource);
    const where =
      environment.databaseMode === 'embedded' ? `the embedded database in ${environment.dataDir}` : 'DATABASE_URL';
    process.stdout.write(`Using ${where}.\n`);
    process.stdout.write(await adminCreate(dataSource, environment, options));
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message === '' ? '' : `majlis: ${error.message}\n\n`}${USAGE}`);
      process.exit(error.message === '' ? 0 : 2);
    }
    const message =
      error instanceof DomainError
        ? error.localizedMessage('en')
        : error instanceof ConfigurationError || error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`majlis admin create: ${message}\n`);
    process.exit(error instanceof DomainError || error instanceof ConfigurationError ? 2 : 1);
  });
