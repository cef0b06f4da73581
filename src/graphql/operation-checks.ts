import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context/request-context';

/** What a check of an operation reads: the document Apollo validated, the request's own values, and who asks. */
export type CheckedOperation = {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | undefined;
  ctx: RequestContext;
};

/**
 * A refusal an operation may meet before anything runs (a malformed argument, too many rows, a
 * spent look-up budget): it throws the error the caller gets. Written once, and run both as a
 * plugin of Apollo's pipeline and by the compiled lane (compiled-lane.ts), which answers compiled
 * reads without that pipeline.
 */
export type OperationCheck = (operation: CheckedOperation) => void | Promise<void>;

/** The check as Apollo runs it: once the operation is resolved, before any resolver. */
export function asPlugin(check: OperationCheck): ApolloServerPlugin<RequestContext> {
  const listener = {
    didResolveOperation: ({ request, document, schema, contextValue }: { request: { operationName?: string | null; variables?: Record<string, unknown> }; document: DocumentNode; schema: GraphQLSchema; contextValue: RequestContext }) =>
      Promise.resolve(check({ schema, document, operationName: request.operationName, variables: request.variables, ctx: contextValue })),
  };
  return { requestDidStart: async () => listener };
}
