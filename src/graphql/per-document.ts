import { Kind, visit, type ArgumentNode, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Apollo hands every request with a known query the same parsed DocumentNode (document-store.ts),
 * so what is derived from a document alone is derived once. Weakly held: a document the store
 * drops takes its derived values with it.
 */
const derived = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, unknown>>>();

/** Variants kept per document (page sizes, say); a caller cycling through more is computed afresh each time. */
const MAX_VARIANTS = 64;

/** `compute()` once per schema, document and key; a throw is not kept, so the next request computes again. */
export function perDocument<T>(schema: GraphQLSchema, document: DocumentNode, key: string, compute: () => T): T {
  let documents = derived.get(schema);
  if (!documents) derived.set(schema, (documents = new WeakMap()));
  let values = documents.get(document);
  if (!values) documents.set(document, (values = new Map()));
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  if (values.size < MAX_VARIANTS) values.set(key, value);
  return value;
}

/**
 * The arguments whose values the estimates read: page sizes (`first`), batches (`idNumbers`, by
 * their length) and `@include`/`@skip` conditions, which decide whether a field counts at all.
 */
const ESTIMATED_ARGUMENTS = new Set(['first', 'idNumbers', 'if']);

const NO_VARIABLES = { variables: [] as string[] };

/** Variables the document passes to an estimated argument, anywhere in it. */
function estimatedVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node: ArgumentNode) {
      if (!ESTIMATED_ARGUMENTS.has(node.name.value)) return false;
      visit(node.value, { Variable: (variable) => void names.add(variable.name.value) });
      return false;
    },
  });
  return [...names].sort();
}

const variablesOf = new WeakMap<DocumentNode, { variables: string[] }>();

/** What of a variable's value an estimate can depend on: a number or flag itself, a list by its length, never a text. */
function summary(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  return typeof value;
}

/**
 * The key of an estimate of this operation with these variables: two requests with the same key
 * get the same estimate. Only the variables the estimated arguments use are in it.
 */
export function estimateKey(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  let used = variablesOf.get(document);
  if (!used) {
    const hasVariables = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && (d.variableDefinitions?.length ?? 0) > 0);
    used = hasVariables ? { variables: estimatedVariables(document) } : NO_VARIABLES;
    variablesOf.set(document, used);
  }
  return [operationName ?? '', ...used.variables.map((name) => summary(variables?.[name]))].join('\u0000');
}
