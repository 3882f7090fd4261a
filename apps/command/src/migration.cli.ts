import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigurationError, parseCommandEnvironment } from '@majlis/config';
import { DOMAIN_ENTITIES } from '@majlis/domain';
import { JOB_ENTITIES } from '@majlis/jobs';
import {
  dataSourceOptions,
  migrateDatabase,
  MIGRATIONS_FOLDER,
  openDatabase,
  pendingSchemaChanges,
} from '@majlis/persistence';

const USAGE = 'usage: npm run migration:<generate NAME | run | revert | check>';

const literal = (sql: string): string => `\`${sql.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')}\``;

const indent = (queries: string[]): string =>
  queries.map((query) => `    await queryRunner.query(${literal(query)});`).join('\n');

function migrationSource(className: string, up: string[], down: string[]): string {
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${indent(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${indent(down)}
  }
}
`;
}

async function main(command: string | undefined, name: string | undefined): Promise<number> {
  const environment = parseCommandEnvironment(process.env);
  const database = await openDatabase(environment);
  const dataSource = new DataSource(
    dataSourceOptions(database.url, {
      applicationName: 'majlis-migrations',
      entities: [...DOMAIN_ENTITIES, ...JOB_ENTITIES],
    }),
  );
  await dataSource.initialize();
  const where = database.mode === 'embedded' ? `embedded database in ${environment.dataDir}` : 'DATABASE_URL';
  try {
    switch (command ?? '') {
      case 'run': {
        const applied = await migrateDatabase(dataSource);
        console.log(applied.length === 0 ? `No pending migrations (${where}).` : `Applied on ${where}:`);
        applied.forEach((migration) => console.log(`  ${migration}`));
        return 0;
      }
      case 'revert': {
        await dataSource.undoLastMigration({ transaction: 'all' });
        console.log(`Reverted the last migration on ${where}.`);
        return 0;
      }
      case 'check': {
        await migrateDatabase(dataSource);
        const { up } = await pendingSchemaChanges(dataSource);
        if (up.length === 0) {
          console.log(`Migrations and entities agree (${where}).`);
          return 0;
        }
        console.error(
          'The entities differ from the migrations; run `npm run migration:generate -- Name`. Missing SQL:',
        );
        up.forEach((query) => console.error(`  ${query};`));
        return 1;
      }
      case 'generate': {
        if (name === undefined || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
          console.error('Name the migration in PascalCase: npm run migration:generate -- AddMeetings');
          return 2;
        }
        await migrateDatabase(dataSource);
        const { up, down } = await pendingSchemaChanges(dataSource);
        if (up.length === 0) {
          console.log('Nothing to generate: the entities and the migrations agree.');
          return 0;
        }
        const timestamp = Date.now();
        const file = join(MIGRATIONS_FOLDER, `${timestamp}-${name}.ts`);
        writeFileSync(file, migrationSource(`${name}${timestamp}`, up, down.reverse()));
        console.log(`Wrote ${relative(process.cwd(), file)} (${up.length} statements). Review it, then commit it.`);
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    await dataSource.destroy();
    await database.close();
  }
}

main(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigurationError ? error.message : String(error);
    console.error(`majlis migrations: ${message}`);
    process.exit(1);
  },
);
