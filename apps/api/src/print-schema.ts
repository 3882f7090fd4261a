import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DateTimeScalar } from './graphql/input-rule';
import { RESOLVERS } from './resolvers';

/** Writes the GraphQL schema the resolvers define to schema.gql; CI fails when the committed one differs. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app
    .get(GraphQLSchemaFactory)
    .create(RESOLVERS, { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] });
  const file = join(__dirname, '../../../schema.gql');
  writeFileSync(file, `${printSchema(lexicographicSortSchema(schema))}\n`);
  await app.close();
  process.stdout.write(`Wrote ${relative(process.cwd(), file)}.\n`);
}

void main();
