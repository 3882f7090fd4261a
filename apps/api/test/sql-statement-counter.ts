import type { DataSource, Logger, QueryRunner } from 'typeorm';

/** One SQL statement TypeORM sent to PostgreSQL, with its parameters. */
export interface RecordedStatement {
  sql: string;
  parameters: unknown[];
}

export interface StatementCount {
  count: number;
  statements: RecordedStatement[];
}

/**
 * Counts the SQL statements a TypeORM DataSource runs between `start()` and `stop()`.
 *
 * PostgresQueryRunner.query() (and stream()) call `dataSource.logger.logQuery()` for every statement
 * whatever the `logging` option says (the logger itself decides whether to print), and so does
 * PostgresDriver for the statements it runs while connecting. So a logger wrapped around the running
 * DataSource's own logger sees every statement (transactions' BEGIN/COMMIT included), and it passes
 * every call on to that logger unchanged.
 *
 * It counts everything the DataSource runs in that window, from any request or background job: measure
 * with the API's workers off (`startApi({ workersInApi: false })`) and one request at a time.
 */
export class SqlStatementCounter {
  private readonly original: Logger;
  private recorded: RecordedStatement[] | null = null;

  private constructor(private readonly dataSource: DataSource) {
    this.original = dataSource.logger;
    const inner = this.original;
    const wrapped: Logger = {
      logQuery: (query: string, parameters?: unknown[], queryRunner?: QueryRunner): unknown => {
        this.recorded?.push({ sql: query, parameters: parameters ?? [] });
        return inner.logQuery(query, parameters, queryRunner);
      },
      logQueryError: (error, query, parameters, queryRunner) =>
        inner.logQueryError(error, query, parameters, queryRunner),
      logQuerySlow: (time, query, parameters, queryRunner) => inner.logQuerySlow(time, query, parameters, queryRunner),
      logSchemaBuild: (message, queryRunner) => inner.logSchemaBuild(message, queryRunner),
      logMigration: (message, queryRunner) => inner.logMigration(message, queryRunner),
      log: (level, message, queryRunner) => inner.log(level, message, queryRunner),
    };
    dataSource.logger = wrapped;
  }

  /** Wraps the DataSource's logger; `detach()` puts the original back. */
  static attach(dataSource: DataSource): SqlStatementCounter {
    return new SqlStatementCounter(dataSource);
  }

  start(): void {
    this.recorded = [];
  }

  stop(): StatementCount {
    const statements = this.recorded ?? [];
    this.recorded = null;
    return { count: statements.length, statements };
  }

  /** Counts the statements `work` runs. */
  async count<T>(work: () => Promise<T>): Promise<{ result: T } & StatementCount> {
    this.start();
    try {
      const result = await work();
      return { result, ...this.stop() };
    } catch (error) {
      this.stop();
      throw error;
    }
  }

  detach(): void {
    this.recorded = null;
    this.dataSource.logger = this.original;
  }
}

/**
 * A statement's shape: its SQL with runs of placeholders folded into one, because TypeORM writes `In([...])`
 * as `IN ($1, $2, …)` and the same batched read would otherwise differ in text with the number of ids.
 */
export function statementShape(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\$\d+(?:\s*,\s*\$\d+)*/g, '$…')
    .trim();
}

/** The statements grouped by shape, most repeated first: an N+1 shows as one shape many times. */
export function statementSummary(statements: readonly RecordedStatement[]): Array<{ sql: string; times: number }> {
  const times = new Map<string, number>();
  for (const statement of statements) {
    const shape = statementShape(statement.sql);
    times.set(shape, (times.get(shape) ?? 0) + 1);
  }
  return [...times.entries()]
    .map(([sql, n]) => ({ sql, times: n }))
    .sort((a, b) => b.times - a.times || a.sql.localeCompare(b.sql));
}

/** The table a statement reads first (its first FROM), for short listings. */
export function statementTable(sql: string): string {
  return /\bFROM\s+"?([\w.]+)"?/i.exec(sql)?.[1] ?? sql.trim().split(/\s+/)[0];
}

