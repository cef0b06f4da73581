import type { DocumentNode, GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { badUserInput } from '../errors/app-error';
import type { Role } from '../kernel/role';
import { fieldPolicy } from '../policy/policy';
import { estimateKey, perDocument } from '../graphql/per-document';

/** The most look-up fields one operation may hold, aliases and fragments counted: a page of a form, not a harvest. */
export const MAX_LOOKUP_FIELDS = 5;
/** The most ID numbers one batch look-up (loanEligibilities) takes. */
export const MAX_BATCH_IDS = 100;

/**
 * Every root field that finds a person by ID number, and how many people one occurrence looks
 * up. A new such field must be listed here (a test finds every field taking an ID number).
 */
export const LOOKUP_FIELDS: Record<string, (args: Record<string, unknown>) => number> = {
  'Query.member': () => 1,
  'Query.loanEligibility': () => 1,
  'Query.loanEligibilities': (args) => batchSize(args.idNumbers),
};

/** Fields that take an ID number without looking the person up. */
export const NOT_LOOKUPS: Record<string, string> = {
  'Query.accessHistory': 'reads who looked the person up (oversight), nothing about the person',
};

/** The size of a batch, refused before anything runs when above the maximum. */
export function batchSize(idNumbers: unknown): number {
  const size = Array.isArray(idNumbers) ? idNumbers.length : 0;
  if (size > MAX_BATCH_IDS) throw badUserInput(`idNumbers takes at most ${MAX_BATCH_IDS} ID numbers; send several requests`, 'idNumbers');
  return size;
}

export type LookupCount = { fields: number; lookups: number };

/**
 * Look-up fields in the operation that will run, and the people they look up; `lookups` counts
 * only the fields the role may read (the others are refused FORBIDDEN and look nobody up). Counted
 * once per document, role and batch sizes; a batch above the maximum is refused every time.
 */
export function countPersonLookups(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  role: Role | undefined,
): LookupCount {
  const key = `lookups\u0000${role ?? ''}\u0000${estimateKey(query, operationName, variables)}`;
  return perDocument(schema, query, key, () => walkPersonLookups(schema, query, variables, operationName, role));
}

function walkPersonLookups(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  role: Role | undefined,
): LookupCount {
  const count = (cost: (name: string, args: Record<string, unknown>) => number) => {
    const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
      const name = `${type.name}.${field.name}`;
      return (LOOKUP_FIELDS[name] ? cost(name, args) : 0) + childComplexity;
    };
    return getComplexity({ schema, query, variables, operationName, estimators: [estimator] });
  };
  const readable = (name: string) => role !== undefined && (fieldPolicy(name)?.read.includes(role) ?? false);
  return {
    fields: count(() => 1),
    lookups: count((name, args) => (readable(name) ? LOOKUP_FIELDS[name](args) : 0)),
  };
}
