import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  specifiedRules,
  validate,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { Locale, QueryLimits } from '@majlis/config';
import { message } from '@majlis/language';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

export type QueryLimitName = keyof QueryLimits;

/** A document over one of the limits: carries the limit's name and value so the message can be given in any language. */
export function queryTooComplex(limit: QueryLimitName, max: number, locale: Locale = 'en'): GraphQLError {
  return new GraphQLError(queryTooComplexMessage(limit, max, locale), {
    extensions: { code: QUERY_TOO_COMPLEX, limit, max },
  });
}

/** The refusal in the reader's language: the limit named with its number, e.g. «الحد الأقصى ١٠ مستويات من التداخل». */
export function queryTooComplexMessage(limit: QueryLimitName, max: number, locale: Locale): string {
  return message(locale, 'security:queryTooComplex', {
    limit: message(locale, `security:limits.${limit}`, { count: max }),
  });
}

/** What a list costs when its size is not asked for: a page of majlis's default size (20), or an unpaged list. */
export const UNPAGED_LIST_SIZE = 10;

/**
 * The cost of a field: itself plus what it holds, times the number of items it may return — its `first`
 * argument when it has one (20 by default), else a nominal size for a list — so the cost grows with `first`.
 * A connection's `edges` are already counted by the connection's `first`.
 */
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const paged = field.args.some((arg) => arg.name === 'first');
  let items = 1;
  if (paged) items = typeof args.first === 'number' ? Math.max(args.first, 1) : 20;
  else if (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')) items = UNPAGED_LIST_SIZE;
  return 1 + childComplexity * items;
}

const rejectWith =
  (limit: QueryLimitName, max: number) =>
  (context: ValidationContext | null): void =>
    context?.reportError(queryTooComplex(limit, max));

/**
 * At most `max` times the same list field (Type.field) on any one path of the operation, fragments followed:
 * each turn of a cycle multiplies the rows a query reads by the size of the list, which depth alone does not
 * bound. Reported once per operation.
 */
export function maxRepeatsRule(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const schema = context.getSchema();
    const walk = (
      selections: readonly SelectionNode[],
      parent: GraphQLNamedType | undefined,
      path: Map<string, number>,
      fragments: Set<string>,
    ): boolean => {
      for (const selection of selections) {
        if (selection.kind === Kind.FIELD) {
          const field =
            isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
          if (field === undefined || selection.selectionSet === undefined) continue;
          const key = `${parent!.name}.${field.name}`;
          const list = isListType(getNullableType(field.type));
          const seen = (path.get(key) ?? 0) + (list ? 1 : 0);
          if (seen > max) return true;
          const next = new Map(path).set(key, seen);
          if (walk(selection.selectionSet.selections, getNamedType(field.type), next, fragments)) return true;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type =
            selection.typeCondition === undefined ? parent : schema.getType(selection.typeCondition.name.value);
          if (walk(selection.selectionSet.selections, type ?? parent, path, fragments)) return true;
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          if (fragment == null || fragments.has(name)) continue;
          const type = schema.getType(fragment.typeCondition.name.value) ?? parent;
          if (walk(fragment.selectionSet.selections, type, path, new Set(fragments).add(name))) return true;
        }
      }
      return false;
    };
    return {
      OperationDefinition(operation) {
        const root = schema.getRootType(operation.operation);
        if (walk(operation.selectionSet.selections, root ?? undefined, new Map(), new Set()))
          context.reportError(queryTooComplex('repeats', max));
      },
    };
  };
}

/** The structural limits as validation rules (GraphQL Armor's, and the repeats rule), run with graphql's own rules. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const rejected = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    maxRepeatsRule(limits.repeats),
    // Depth counts fields, not fragment spreads: Armor's default counts each spread as two levels, so a client that
    // names its parts in fragments (the web client's board desk) hit the limit at a real depth of ten. A spread is
    // still followed, so nesting hidden in fragments is refused like nesting written out.
    maxDepthRule({
      n: limits.depth,
      flattenFragments: true,
      ...rejected,
      onReject: [rejectWith('depth', limits.depth)],
    }),
    maxAliasesRule({ n: limits.aliases, ...rejected, onReject: [rejectWith('aliases', limits.aliases)] }),
    maxDirectivesRule({ n: limits.directives, ...rejected, onReject: [rejectWith('directives', limits.directives)] }),
  ];
}

/** The cost of one operation with its variables (graphql-query-complexity); a document that is already valid. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [fieldCost],
  });
}

/** The cost limit as an error, or nothing when the operation is within it. */
export function costRefusal(
  limits: QueryLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  locale: Locale,
): GraphQLError | undefined {
  let cost: number;
  try {
    cost = queryCost(schema, document, variables, operationName);
  } catch {
    // Variables that do not fit the operation: execution refuses them with its own message.
    return undefined;
  }
  return cost > limits.cost ? queryTooComplex('cost', limits.cost, locale) : undefined;
}

/**
 * Everything a document must pass before it runs: parsed with at most `tokens` tokens (which also bounds
 * nesting, so a very deep document cannot overflow the parser's stack), valid, within depth, aliases and
 * directives, and within the cost limit with its variables. Used where Apollo's pipeline does not run
 * (graphql-ws) and by the test that runs every document of the repository.
 */
export function checkDocument(
  schema: GraphQLSchema,
  limits: QueryLimits,
  source: string,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  locale: Locale,
  extraRules: readonly ValidationRule[] = [],
): { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: limits.tokens });
  } catch (error) {
    if (error instanceof GraphQLError && isTokenLimitError(error))
      return { errors: [queryTooComplex('tokens', limits.tokens, locale)] };
    return { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
  }
  const errors = validate(schema, document, [...specifiedRules, ...queryLimitRules(limits), ...extraRules]);
  if (errors.length > 0) return { errors: errors.map((error) => localizedLimitError(error, locale)) };
  const refusal = costRefusal(limits, schema, document, variables, operationName, locale);
  return refusal === undefined ? { document } : { errors: [refusal] };
}

/** graphql-js's message when `maxTokens` stops the parser. */
export const isTokenLimitError = (error: { message: string }): boolean =>
  /Document contains more tha[nt] \d+ tokens/.test(error.message);

/** A limit's error again in the request's language; any other error unchanged. */
export function localizedLimitError(error: GraphQLError, locale: Locale): GraphQLError {
  const { code, limit, max } = error.extensions;
  if (code !== QUERY_TOO_COMPLEX || typeof limit !== 'string' || typeof max !== 'number') return error;
  return queryTooComplex(limit as QueryLimitName, max, locale);
}