/** A readable list of the statements by shape, one line each (SQL cut to `width`), with how often each ran. */
export function describeStatements(statements: readonly RecordedStatement[], width = 200): string {
  return statementSummary(statements)
    .map(({ sql, times }) => {
      const shown = sql.length > width ? `${sql.slice(0, width)}…` : sql;
      return `${String(times).padStart(4)}× ${statementTable(sql).padEnd(20)} ${shown}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// The meeting the statement-count test and scripts/bench-meeting-query.ts measure: N agenda items over
// sections, sub-items and sub-sub-items, each about a proposal of its own, built through the API's own
// mutations (many per request, as aliases) so that every row is what the services write.
// ---------------------------------------------------------------------------------------------------------

/** A GraphQL response's body. */
export interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** What building a meeting needs of the API: the harness of api-harness.ts, or the benchmark's own. */
export interface GraphqlClient {
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlAnswer<T>>;
  tokenFor(email: string): Promise<string>;
}

/**
 * The query measured, as the secretariat (who sees drafts): the meeting with its delegations, its agenda two
 * levels down with proposals, co-sponsors, revisions with their authors' cities and review threads, and
 * every item in reading order.
 */
export const MEETING_QUERY = `query($id: ID!) {
  meeting(id: $id) {
    title { text }
    hostCity { name { text } }
    delegations { memberCity { name { text } } members { name { text } person { name { text } } } }
    agenda {
      number
      title { text }
      children {
        number
        title { text }
        presenterDelegation { memberCity { name { text } } }
        proposal {
          title { text }
          state
          ownerCity { name { text } }
          cosponsors { name { text } }
          revisions { number title { text } author { name { text } memberCity { name { text } } } }
          reviewComments { body { text } author { name { text } } }
        }
        children { number title { text } proposal { title { text } revisions { number } } }
      }
    }
    agendaItems { number title { text } }
  }
}`;

/**
 * The same relations read through the flat `agendaItems` list, where every item, even a lone one, walks
 * every relation: its statements must be the same for 1, 10 and 100 items.
 */
export const FLAT_MEETING_QUERY = `query($id: ID!) {
  meeting(id: $id) {
    title { text }
    hostCity { name { text } }
    delegations { memberCity { name { text } } members { name { text } person { name { text } } } }
    agendaItems {
      number
      title { text }
      presenterDelegation { memberCity { name { text } } }
      proposal {
        title { text }
        state
        ownerCity { name { text } }
        cosponsors { name { text } }
        revisions { number title { text } author { name { text } memberCity { name { text } } } }
        reviewComments { body { text } author { name { text } } }
      }
    }
  }
}`;

export const SECRETARIAT = 'secretariat@demo.majlis';
export const DELEGATE = 'delegate.dammam@demo.majlis';

type Kind = 'SECTION' | 'PRESENTATION' | 'DISCUSSION' | 'DECISION' | 'PROGRAMME';

export interface PlannedItem {
  /** 0-based, in the order the items are read (1, 1.1, 1.1.1, 1.2…). */
  index: number;
  depth: 0 | 1 | 2;
  parent: number | null;
  kind: Kind;
}

/**
 * Where each of `size` items goes, ten at a time: a section holding sub-items, some holding sub-items of
 * their own (two levels down), then an item standing alone at the top. Siblings take positions 0, 1, 2…
 * in this order, because each is added at the end of its parent.
 */
export function agendaLayout(size: number): PlannedItem[] {
  const depths: Array<0 | 1 | 2> = [0, 1, 1, 2, 1, 2, 2, 1, 2, 0];
  const items: PlannedItem[] = [];
  let section = -1;
  let subItem = -1;
  for (let index = 0; index < size; index++) {
    const slot = index % 10;
    const depth = depths[slot];
    if (depth === 0) {
      items.push({ index, depth, parent: null, kind: slot === 0 ? 'SECTION' : 'DECISION' });
      if (slot === 0) section = index;
    } else if (depth === 1) {
      items.push({
        index,
        depth,
        parent: section,
        kind: (['PRESENTATION', 'DISCUSSION', 'DECISION'] as const)[index % 3],
      });
      subItem = index;
    } else {
      items.push({ index, depth, parent: subItem, kind: index % 2 === 0 ? 'DECISION' : 'PROGRAMME' });
    }
  }
  return items;
}

export interface BuiltMeeting {
  meetingId: string;
  items: number;
  proposals: number;
  revisions: number;
  reviewComments: number;
  delegationMembers: number;
}

export interface BuildOptions {
  title?: string;
  /** Mutations per GraphQL request. */
  batch?: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

interface MutationCall {
  field: string;
  args: Record<string, { type: string; value: unknown }>;
}

/** Runs the mutations in order, `batch` to a request (as aliases, which GraphQL runs one after another); their ids. */
async function mutate(
  api: GraphqlClient,
  token: string,
  calls: readonly MutationCall[],
  batch: number,
  progress?: (done: number) => void,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < calls.length; start += batch) {
    const slice = calls.slice(start, start + batch);
    const declarations: string[] = [];
    const variables: Record<string, unknown> = {};
    const fields = slice.map((call, i) => {
      const args = Object.entries(call.args).map(([name, { type, value }]) => {
        const variable = `${name}${i}`;
        declarations.push(`$${variable}: ${type}`);
        variables[variable] = value;
        return `${name}: $${variable}`;
      });
      return `m${i}: ${call.field}(${args.join(', ')}) { id }`;
    });
    const result = await api.graphql<Record<string, { id: string }>>(
      `mutation(${declarations.join(', ')}) { ${fields.join(' ')} }`,
      variables,
      { authorization: `Bearer ${token}` },
    );
    if (result.errors !== undefined || result.data == null)
      throw new Error(`${slice[0].field} failed: ${JSON.stringify(result.errors)}`);
    slice.forEach((_, i) => ids.push(result.data![`m${i}`].id));
    progress?.(ids.length);
  }
  return ids;
}

const text = (en: string, ar: string, authoritative: 'en' | 'ar' = 'en') => ({ en, ar, authoritative });

/**
 * A new meeting in Houston with delegations of four cities and `size` agenda items laid out by
 * `agendaLayout`, each about a proposal of its own that Dammam's delegate drafted for the meeting:
 * every third proposal has a second revision, co-sponsors vary, every fourth has a secretariat review
 * comment (every eighth also Dammam's answer), and half the sub-items are presented by a delegation.
 */
export async function buildMeetingWithAgenda(
  api: GraphqlClient,
  size: number,
  options: BuildOptions = {},
): Promise<BuiltMeeting> {
  // At most MAJLIS_QUERY_MAX_ALIASES (30 by default) mutations to a request.
  const batch = options.batch ?? 25;
  const report = options.onProgress ?? (() => {});
  const secretariat = await api.tokenFor(SECRETARIAT);
  const delegate = await api.tokenFor(DELEGATE);
  const asSecretariat = { authorization: `Bearer ${secretariat}` };

  const lookup = await api.graphql<{
    memberCities: Array<{ id: string; code: string }>;
  }>('{ memberCities { id code } }', {}, asSecretariat);
  const asDelegate = { authorization: `Bearer ${delegate}` };
  const delegatePerson = await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, asDelegate);
  if (lookup.data == null || delegatePerson.data == null)
    throw new Error(`cannot read cities or the delegate: ${JSON.stringify(lookup.errors ?? delegatePerson.errors)}`);
  const city = new Map(lookup.data.memberCities.map((c) => [c.code, c.id]));
  const cityId = (code: string): string => {
    const id = city.get(code);
    if (id === undefined) throw new Error(`no demo city ${code}`);
    return id;
  };

  const created = await api.graphql<{ createMeeting: { id: string } }>(
    `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
    {
      input: {
        kind: 'BOARD',
        title: text(options.title ?? `Board meeting with ${size} agenda items`, `اجتماع مجلس الإدارة (${size} بنداً)`),
        hostCityId: cityId('houston'),
        venue: text('Houston City Hall', 'مبنى بلدية مدينة هيوستن'),
        startsAt: '2027-03-02T09:00:00-06:00',
        endsAt: '2027-03-02T17:00:00-06:00',
      },
    },
    asSecretariat,
  );
  if (created.data == null) throw new Error(`createMeeting failed: ${JSON.stringify(created.errors)}`);
  const meetingId = created.data.createMeeting.id;

  // Delegations of four cities; Dammam's head has an account, the others never sign in.
  const members: Array<{ code: string; name: string; isHead: boolean; personId?: string }> = [
    { code: 'dammam', name: 'Eng. Jamal bin Nasser Al-Mulhim', isHead: true, personId: delegatePerson.data.me.id },
    { code: 'dammam', name: 'Eng. Ziad Al-Suwaidan', isHead: false },
    { code: 'aberdeen', name: 'Aberdeen delegate', isHead: true },
    { code: 'aberdeen', name: 'Aberdeen adviser', isHead: false },
    { code: 'calgary', name: 'Calgary delegate', isHead: true },
    { code: 'stavanger', name: 'Stavanger delegate', isHead: true },
  ];
  await mutate(
    api,
    secretariat,
    members.map((member) => ({
      field: 'addDelegationMember',
      args: {
        input: {
          type: 'AddDelegationMemberInput!',
          value: {
            meetingId,
            memberCityId: cityId(member.code),
            name: text(member.name, `عضو وفد ${member.code}`),
            position: text('Member of the delegation', 'عضو الوفد'),
            isHead: member.isHead,
            personId: member.personId ?? null,
          },
        },
      },
    })),
    batch,
  );
  const delegationsRead = await api.graphql<{ meeting: { delegations: Array<{ id: string }> } }>(
    'query($id: ID!) { meeting(id: $id) { delegations { id } } }',
    { id: meetingId },
    asSecretariat,
  );
  const delegationIds = delegationsRead.data?.meeting.delegations.map((d) => d.id) ?? [];

  // One proposal per item, drafted by Dammam for this meeting.
  const categories = ['STRATEGIC_PLAN', 'PROGRAMME', 'GOVERNANCE', 'OTHER'];
  // The first proposal has co-sponsors, so that even a one-item agenda reads every relation.
  const cosponsorSets = [[cityId('aberdeen')], [cityId('houston'), cityId('perth')], []];
  const proposalIds = await mutate(
    api,
    delegate,
    Array.from({ length: size }, (_, i) => ({
      field: 'createProposal',
      args: {
        input: {
          type: 'CreateProposalInput!',
          value: {
            meetingId,
            category: categories[i % categories.length],
            cosponsorCityIds: cosponsorSets[i % cosponsorSets.length],
            title: text(
              `Proposal ${i + 1}: energy transition programme`,
              `المقترح ${i + 1}: برنامج التحول في الطاقة`,
              'ar',
            ),
            summary: text(
              `What proposal ${i + 1} asks of the partnership.`,
              `ما يطلبه المقترح ${i + 1} من التجمع.`,
              'ar',
            ),
            body: text(`The full text of proposal ${i + 1}.`, `النص الكامل للمقترح ${i + 1}.`, 'ar'),
          },
        },
      },
    })),
    batch,
    (done) => report('proposals', done, size),
  );

  // Every third proposal, from the second on (so that the first sub-items have one), gets a second revision.
  const revised = proposalIds.map((id, index) => ({ id, index })).filter(({ index }) => index % 3 === 1);
  await mutate(
    api,
    delegate,
    revised.map(({ id, index }) => ({
      field: 'saveProposalDraft',
      args: {
        id: { type: 'ID!', value: id },
        input: {
          type: 'SaveProposalDraftInput!',
          value: { title: text(`Proposal ${index + 1}, revised`, `المقترح ${index + 1} بعد المراجعة`, 'ar') },
        },
      },
    })),
    batch,
    (done) => report('second revisions', done, revised.length),
  );

  const reviewed = proposalIds.filter((_, i) => i % 4 === 0);
  const commentIds = await mutate(
    api,
    secretariat,
    reviewed.map((proposalId) => ({
      field: 'addReviewComment',
      args: {
        input: {
          type: 'AddReviewCommentInput!',
          value: { proposalId, body: text('Please add a budget.', 'يرجى إضافة الميزانية.') },
        },
      },
    })),
    batch,
    (done) => report('review comments', done, reviewed.length),
  );
  const answered = reviewed
    .map((proposalId, i) => ({ proposalId, parentId: commentIds[i] }))
    .filter((_, i) => i % 2 === 0);
  await mutate(
    api,
    delegate,
    answered.map(({ proposalId, parentId }) => ({
      field: 'addReviewComment',
      args: {
        input: {
          type: 'AddReviewCommentInput!',
          value: { proposalId, parentId, body: text('The budget is attached.', 'الميزانية مرفقة.', 'ar') },
        },
      },
    })),
    batch,
  );

  // The agenda, a level at a time (a parent must exist before its children); each item goes at the end.
  const layout = agendaLayout(size);
  const itemIds = new Map<number, string>();
  let added = 0;
  for (const depth of [0, 1, 2] as const) {
    const level = layout.filter((item) => item.depth === depth);
    const ids = await mutate(
      api,
      secretariat,
      level.map((item) => {
        // Half the sub-items, and the very first item, are presented by a delegation.
        const presented = (depth === 1 || item.index === 0) && item.index % 2 === 0 && delegationIds.length > 0;
        return {
          field: 'addAgendaItem',
          args: {
            input: {
              type: 'AddAgendaItemInput!',
              value: {
                meetingId,
                parentId: item.parent === null ? null : itemIds.get(item.parent),
                kind: item.kind,
                title: text(`Item ${item.index + 1}`, `البند ${item.index + 1}`),
                plannedMinutes: 15 + (item.index % 4) * 15,
                proposalId: proposalIds[item.index],
                ...(presented
                  ? { presenterDelegationId: delegationIds[item.index % delegationIds.length] }
                  : { presenter: 'SECRETARIAT' }),
              },
            },
          },
        };
      }),
      batch,
      (done) => report('agenda items', added + done, size),
    );
    level.forEach((item, i) => itemIds.set(item.index, ids[i]));
    added += level.length;
  }

  return {
    meetingId,
    items: size,
    proposals: size,
    revisions: size + revised.length,
    reviewComments: reviewed.length + answered.length,
    delegationMembers: members.length,
  };
}
