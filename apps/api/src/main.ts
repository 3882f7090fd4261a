import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigurationError, withJwtSecret, Environment, parseEnvironment } from '@majlis/config';
import { DEMO_ACCOUNTS } from '@majlis/demo';
import { checkCatalogue } from '@majlis/language';
import { DatabaseEndpoint, openDatabase } from '@majlis/persistence';
import { createApiApplication } from './api.application';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function banner(environment: Environment, url: string): string {
  const lines = ['', `majlis is running at ${url}`, `  GraphQL  ${url}/graphql`, `  health   ${url}/health`];
  if (environment.redisUrl !== undefined) lines.push(`  queues   ${url}/admin/queues (admins)`);
  if (environment.workersInApi)
    lines.push(
      `  e-mail   ${environment.smtpUrl === undefined ? `written to ${join(environment.dataDir, 'mail')} (set SMTP_URL to send)` : 'sent over SMTP_URL'}`,
    );
  if (environment.databaseMode === 'embedded') {
    lines.push(
      `  data     ${environment.dataDir} (embedded PostgreSQL; delete the folder to start afresh)`,
      `  demo accounts, password "${environment.demoPassword}" (MAJLIS_DEMO_PASSWORD):`,
      ...DEMO_ACCOUNTS.map(
        (account) =>
          `    ${account.email.padEnd(32)} ${account.roles.join(', ')}${account.isHeadOfDelegation ? ' (head of delegation)' : ''}`,
      ),
    );
  }
  lines.push('Stop with Ctrl+C.', '');
  return lines.join('\n');
}

const reason = (error: unknown): string => {
  if (error instanceof ConfigurationError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return 'the port is already in use: stop the other program or set PORT to a free one';
  return error instanceof Error ? error.message : String(error);
};

async function main(): Promise<void> {
  let database: DatabaseEndpoint | undefined;
  try {
    const parsed = parseEnvironment(process.env);
    // Before the embedded database starts: a message missing from the catalogue stops majlis at once.
    checkCatalogue();
    if (parsed.databaseMode === 'embedded') say(`Opening the embedded database in ${parsed.dataDir} …`);
    database = await openDatabase(parsed);
    const environment = withJwtSecret(parsed);
    const { app, report } = await createApiApplication(environment, database.url);
    if (report.migrations.length > 0) say(`Applied ${report.migrations.length} database migration(s).`);
    if (report.demoSeeded) say('Loaded the demo partnership (World Energy Cities Partnership).');
    await app.listen({ port: environment.port, host: environment.host });
    const shown = environment.host === '0.0.0.0' || environment.host === '127.0.0.1' ? 'localhost' : environment.host;
    say(banner(environment, `http://${shown}:${environment.port}`));
    if (report.setupLink !== null)
      say(
        `No person exists yet. Create the first administrator on the setup page (the link works once):\n  ${report.setupLink}\n` +
          'or from a shell: npm run majlis -- admin create --email <address>\n',
      );

    const opened = database;
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      say(`Received ${signal}: stopping majlis …`);
      app
        .close()
        .then(() => opened.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`majlis: error while stopping: ${reason(error)}\n`);
            process.exit(1);
          },
        );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  } catch (error) {
    process.stderr.write(`majlis: cannot start: ${reason(error)}\n`);
    await database?.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
