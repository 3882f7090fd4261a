import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Locale, QueryLimits } from '@majlis/config';
import { message } from '@majlis/language';
import type { GraphqlContext } from '../graphql/graphql-context';
import {
  costRefusal,
  isTokenLimitError,
  QUERY_TOO_COMPLEX,
  queryTooComplexMessage,
  type QueryLimitName,
} from './query-limits';

/** The schema Apollo serves, for the WebSocket server, which has no Apollo pipeline. */
export interface SchemaHolder {
  schema?: GraphQLSchema;
}

/** The only version of Apollo's automatic persisted queries the server takes. */
const SUPPORTED_PERSISTED_QUERY_VERSION = 1;

const localeOf = (context: GraphQLRequestContext<GraphqlContext>): Locale => context.contextValue.locale ?? 'en';

/** One refused error as the client sees it: the stable code and a message in the request's language. */
function rewrite(error: GraphQLFormattedError, locale: Locale): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  const { limit, max } = extensions;
  if (typeof limit === 'string' && typeof max === 'number')
    return {
      ...error,
      message: queryTooComplexMessage(limit as QueryLimitName, max, locale),
      extensions: { ...extensions, code: QUERY_TOO_COMPLEX },
    };
  if (extensions.code === 'GRAPHQL_PARSE_FAILED' && isTokenLimitError(error)) {
    const tokens = Number(/more tha[nt] (\d+) tokens/.exec(error.message)?.[1]);
    return {
      message: queryTooComplexMessage('tokens', tokens, locale),
      extensions: { code: QUERY_TOO_COMPLEX, limit: 'tokens', max: tokens },
    };
  }
  if (extensions.code === 'INTERNAL_SERVER_ERROR' && error.message === 'provided sha does not match query')
    return { message: message(locale, 'security:persistedQueryMismatch'), extensions: { code: 'BAD_REQUEST' } };
  if (extensions.code === 'INTERNAL_SERVER_ERROR' && error.message === 'Unsupported persisted query version')
    return {
      message: message(locale, 'security:persistedQueryVersion', { version: SUPPORTED_PERSISTED_QUERY_VERSION }),
      extensions: { code: 'BAD_REQUEST' },
    };
  return error;
}

/**
 * The limits Apollo's own options cannot express: the cost of an operation with its variables (checked once
 * the operation is known, before any resolver runs), and the refusals' codes and languages (Apollo files a
 * validation rule's error under GRAPHQL_VALIDATION_FAILED and a token limit under GRAPHQL_PARSE_FAILED).
 */
export function graphqlSecurityPlugin(limits: QueryLimits, holder: SchemaHolder): ApolloServerPlugin<GraphqlContext> {
  return {
    serverWillStart({ schema }) {
      holder.schema = schema;
      return Promise.resolve();
    },
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation(context) {
          const refusal = costRefusal(
            limits,
            context.schema,
            context.document,
            context.request.variables,
            context.request.operationName,
            localeOf(context),
          );
          if (refusal !== undefined)
            throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: 400 } } });
          return Promise.resolve();
        },
        willSendResponse(context) {
          const { body } = context.response;
          if (body.kind === 'single' && body.singleResult.errors !== undefined)
            body.singleResult.errors = body.singleResult.errors.map((error) => rewrite(error, localeOf(context)));
          return Promise.resolve();
        },
      });
    },
  };
}
