import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, Kind, printSchema, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { RequestContext } from '../context/request-context';
import { soleRead } from '../db/read';
import type { SqlReader } from '../sql-read/sql-read';
import type { CompiledLane } from './compiled-lane';
import { perDocument } from './per-document';
import { rawJson } from './raw-json';

/**
 * Runs each operation as a function graphql-jit compiled from its validated document, once per
 * document and operation name, instead of graphql-js's interpreter, which walks the selection set
 * again for every object of a list: on a page of 50 households and their members that walk was a
 * fifth of the API's CPU (docs/benchmarks.md). The resolvers are the schema's own, permission
 * layer included, so what a caller may read is decided exactly as before.
 *
 * A query that SQL can answer whole (src/sql-read, with the modules' `sqlReads`) is answered by one
 * statement instead, which builds the response's data in PostgreSQL and needs no request
 * transaction; its text is then the compiled lane's to answer next time (compiled-lane.ts).
 * `beforeResolvers` (the request's transaction) runs only when resolvers will, and not for a root
 * field its module answers with one statement of its own (`soleStatements`).
 *
 * Apollo Server takes an executor only from a gateway; this one serves one fixed schema.
 */
export function compiledExecution(
  schema: GraphQLSchema,
  options: { sqlRead?: SqlReader; lane?: CompiledLane; soleStatements?: ReadonlySet<string>; beforeResolvers?: (ctx: RequestContext) => Promise<void> } = {},
): GatewayInterface {
  const { sqlRead, lane, soleStatements, beforeResolvers } = options;
  const executor: GatewayExecutor = async ({ document, operation, operationName, context, request }) => {
    const ctx = context as RequestContext;
    const read = sqlRead?.(document, operationName, ctx.viewer, request.variables);
    if (read) {
      const [row] = await soleRead<{ data: string }>(ctx, read.statement, read.bindings);
      lane?.accept(request.query, document);
      return { data: rawJson(row.data) };
    }
    if (!(soleStatements && isSoleStatement(operation, soleStatements))) await beforeResolvers?.(ctx);
    const compiled = perDocument(schema, document, `compiled\u0000${operationName ?? ''}`, () => compileQuery(schema, document, operationName ?? undefined));
    if (!isCompiledQuery(compiled)) return compiled;
    return refusedVariablesAsBadInput(await compiled.query(undefined, context, request.variables ?? {}));
  };
  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate(update) {
      update({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}

/**
 * A query of one root field that its module answers with one statement of its own (a module's
 * `soleStatements`): the statement carries the caller's scope itself, so no request transaction
 * is opened for it. With anything beside it, even `__typename`, the request's transaction is.
 */
function isSoleStatement(operation: OperationDefinitionNode, fields: ReadonlySet<string>): boolean {
  const [only, ...others] = operation.selectionSet.selections;
  return (
    operation.operation === 'query' && !operation.directives?.length && others.length === 0 &&
    only.kind === Kind.FIELD && !only.directives?.length && fields.has(only.name.value)
  );
}

/**
 * An answer without data is variables that could not be coerced to their types (graphql-jit does
 * so before any resolver runs): the caller's to fix, as Apollo reports them after graphql-js.
 */
function refusedVariablesAsBadInput(result: ExecutionResult): ExecutionResult {
  if ('data' in result || !result.errors) return result;
  return { errors: result.errors.map((error) => new GraphQLError(error.message, { extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT } })) };
}
