import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { createClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { ApiHarness, Caller, codeOf, GraphqlResponse, ok, startApi } from './api-harness';

/** Where a value goes inside a field's arguments: argument name, then input fields or list positions. */
type Step = string | number;

const pathText = (path: Step[]): string =>
  path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');

/**
 * A valid-shaped value of a type, filling only what is required; `withText` fills optional text fields too,
 * so that bilingual texts (all of whose languages are optional) pass their checks and a value put elsewhere
 * reaches the rules after them.
 */
function sample(type: GraphQLInputType, depth = 0, withText = false): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth, withText);
  if (isListType(type)) return [sample(type.ofType as GraphQLInputType, depth, withText)];
  if (isEnumType(type)) return type.getValues()[0].value as unknown;
  if (isInputObjectType(type)) {
    const object: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const text = withText && getNamedType(field.type).name === 'String';
      if ((isNonNullType(field.type) || text) && depth < 5)
        object[field.name] = sample(field.type, depth + 1, withText);
    }
    return object;
  }
  switch (getNamedType(type).name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2026-03-07T09:00:00Z';
    case 'ID':
      return randomUUID();
    default:
      return 'x';
  }
}

/** Every path under a type that ends at a leaf of one of `leafNames`. */
function pathsTo(type: GraphQLInputType, leafNames: string[], prefix: Step[], seen: string[] = []): Step[][] {
  if (isNonNullType(type)) return pathsTo(type.ofType, leafNames, prefix, seen);
  if (isListType(type)) return pathsTo(type.ofType as GraphQLInputType, leafNames, [...prefix, 0], seen);
  if (isInputObjectType(type)) {
    if (seen.includes(type.name)) return [];
    return Object.values(type.getFields()).flatMap((field) =>
      pathsTo(field.type, leafNames, [...prefix, field.name], [...seen, type.name]),
    );
  }
  return isScalarType(type) && leafNames.includes(type.name) ? [prefix] : [];
}

/** A valid-shaped value of `type` with `bad` at `path` inside it. */
function valueWith(type: GraphQLInputType, path: Step[], bad: string, withText = false): unknown {
  if (path.length === 0) return bad;
  if (isNonNullType(type)) return valueWith(type.ofType, path, bad, withText);
  const [step, ...rest] = path;
  if (isListType(type)) return [valueWith(type.ofType as GraphQLInputType, rest, bad, withText)];
  if (!isInputObjectType(type)) throw new Error(`no field ${String(step)} in ${type.toString()}`);
  const fields = type.getFields();
  return {
    ...(sample(type, 0, withText) as object),
    [step]: valueWith(fields[step as string].type, rest, bad, withText),
  };
}

