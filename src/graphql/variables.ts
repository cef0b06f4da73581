import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

type Coerced = ReturnType<typeof getVariableValues>;

const coerced = new WeakMap<object, { schema: GraphQLSchema; operation: OperationDefinitionNode; result: Coerced }>();

/**
 * The request's variables coerced to the operation's types. The input guard and the SQL reader
 * both need them, one after the other, from the same request's variables object, which nothing
 * changes: coerced once a request (a request without variables has nothing to coerce).
 */
export function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown> | undefined): Coerced {
  if (!inputs) return getVariableValues(schema, operation.variableDefinitions ?? [], {});
  const known = coerced.get(inputs);
  if (known?.schema === schema && known.operation === operation) return known.result;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  coerced.set(inputs, { schema, operation, result });
  return result;
}
