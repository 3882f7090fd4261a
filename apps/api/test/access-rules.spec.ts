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