/** The field's required arguments as valid-shaped values, with `bad` put at `path`. */
function argumentsWith(
  field: GraphQLField<unknown, unknown>,
  path: Step[],
  bad: string,
  withText = false,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args) if (isNonNullType(arg.type)) args[arg.name] = sample(arg.type, 0, withText);
  const target = field.args.find((arg) => arg.name === path[0]);
  if (target === undefined) throw new Error(`no argument ${String(path[0])} on ${field.name}`);
  args[target.name] = valueWith(target.type, path.slice(1), bad, withText);
  return args;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: string[]): string {
  const variables = field.args
    .filter((arg) => args.includes(arg.name))
    .map((arg) => `$${arg.name}: ${arg.type.toString()}`)
    .join(', ');
  const passed = args.map((name) => `${name}: $${name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}(${passed})${selection} }`;
}

interface Case {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  path: Step[];
}

function casesOf(kind: 'query' | 'mutation', root: GraphQLObjectType | null | undefined, leaves: string[]): Case[] {
  return Object.values(root?.getFields() ?? {}).flatMap((field) =>
    field.args.flatMap((arg) => pathsTo(arg.type, leaves, [arg.name]).map((path) => ({ kind, field, path }))),
  );
}

const errorOf = (result: GraphqlResponse): { code: unknown; field: unknown; message: string | undefined } => ({
  code: codeOf(result),
  field: result.errors?.[0]?.extensions?.field,
  message: result.errors?.[0]?.message,
});

describe('one input rule for every argument', () => {
  let api: ApiHarness;
  let token: string;
  /** The secretariat, in their own language (no Accept-Language). */
  let asSecretariat: Caller;
  let cases: Case[];
  let dateCases: Case[];
  let rowCounts: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    api = await startApi();
    token = await api.tokenFor('secretariat@demo.majlis');
    asSecretariat = api.caller(token, null);
    const schema = api.app.get(GraphQLSchemaHost).schema;
    cases = [
      ...casesOf('query', schema.getQueryType(), ['String', 'ID']),
      ...casesOf('mutation', schema.getMutationType(), ['String', 'ID']),
    ];
    dateCases = [
      ...casesOf('query', schema.getQueryType(), ['DateTime']),
      ...casesOf('mutation', schema.getMutationType(), ['DateTime']),
    ];
    const dataSource = api.app.get<DataSource>(getDataSourceToken());
    // Tables a person's request writes to (the workers' own bookkeeping moves on its own).
    const tables = (
      await dataSource.query<Array<{ name: string }>>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
            AND table_name NOT IN ('migrations', 'worker_heartbeat', 'notification', 'notification_delivery')`,
      )
    ).map((row) => row.name);
    rowCounts = async () => {
      const counts: Record<string, number> = {};
      for (const table of tables)
        counts[table] = Number((await dataSource.query<[{ n: string }]>(`SELECT count(*) AS n FROM "${table}"`))[0].n);
      return counts;
    };
  });

  afterAll(async () => {
    await api?.close();
  });

  it('finds the string arguments in the schema, login, search and idempotency keys among them', () => {
    const names = cases.map((entry) => `${entry.field.name}:${pathText(entry.path)}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'login:email',
        'login:password',
        'castVote:idempotencyKey',
        'proposals:filter.search',
        'createProposal:input.title.ar',
        'reportProgress:note',
      ]),
    );
    expect(dateCases.map((entry) => `${entry.field.name}:${pathText(entry.path)}`)).toEqual(
      expect.arrayContaining([
        'createMeeting:input.startsAt',
        'createMeeting:input.endsAt',
        'openBallot:closesAt',
        'meetings:filter.startsAfter',
      ]),
    );
  });

  it.each([
    ['a NUL', 'before\u0000after', 'textControlCharacter'],
    ['a lone high surrogate', 'before\uD83Dafter', 'textLoneSurrogate'],
    ['a lone low surrogate', '\uDE00', 'textLoneSurrogate'],
  ])('refuses %s in every string argument with BAD_USER_INPUT naming it, changing nothing', async (_, bad) => {
    const before = await rowCounts();
    const refusals: Array<{ operation: string; code: unknown; field: unknown }> = [];
    for (const entry of cases) {
      const args = argumentsWith(entry.field, entry.path, bad);
      const result = await asSecretariat(operationFor(entry.kind, entry.field, Object.keys(args)), args);
      const { code, field } = errorOf(result);
      refusals.push({ operation: `${entry.field.name}:${pathText(entry.path)}`, code, field });
    }
    expect(
      refusals.filter((row) => row.code !== 'BAD_USER_INPUT' || row.field !== row.operation.split(':')[1]),
    ).toEqual([]);
    expect(refusals.length).toBeGreaterThan(50);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['2026-02-30T09:00:00Z'],
    ['March 7, 2026'],
    ['2026-03-07T09:00:00'],
    ['2026-03-07'],
    ['2026-13-01T09:00:00Z'],
  ])('refuses %s in every DateTime argument with BAD_USER_INPUT naming it, changing nothing', async (bad) => {
    const before = await rowCounts();
    for (const entry of dateCases) {
      const args = argumentsWith(entry.field, entry.path, bad);
      const result = await asSecretariat(operationFor(entry.kind, entry.field, Object.keys(args)), args);
      expect({ operation: entry.field.name, ...errorOf(result) }).toEqual({
        operation: entry.field.name,
        code: 'BAD_USER_INPUT',
        field: pathText(entry.path),
        message: expect.stringContaining('ISO 8601') as unknown,
      });
    }
    expect(await rowCounts()).toEqual(before);
  });

  // The fuzz once found `createProposal(input: { meetingId: "" })` stored as is: an empty id skipped the
  // existence check but still reached the INSERT. Every ID a mutation takes, empty or not a UUID, is refused.
  it.each([[''], ['not-a-uuid']])(
    "refuses %j in every ID argument of a mutation with a person's error, never an internal one, changing nothing",
    async (bad) => {
      const schema = api.app.get(GraphQLSchemaHost).schema;
      const idCases = casesOf('mutation', schema.getMutationType(), ['ID']);
      const asDelegate = await api.as('delegate.dammam', null);
      const before = await rowCounts();
      const answers: Array<{ operation: string; as: string; code: unknown }> = [];
      for (const entry of idCases)
        for (const [as, call] of [
          ['secretariat', asSecretariat],
          ['delegate', asDelegate],
        ] as const) {
          const args = argumentsWith(entry.field, entry.path, bad, true);
          const result = await call(operationFor(entry.kind, entry.field, Object.keys(args)), args);
          answers.push({ operation: `${entry.field.name}:${pathText(entry.path)}`, as, code: errorOf(result).code });
        }
      expect(answers.map((answer) => answer.operation)).toEqual(
        expect.arrayContaining(['createProposal:input.meetingId', 'addReviewComment:input.parentId']),
      );
      expect(answers.filter((answer) => answer.code === undefined || answer.code === 'INTERNAL_SERVER_ERROR')).toEqual(
        [],
      );
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('refuses a NUL in the login e-mail in the language of the request', async () => {
    const login =
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
    const variables = { email: 'secretariat@demo.majlis\u0000', password: 'x' };
    const ar = await api.caller(null, 'ar')(login, variables);
    expect(errorOf(ar)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'email',
      message: 'البريد الإلكتروني: يحتوي النص على محرف تحكّم (مثل المحرف الصفري) لا يمكن حفظه.',
    });
    const en = await api.caller(null, 'en')(login, variables);
    expect(en.errors?.[0]?.message).toBe(
      'E-mail address: the text contains a control character (such as NUL) that cannot be stored.',
    );
  });

  it('refuses a DateTime written inline in the query too, and reads an offset as written', async () => {
    const inline = await asSecretariat('{ meetings(filter: { startsAfter: "2026-02-30T09:00:00Z" }) { totalCount } }');
    expect(errorOf(inline)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.startsAfter' });
    const cities = await ok<{ memberCities: Array<{ id: string }> }>(asSecretariat, '{ memberCities { id } }');
    const created = await asSecretariat<{ createMeeting: { startsAt: string; endsAt: string } }>(
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { startsAt endsAt } }`,
      {
        input: {
          kind: 'BOARD',
          title: { en: 'Offsets' },
          hostCityId: cities.memberCities[0].id,
          startsAt: '2026-03-07T12:00:00+03:00',
          endsAt: '2026-03-07T10:30:00.5z',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createMeeting).toEqual({
      startsAt: '2026-03-07T09:00:00.000Z',
      endsAt: '2026-03-07T10:30:00.500Z',
    });
  });

  it('refuses a NUL in a subscription argument too', async () => {
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription($id: ID!) { proposalUpdated(id: $id) { state } }', variables: { id: 'a\u0000b' } },
        { next: resolve, error: resolve, complete: () => resolve('complete') },
      );
    });
    await client.dispose();
    expect(outcome).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'id' } }] });
  });

  it('refuses a due date that does not exist, in a filter too', async () => {
    const result = await asSecretariat('query($d: String) { actionItems(filter: { dueBefore: $d }) { totalCount } }', {
      d: '2026-02-30',
    });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueBefore' });
  });
});
