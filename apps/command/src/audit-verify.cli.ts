import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigurationError, parseCommandEnvironment } from '@majlis/config';
import { dataSourceOptions, openDatabase, poolSizeFor } from '@majlis/persistence';
import { AuditRepository, AuditService, DOMAIN_ENTITIES } from '@majlis/domain';

/** `npm run audit:verify`: walks the audit chain on DATABASE_URL (or the embedded data) and names the first broken row. */
async function main(): Promise<void> {
  const environment = parseCommandEnvironment(process.env);
  const database = await openDatabase(environment);
  const dataSource = new DataSource(
    dataSourceOptions(database.url, {
      applicationName: 'majlis-audit-verify',
      poolSize: poolSizeFor(environment.databaseMode),
      entities: DOMAIN_ENTITIES,
    }),
  );
  try {
    await dataSource.initialize();
    const result = await new AuditService(new AuditRepository(dataSource)).verify((checked) =>
      process.stderr.write(`\rchecked ${checked} audit entries…`),
    );
    process.stderr.write('\n');
    if (result.ok) {
      process.stdout.write(
        `The audit chain holds: ${result.entries} entries verified, each linked to the one before.\n`,
      );
      return;
    }
    const why = {
      hash: 'its content no longer matches its hash (it was changed)',
      link: "it does not point at the previous row's hash (a row before it was changed or removed)",
      gap: 'it is missing (the rows jump over it)',
    }[result.reason];
    process.stdout.write(
      `The audit chain is broken at entry ${result.brokenAt}: ${why}. ${result.entries} entries before it verify.\n`,
    );
    process.exitCode = 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `majlis audit:verify: ${error instanceof ConfigurationError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});
