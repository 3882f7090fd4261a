import { actionWords, errorMessage, forbidden, hasMessage, isActionName } from '@majlis/language';
import { ACCESS_RULE } from '../src/graphql/allow.decorator';
import { RESOLVERS } from '../src/resolvers';

// @nestjs/graphql marks each Query, Mutation and Subscription method with this key.
const RESOLVER_TYPE = 'graphql:resolver_type';

const operations = RESOLVERS.flatMap((resolver) =>
  Object.getOwnPropertyNames(resolver.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => ({
      resolver: resolver.name,
      name,
      method: (resolver.prototype as unknown as Record<string, unknown>)[name],
    }))
    .filter(({ method }) => typeof method === 'function' && Reflect.getMetadata(RESOLVER_TYPE, method) !== undefined),
);

describe('access rules', () => {
  it('finds the operations to check', () => {
    expect(operations.map((operation) => operation.name)).toEqual(
      expect.arrayContaining(['me', 'login', 'memberCities']),
    );
  });

  it.each(operations.map((operation) => [`${operation.resolver}.${operation.name}`, operation.method] as const))(
    '%s names who may call it',
    (_name, method) => {
      expect(Reflect.getMetadata(ACCESS_RULE, method as object)).toBeDefined();
    },
  );
});

describe('refusal wording', () => {
  it.each(operations.map((operation) => [operation.name] as const))(
    '%s has its action in words, in Arabic and English',
    (name) => {
      expect(isActionName(name)).toBe(true);
      if (!isActionName(name)) return;
      expect(hasMessage('en', `actions:${name}`) && hasMessage('ar', `actions:${name}`)).toBe(true);
      expect(actionWords(name, 'en')).toMatch(/^[a-z][a-z ,'’-]+[a-z]$/);
      expect(actionWords(name, 'ar')).toMatch(/^[\u0600-\u06FF ،]+$/);
    },
  );

  it('reads as a sentence in each language', () => {
    expect(forbidden('castVote').localizedMessage('en')).toBe('You may not vote on this ballot.');
    expect(forbidden('castVote').localizedMessage('ar')).toBe('لا يحق لك التصويت في هذا الاقتراع.');
    expect(
      errorMessage('forbidden', 'en', { action: 'transitionMeeting', eventKind: 'meeting', eventType: 'OPEN' }),
    ).toBe('You may not open this meeting.');
  });

  it('falls back to the operation’s words for an event it does not know', () => {
    expect(forbidden('transitionProposal', { kind: 'proposal', type: 'UNKNOWN' }).localizedMessage('en')).toBe(
      "You may not change this proposal's state.",
    );
  });
});
