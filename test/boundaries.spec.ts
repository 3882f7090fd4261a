import { join } from 'node:path';
import { ESLint } from 'eslint';

// The repository's own ESLint configuration, on small sources placed (virtually) at real paths; only the
// import rules run, without type information, so each source is checked in milliseconds.
const eslint = new ESLint({
  cwd: join(__dirname, '..'),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId === 'no-restricted-syntax',
});

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, '..', filePath) });
  return result.messages.map((message) => message.message);
}

describe('the boundaries lint', () => {
  it('refuses a feature importing a feature above it', async () => {
    expect(
      await refusals('libs/domain/src/voting/ballot-reminder.ts', "import { MailSender } from '../notifications';\n"),
    ).toEqual([expect.stringContaining('A feature imports only the features below it')]);
  });

  it('refuses a file inside another feature, even a lower one: only its public file', async () => {
    expect(
      await refusals(
        'libs/domain/src/voting/ballot-reminder.ts',
        "import { Person } from '../identity/person.entity';\n",
      ),
    ).toEqual([expect.stringContaining('only through its public file')]);
  });

  it('refuses the upward half of a loop between two features, and allows the downward one', async () => {
    const down = await refusals('libs/domain/src/proposals/agenda-link.ts', "import { Meeting } from '../meetings';\n");
    const up = await refusals('libs/domain/src/meetings/agenda-link.ts', "import { Proposal } from '../proposals';\n");
    expect(down).toEqual([]);
    expect(up).toEqual([expect.stringContaining('A feature imports only the features below it')]);
  });

  it('refuses two features of one layer importing each other', async () => {
    expect(await refusals('libs/domain/src/audit/trail.ts', "import { OutboxWriter } from '../outbox';\n")).toEqual([
      expect.stringContaining('never one above or beside it'),
    ]);
  });

  it("refuses a feature importing libs/domain's own index, and the domain importing itself by alias", async () => {
    expect(await refusals('libs/domain/src/voting/tally.ts', "import { Person } from '..';\n")).toEqual([
      expect.stringContaining("never imports libs/domain's own index"),
    ]);
    expect(await refusals('libs/domain/src/voting/tally.ts', "import { Person } from '@majlis/domain';\n")).toEqual([
      expect.stringContaining('import its files by relative path'),
    ]);
  });

  it('refuses a library importing a library above it, or an application', async () => {
    expect(
      await refusals('libs/persistence/src/entities.ts', "import { DOMAIN_ENTITIES } from '@majlis/domain';\n"),
    ).toEqual([expect.stringContaining('@majlis/domain lies above @majlis/persistence')]);
    expect(
      await refusals('libs/domain/src/voting/tally.ts', "import { BallotProcessor } from '@majlis/jobs';\n"),
    ).toEqual([expect.stringContaining('@majlis/jobs lies above @majlis/domain')]);
    expect(
      await refusals('libs/jobs/src/report.ts', "import { AppModule } from '../../../apps/api/src/app.module';\n"),
    ).toContainEqual(expect.stringContaining('never imports an application'));
  });

  it('refuses a path into a library instead of its alias and index', async () => {
    expect(await refusals('apps/api/src/health/check.ts', "import { Ballot } from '@majlis/domain/voting';\n")).toEqual(
      [expect.stringContaining('through its index')],
    );
  });

  it('refuses test helpers outside tests', async () => {
    expect(
      await refusals('libs/domain/src/voting/tally.ts', "import { createTestDatabase } from '@majlis/testing';\n"),
    ).toEqual([expect.stringContaining('for tests only')]);
    expect(
      await refusals('libs/domain/src/voting/tally.spec.ts', "import { createTestDatabase } from '@majlis/testing';\n"),
    ).toEqual([]);
  });

  it('refuses a repository or TypeORM in a resolver or a queue processor', async () => {
    expect(
      await refusals('apps/api/src/voting/ballot.resolver.ts', "import { PersonRepository } from '@majlis/domain';\n"),
    ).toEqual([expect.stringContaining('no repository')]);
    expect(await refusals('libs/jobs/src/ballot.processor.ts', "import { EntityManager } from 'typeorm';\n")).toEqual([
      expect.stringContaining('no EntityManager'),
    ]);
  });

  it('refuses the adapter of live updates inside the domain: it publishes through the port', async () => {
    expect(await refusals('libs/domain/src/voting/tally.ts', "import { LiveModule } from '@majlis/live';\n")).toEqual([
      expect.stringContaining('LiveUpdates port'),
    ]);
  });

  it('refuses Nest, a database or the clock in libs/workflow', async () => {
    expect(
      await refusals(
        'libs/workflow/src/deadline.ts',
        "import { Injectable } from '@nestjs/common';\nexport const now = (): number => Date.now();\n",
      ),
    ).toEqual([expect.stringContaining('libs/workflow is pure'), expect.stringContaining('reads no clock')]);
  });

  it('refuses forwardRef, the way around a loop between modules', async () => {
    expect(
      await refusals(
        'libs/domain/src/voting/voting.module.ts',
        "import { forwardRef, Module } from '@nestjs/common';\n",
      ),
    ).toEqual([expect.stringContaining('No forwardRef')]);
  });

  it('refuses an application importing another', async () => {
    expect(
      await refusals('apps/worker/src/report.ts', "import { AppModule } from '../../api/src/app.module';\n"),
    ).toEqual([expect.stringContaining('never imports another')]);
  });

  it('refuses a service that imports TypeORM, its Nest module or a way to a connection: queries live in repositories', async () => {
    const sql = 'A service runs no SQL and holds no EntityManager';
    expect(
      await refusals('libs/domain/src/voting/ballot.service.ts', "import { EntityManager } from 'typeorm';\n"),
    ).toEqual([expect.stringContaining(sql)]);
    expect(
      await refusals('libs/domain/src/voting/ballot.service.ts', "import type { EntityManager } from 'typeorm';\n"),
    ).toEqual([expect.stringContaining(sql)]);
    expect(
      await refusals(
        'libs/domain/src/meetings/agenda.service.ts',
        "import { InjectDataSource } from '@nestjs/typeorm';\nimport { DataSource } from 'typeorm';\n",
      ),
    ).toEqual([expect.stringContaining(sql), expect.stringContaining(sql)]);
    expect(await refusals('libs/jobs/src/heartbeat.service.ts', "import { Brackets } from 'typeorm';\n")).toEqual([
      expect.stringContaining(sql),
    ]);
    expect(
      await refusals('libs/domain/src/voting/ballot.service.ts', "import { managerOf } from '@majlis/persistence';\n"),
    ).toEqual([expect.stringContaining("never reaches a transaction's connection")]);
    // The feature's own boundaries still hold in a service.
    expect(
      await refusals('libs/domain/src/voting/ballot.service.ts', "import { MailSender } from '../notifications';\n"),
    ).toEqual([expect.stringContaining('A feature imports only the features below it')]);
  });

  it('passes the imports the layers allow', async () => {
    const allowed: Array<[string, string]> = [
      ['libs/domain/src/voting/voting.module.ts', "import { Module } from '@nestjs/common';\n"],
      [
        'libs/domain/src/voting/tally.ts',
        "import { Person } from '../identity';\nimport { Ballot } from './ballot.entity';\n",
      ],
      [
        'libs/domain/src/voting/tally.ts',
        "import { requireRow } from '@majlis/persistence';\nimport { LiveUpdates } from '@majlis/live';\n",
      ],
      ['libs/domain/src/index.ts', "export * from './voting';\n"],
      [
        'libs/domain/src/voting/ballot.service.ts',
        "import { UnitOfWork, type Transaction } from '@majlis/persistence';\nimport { BallotRepository } from './ballot.repository';\n",
      ],
      ['libs/domain/src/voting/ballot.repository.ts', "import { Brackets, In } from 'typeorm';\n"],
      ['libs/persistence/src/rows.ts', "import { notFound } from '@majlis/language';\n"],
      ['libs/jobs/src/ballot.processor.ts', "import { BallotDeadlines } from '@majlis/domain';\n"],
      ['apps/api/src/voting/ballot.resolver.ts', "import { BallotService } from '@majlis/domain';\n"],
      ['apps/worker/src/worker.module.ts', "import { JobProcessorsModule } from '@majlis/jobs';\n"],
      ['test/schema.spec.ts', "import { DOMAIN_ENTITIES } from '@majlis/domain';\n"],
    ];
    for (const [filePath, code] of allowed)
      expect({ filePath, refusals: await refusals(filePath, code) }).toEqual({ filePath, refusals: [] });
  });
});
