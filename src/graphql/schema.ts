import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema } from 'type-graphql';
import { modules } from '../modules';
import { permissionLayer } from '../policy/permission-layer';
import { mergeSqlReads } from '../sql-read/declare';
import type { SqlReadTypes } from '../sql-read/sql-read';
import { answerLocalDatesByArithmetic } from './local-date';

/** Every module's resolvers, in the list's order: the order type-graphql prints the schema in. */
const resolvers = modules.flatMap((m) => m.resolvers);

/** The schema as type-graphql builds it from the modules, before permissions are applied. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  const [first, ...rest] = resolvers;
  return buildSchema({ resolvers: [first, ...rest], validate: true, emitSchemaFile: false });
}

/** The served schema: every field behind the generated permission rules. */
export async function buildGuardedSchema(): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  const guarded = applyMiddleware(schema, ...permissionLayer(schema));
  answerLocalDatesByArithmetic(guarded);
  return guarded;
}

/** The types whose reads the modules declare in SQL, for operations answered in one statement (src/sql-read). */
export const sqlReadTypes = (): SqlReadTypes => mergeSqlReads(modules.map((m) => m.sqlReads));
