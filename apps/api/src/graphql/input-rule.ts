import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  GraphQLInputType,
  GraphQLScalarType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  print,
  type GraphQLArgument,
  type GraphQLFieldResolver,
} from 'graphql';
import { checkedString, DomainError, parseInstant } from '@majlis/language';
import { refusalReader, type GraphqlContext } from './graphql-context';

/**
 * `DateTime` as an input is read by the input rule below, not by the scalar: the scalar hands on what was
 * sent, so that a bad value is refused with the field's path and a message in the caller's language
 * (a scalar's own error names neither).
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'A point in time in ISO 8601 with an offset, such as 2026-03-07T09:00:00Z or 2026-03-07T12:00:00+03:00; answers are given in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: (value) => value,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : print(ast)),
});

/** Checks one input value of `type` at `path`; returns it with every DateTime turned into a Date. */
function checkedInput(type: GraphQLInputType, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return checkedInput(type.ofType, value, path);
  if (isListType(type)) {
    const itemType = type.ofType as GraphQLInputType;
    return Array.isArray(value)
      ? value.map((item, index) => checkedInput(itemType, item, `${path}[${index}]`))
      : checkedInput(itemType, value, path);
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(object).map(([name, fieldValue]) => [
        name,
        fields[name] === undefined ? fieldValue : checkedInput(fields[name].type, fieldValue, `${path}.${name}`),
      ]),
    );
  }
  if (isScalarType(type) && type.name === DateTimeScalar.name) return parseInstant(path, value);
  if (typeof value === 'string') return checkedString(path, value);
  return value;
}

function checkedArgs(definitions: readonly GraphQLArgument[], args: Record<string, unknown>): Record<string, unknown> {
  const checked: Record<string, unknown> = { ...args };
  for (const definition of definitions)
    if (definition.name in args)
      checked[definition.name] = checkedInput(definition.type, args[definition.name], definition.name);
  return checked;
}

function refusal(error: unknown, context: GraphqlContext | undefined): unknown {
  if (!(error instanceof DomainError)) return error;
  return new GraphQLError(error.localizedMessage(refusalReader(context)), {
    extensions: { code: error.code, ...(error.field === undefined ? {} : { field: error.field }) },
  });
}

function guarded(
  definitions: readonly GraphQLArgument[],
  resolve: GraphQLFieldResolver<unknown, GraphqlContext>,
): GraphQLFieldResolver<unknown, GraphqlContext> {
  return (source, args: Record<string, unknown>, context, info) => {
    let checked: Record<string, unknown>;
    try {
      checked = checkedArgs(definitions, args);
    } catch (error) {
      throw refusal(error, context);
    }
    return resolve(source, checked, context, info);
  };
}

/**
 * The one input rule of the API, in front of every field that takes arguments (queries, mutations,
 * subscriptions and field resolvers alike), before any guard, service or SQL: every string at any depth
 * holds no NUL and no lone surrogate, and every DateTime is strict ISO 8601 with an offset. A refusal is
 * BAD_USER_INPUT with `extensions.field` the argument's path, e.g. `input.title.ar`.
 */
export function withInputRule(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 || !field.args.some((arg) => needsCheck(arg.type))) continue;
      field.resolve = guarded(field.args, field.resolve ?? defaultFieldResolver);
      if (field.subscribe !== undefined) field.subscribe = guarded(field.args, field.subscribe);
    }
  }
  return schema;
}

/** Whether a value of this type can hold a string somewhere (enums, numbers and booleans cannot). */
function needsCheck(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return !['Int', 'Float', 'Boolean'].includes(named.name);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => needsCheck(field.type, seen));
}
