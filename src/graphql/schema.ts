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

/** The root query fields the modules answer with one statement each (`soleStatements`), for operations asking one of them alone. */
export function soleStatementFields(schema: GraphQLSchema): ReadonlySet<string> {
  const fields = modules.flatMap((m) => m.soleStatements ?? []);
  const unknown = fields.find((name) => !schema.getQueryType()?.getFields()[name]);
  if (unknown) throw new Error(`soleStatements names ${unknown}, which is no field of Query`);
  return new Set(fields);
}
