import { registerEnumType } from '@nestjs/graphql';

/** A GraphQL enum over a list of string values (the workflow's states), registered under `name`. */
export function enumOf<T extends string>(values: readonly T[], name: string, description: string): Record<T, T> {
  const enumeration = Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
  registerEnumType(enumeration, { name, description });
  return enumeration;
}
