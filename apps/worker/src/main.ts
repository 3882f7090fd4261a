import 'reflect-metadata';
import { ConfigurationError, parseEnvironment } from '@majlis/config';
import { createWorkerApplication } from './worker.application';

const fail = (message: string): never => {
  process.stderr.write(`majlis worker: cannot start: ${message}\n`);
  process.exit(1);
};

async function main(): Promise<void> {
  let environment;
  try {
    environment = parseEnvironment(process.env);
  } catch (error) {
    return fail(error instanceof ConfigurationError ? error.message : String(error));
  }
  if (environment.databaseUrl === undefined) {
    return fail('the worker needs DATABASE_URL; in embedded mode `npm start` runs the queue processors itself');
  }
  try {
    const app = await createWorkerApplication(environment, environment.databaseUrl);
    process.stdout.write(
      `majlis worker is processing jobs (${environment.redisUrl === undefined ? 'PostgreSQL' : 'Redis'} queue backend). Stop with Ctrl+C.\n`,
    );
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

void main();
