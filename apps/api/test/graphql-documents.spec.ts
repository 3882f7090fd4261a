import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  buildSchema,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  specifiedRules,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import ts from 'typescript';
import { parseEnvironment } from '@majlis/config';
import { checkDocument, queryCost } from '../src/security/query-limits';

const ROOT = join(__dirname, '..', '..', '..');

/** Files that send hostile documents on purpose, to be refused. */
const HOSTILE = new Set(['apps/api/test/hostile-input.e2e.spec.ts', 'apps/api/test/graphql-documents.spec.ts']);

const files = (folder: string, pattern: RegExp): string[] => {
  const absolute = join(ROOT, folder);
  if (!existsSync(absolute)) return [];
  return (readdirSync(absolute, { recursive: true }) as string[])
    .filter((name) => pattern.test(name) && !name.includes('node_modules') && !name.split(/[\\/]/).includes('gql'))
    .map((name) => relative(ROOT, join(absolute, name)));
};

const looksLikeGraphql = (text: string): boolean =>
  /^\s*(query|mutation|subscription|fragment)\b|^\s*\{\s*\w/.test(text);

/**
 * Every string in a TypeScript file that reads as a GraphQL document (a `graphql(…)`/gql tag, a constant, an
 * inline query), template literals included when what they interpolate is a string constant of the same file.
 */
function documentsInTypescript(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.Latest, true);
  const constants = new Map<string, ts.Expression>();
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined)
      constants.set(node.name.text, node.initializer);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const textOf = (node: ts.Expression, depth = 0): string | undefined => {
    if (depth > 5) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isIdentifier(node)) {
      const value = constants.get(node.text);
      return value === undefined ? undefined : textOf(value, depth + 1);
    }
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) {
        const value = textOf(span.expression, depth + 1);
        if (value === undefined) return undefined;
        text += value + span.literal.text;
      }
      return text;
    }
    return undefined;
  };
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = textOf(node);
      if (text !== undefined && looksLikeGraphql(text)) found.push(text);
      if (ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The `"query":"…"` bodies of the README's curl examples. */
function documentsInReadme(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/"query"\s*:\s*"((?:[^"\\]|\\.)*)"/g)].map(
    (match) => JSON.parse(`"${match[1]}"`) as string,
  );
}

interface Found {
  where: string;
  text: string;
}

function repositoryDocuments(): Found[] {
  const typescript = [
    ...files('apps/api/test', /\.ts$/),
    ...files('apps/worker', /\.ts$/),
    ...files('libs/testing/src', /\.ts$/),
    ...files('scripts', /\.ts$/),
    ...files('apps/web/src', /\.(ts|tsx)$/),
    ...files('apps/web/e2e', /\.(ts|tsx)$/),
  ].filter((path) => !HOSTILE.has(path.replace(/\\/g, '/')));
  return [
    ...documentsInReadme().map((text) => ({ where: 'README.md', text })),
    ...typescript.flatMap((path) => documentsInTypescript(path).map((text) => ({ where: path, text }))),
    ...files('apps/web/src', /\.graphql$/).map((path) => ({
      where: path,
      text: readFileSync(join(ROOT, path), 'utf8'),
    })),
  ];
}

/** Fragments defined anywhere among the documents, for documents that use them by name (the web client's codegen). */
function fragmentsOf(documents: readonly Found[]): Map<string, string> {
  const fragments = new Map<string, string>();
  for (const { text } of documents) {
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch {
      continue;
    }
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION && definition.loc !== undefined)
        fragments.set(definition.name.value, text.slice(definition.loc.start, definition.loc.end));
  }
  return fragments;
}

/** The document with the fragments it spreads but does not define, if it is valid against the schema; else undefined. */
function validDocument(schema: GraphQLSchema, text: string, fragments: Map<string, string>): string | undefined {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return undefined;
  }
  const defined = new Set(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])),
  );
  const spread = [...text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)].map((m) => m[1]).filter((name) => name !== 'on');
  let full = text;
  const added = new Set<string>();
  const queue = spread.filter((name) => !defined.has(name));
  while (queue.length > 0) {
    const name = queue.shift()!;
    const fragment = fragments.get(name);
    if (fragment === undefined || added.has(name)) continue;
    added.add(name);
    full += `\n${fragment}`;
    for (const m of fragment.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) if (!defined.has(m[1])) queue.push(m[1]);
  }
  try {
    return validate(schema, parse(full), specifiedRules).length === 0 ? full : undefined;
  } catch {
    return undefined;
  }
}

/** A value of an input type with only what it requires, so that a document's cost can be computed without its real variables. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sampleValue(field.type)]),
    );
  return { Int: 1, Float: 1, Boolean: true }[type.name] ?? 'x';
}

/** Required variables of each operation filled in with sample values; `first` and other optional ones left out (their defaults count). */
function sampleVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION)
      for (const variable of definition.variableDefinitions ?? []) {
        const type = typeFromAST(schema, variable.type) as GraphQLInputType | undefined;
        if (type !== undefined && isNonNullType(type) && variable.defaultValue === undefined)
          variables[variable.variable.name.value] = sampleValue(type);
      }
  return variables;
}

/**
 * Every GraphQL document the repository sends — the README's examples, the tests', the benchmarks', and
 * the web client's (`apps/web/src`, once merged) — passes the query limits at their defaults, so the
 * limits refuse only what nobody legitimately sends. Documents that are not valid against the schema are
 * the tests' own negative cases and are not counted.
 */
describe('the query limits and every GraphQL document in the repository', () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));
  const limits = parseEnvironment({ NODE_ENV: 'production' }).queryLimits;
  const found = repositoryDocuments();
  const fragments = fragmentsOf(found);
  const documents = found.flatMap(({ where, text }) => {
    const full = validDocument(schema, text, fragments);
    return full === undefined ? [] : [{ where, text: full }];
  });

  it('finds the documents of the README, the tests and the benchmarks', () => {
    const where = new Set(documents.map((d) => d.where));
    expect(where).toContain('README.md');
    expect(where).toContain('apps/api/test/sql-statement-counter.ts');
    expect([...where].some((path) => path.startsWith('scripts/'))).toBe(true);
    expect(documents.length).toBeGreaterThan(100);
  });

  it('passes every one of them', () => {
    const refused = documents.flatMap(({ where, text }) => {
      const variables = sampleVariables(schema, parse(text));
      const result = checkDocument(schema, limits, text, variables, undefined, 'en');
      if (result.errors === undefined) return [];
      let cost = NaN;
      try {
        cost = queryCost(schema, parse(text), variables, undefined);
      } catch {
        // A document with several operations has no single cost without its operation's name.
      }
      return [{ where, cost, errors: result.errors.map((e) => e.message), text: text.slice(0, 300) }];
    });
    expect(refused).toEqual([]);
  });
});
