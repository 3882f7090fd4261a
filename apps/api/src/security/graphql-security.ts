import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { IncomingMessage } from 'node:http';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Environment } from '@majlis/config';
import { localeFromAcceptLanguage, message } from '@majlis/language';
import { SESSION_COOKIE } from '../graphql/graphql-context';
import { graphqlSecurityPlugin, type SchemaHolder } from './graphql-security.plugin';
import { checkDocument, queryLimitRules } from './query-limits';
import { cookieAuthenticated, originAllowed } from './same-origin';

interface SocketExtra {
  request?: IncomingMessage;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Everything the GraphQL server is hardened with, in one place: the query limits over HTTP (Apollo's parser
 * and validation rules, the cost plugin) and over graphql-ws (the same checks in `onSubscribe`, since
 * Apollo's pipeline does not run there), the Origin check of cookie-authenticated sockets, and what
 * production turns off (introspection, "did you mean" suggestions).
 */
export function graphqlSecurity(environment: Environment): {
  apollo: Pick<
    ApolloDriverConfig,
    'parseOptions' | 'validationRules' | 'plugins' | 'introspection' | 'hideSchemaDetailsFromClientErrors'
  >;
  graphqlWs: GraphQLWsSubscriptionsConfig;
} {
  const limits = environment.queryLimits;
  const holder: SchemaHolder = {};
  return {
    apollo: {
      parseOptions: { maxTokens: limits.tokens },
      validationRules: queryLimitRules(limits),
      plugins: [graphqlSecurityPlugin(limits, holder)],
      introspection: environment.graphqlIntrospection,
      hideSchemaDetailsFromClientErrors: !environment.graphqlIntrospection,
    },
    graphqlWs: {
      // A page of another site must not open a socket on the browser's session cookie.
      onConnect(ctx) {
        const request = (ctx.extra as SocketExtra).request;
        if (request === undefined) return true;
        const bearer = text(ctx.connectionParams?.authorization);
        if (bearer !== undefined && /^Bearer\s+\S+$/i.test(bearer)) return true;
        if (!cookieAuthenticated(request.headers, SESSION_COOKIE)) return true;
        return originAllowed(request.headers, environment);
      },
      onSubscribe(ctx, _id, payload) {
        const request = (ctx.extra as SocketExtra).request;
        const header = request?.headers['accept-language'];
        const locale =
          localeFromAcceptLanguage(
            text(ctx.connectionParams?.['accept-language']) ?? (Array.isArray(header) ? header[0] : header),
          ) ?? 'en';
        const schema = holder.schema;
        if (schema === undefined) return [new GraphQLError(message(locale, 'security:serverStarting'))];
        const checked = checkDocument(
          schema,
          limits,
          payload.query,
          payload.variables ?? undefined,
          payload.operationName ?? undefined,
          locale,
          environment.graphqlIntrospection ? [] : [NoSchemaIntrospectionCustomRule],
        );
        if (checked.errors !== undefined) return checked.errors;
        return {
          schema,
          document: checked.document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
    },
  };
}
