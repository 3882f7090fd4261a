import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { AuditService } from '@majlis/domain';
import { ApiHarness, codeOf, ok, startApi } from './api-harness';

/** How many generated mutations one run sends; CI keeps the default (at least 10,000). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Replays a failing run: fast-check prints the seed of a counterexample. */
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const ROLES = [
  'admin@demo.majlis',
  'secretariat@demo.majlis',
  'delegate.dammam@demo.majlis',
  'delegate.houston@demo.majlis',
  'board.houston@demo.majlis',
  'observer.dammam@demo.majlis',
];

/** Mutations left out: logout would revoke the very tokens the run signs in with. */
const LEFT_OUT = new Set(['logout']);

/** Text that has broken servers before: control characters PostgreSQL refuses, lone surrogates, huge input. */
const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e',
  '%s%n',
  "'; DROP TABLE person; --",
  '<script>alert(1)</script>',
  '=1+1',
  'x'.repeat(10_001),
  'ت'.repeat(100_001),
  '2027-02-30',
  '9999-12-31T23:59:59Z',
  '-infinity',
  'NaN',
];

/**
 * Property-based fuzzing of every mutation: fast-check builds arguments from the schema's own input types
 * (with the ids of real records mixed in, so that inputs reach the rules and not only the parsers) and
 * sends them as each role and anonymously. Whatever comes in, the answer is never a 5xx and never
 * INTERNAL_SERVER_ERROR, and afterwards the audit chain is still whole.
 */
describe('generated input to every mutation', () => {
  let api: ApiHarness;
  const tokens: Array<string | undefined> = [undefined];
  const ids: string[] = [];

  beforeAll(async () => {
    api = await startApi({ workersInApi: false });
    for (const email of ROLES) tokens.push(await api.tokenFor(email));
    const data = await ok<{
      memberCities: Array<{ id: string }>;
      meetings: { edges: Array<{ node: { id: string; agendaItems: Array<{ id: string }> } }> };
      proposals: { edges: Array<{ node: { id: string; ballot: { id: string } | null } }> };
      implementationPlans: Array<{ id: string; allItems: Array<{ id: string }> }>;
      me: { id: string };
    }>(
      api.caller(tokens[2] ?? null),
      `{ memberCities { id }
         meetings(first: 10) { edges { node { id agendaItems { id } } } }
         proposals(first: 20) { edges { node { id ballot { id } } } }
         implementationPlans { id allItems { id } }
         me { id } }`,
    );
    ids.push(
      data.me.id,
      ...data.memberCities.map((c) => c.id),
      ...data.meetings.edges.flatMap((e) => [e.node.id, ...e.node.agendaItems.map((i) => i.id)]),
      ...data.proposals.edges.flatMap((e) => [e.node.id, ...(e.node.ballot === null ? [] : [e.node.ballot.id])]),
      ...data.implementationPlans.flatMap((p) => [p.id, ...p.allItems.map((i) => i.id)]),
    );
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  const text = (): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    );

  /** An arbitrary value of a GraphQL input type; nullable ones are sometimes null, sometimes left out. */
  function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return inner(type.ofType as GraphQLInputType, depth);
    return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: inner(type, depth) });
  }

  function inner(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
    if (isListType(type)) return fc.array(valueOf(type.ofType as GraphQLInputType, depth + 1), { maxLength: 4 });
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
    if (isInputObjectType(type)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(type.getFields());
      return fc.record(Object.fromEntries(fields.map((field) => [field.name, valueOf(field.type, depth + 1)])), {
        requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name),
      });
    }
    switch (getNamedType(type).name) {
      case 'ID':
        return fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...ids) },
          { weight: 2, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: text() },
        );
      case 'Int':
        return fc.oneof(
          fc.integer({ min: -3, max: 120 }),
          fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648),
          fc.integer(),
        );
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 0.5, 1, -1));
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return fc.oneof(
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString()),
          text(),
        );
      default:
        return text();
    }
  }

  it(`never answers a 5xx to ${RUNS.toLocaleString('en')} generated mutations, and the audit chain stays whole`, async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((field) => !LEFT_OUT.has(field.name));

    const call = (field: GraphQLField<unknown, unknown>) => {
      const args = field.args as readonly GraphQLArgument[];
      const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
      const declarations = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const document =
        args.length === 0
          ? `mutation { ${field.name}${selection} }`
          : `mutation(${declarations}) { ${field.name}(${passed})${selection} }`;
      return fc.record({
        document: fc.constant(document),
        name: fc.constant(field.name),
        variables: fc.record(Object.fromEntries(args.map((arg) => [arg.name, valueOf(arg.type)]))),
        // Mostly those who may change things (the secretariat, Dammam's head of delegation), so that the input
        // reaches the rules behind the access checks; every role and nobody now and then.
        token: fc.oneof(
          { weight: 4, arbitrary: fc.constant(tokens[2]) },
          { weight: 3, arbitrary: fc.constant(tokens[3]) },
          { weight: 3, arbitrary: fc.constantFrom(...tokens) },
        ),
        language: fc.constantFrom('ar', 'en'),
      });
    };

    // What the generated calls came to, by code ('ok' when the mutation went through): printed, so that a
    // run that only ever reached the parsers shows it.
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(...mutations.map(call)), async ({ document, name, variables, token, language }) => {
        const answer = await api.caller(token ?? null, language)(document, variables);
        const code = answer.errors === undefined ? 'ok' : String(codeOf(answer));
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
        const internal = answer.errors?.find((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
        if (answer.status >= 500 || internal !== undefined)
          throw new Error(`${name} answered ${answer.status}: ${JSON.stringify(answer.errors)}`);
      }),
      { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );

    console.log(
      `generated mutations by outcome: ${[...outcomes.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')}`,
    );
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
    const chain = await api.app.get(AuditService).verify();
    expect(chain).toMatchObject({ ok: true });
  }, 3_600_000);
});
