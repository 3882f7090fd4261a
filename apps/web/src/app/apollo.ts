import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { isUnauthenticated } from '../lib/errors';
import { liveConnection, sessionExpired } from '../lib/signal';
import { currentLanguage } from './i18n';

// The session is the httpOnly cookie the API sets at sign-in: same origin, never a token in storage.
const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

const languageLink = new SetContextLink((previous) => ({
  headers: { ...(previous.headers as Record<string, string> | undefined), 'accept-language': currentLanguage() },
}));

let signedIn = false;
/** Whether a session is believed to exist, so an UNAUTHENTICATED answer means it expired. */
export function setSignedIn(value: boolean): void {
  signedIn = value;
  if (value) sessionExpired.set(false);
}

const expiryLink = new ErrorLink(({ error }) => {
  if (signedIn && isUnauthenticated(error)) sessionExpired.set(true);
});

const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

// The browser sends the session cookie with the WebSocket upgrade; the socket retries for ever and says so.
const socket = createClient({
  url: socketUrl,
  lazy: true,
  retryAttempts: Number.POSITIVE_INFINITY,
  shouldRetry: () => true,
  retryWait: async (retries) => {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 10_000)));
  },
  on: {
    connecting: () => {
      if (liveConnection.get() !== 'lost') liveConnection.set('connecting');
    },
    connected: () => liveConnection.set('connected'),
    closed: (event) => {
      // 1000: closed because nothing listens (lazy); 4499: terminated by us to carry a new cookie.
      const code = (event as { code?: number } | undefined)?.code;
      liveConnection.set(code === 1000 || code === 4499 ? 'connecting' : 'lost');
    },
  },
});

/** After sign-in or sign-out: reopen the socket so it carries the new cookie. */
export function restartLiveConnection(): void {
  liveConnection.set('connecting');
  socket.terminate();
}

const transport = ApolloLink.split(
  ({ query }) => {
    const definition = getMainDefinition(query);
    return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
  },
  new GraphQLWsLink(socket),
  httpLink,
);

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([languageLink, expiryLink, transport]),
  cache: new InMemoryCache({
    typePolicies: {
      // Parts without an id belong to their parent: a fresh copy replaces the old one.
      BallotProgress: { merge: true },
      BallotRules: { merge: true },
      LocalizedString: { merge: true },
      FollowupSummary: { merge: true },
      // "Show more" pages: a page asked for after a cursor goes after that cursor (asked twice, it is not
      // added twice); a first page replaces what was shown. Not `proposals`: the proposals desk turns page by
      // page, so the review queue adds its next page itself.
      Query: {
        fields: {
          notifications: relayStylePagination(['unreadOnly']),
          ballots: relayStylePagination(['filter']),
          failedDeliveries: relayStylePagination(false),
          meetings: relayStylePagination(['filter', 'orderBy']),
        },
      },
    },
  }),
});
