import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInputObjectType,
  isListType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { InputProblems } from '../errors/app-error';
import { ID_RULE, textProblem, type TextRule } from '../kernel/text';
import { INPUT_RULES } from './input-rules';
import type { OperationCheck } from './operation-checks';
import { perDocument } from './per-document';
import { coercedVariables } from './variables';

/** Any String the table forgot (the schema test refuses that) still gets a strict, short rule. */
const FALLBACK_RULE: TextRule = { describe: 'text of at most 100 characters on one line', min: 0, max: 100 };

function ruleFor(coordinate: string, type: GraphQLInputType): TextRule | undefined {
  const named = getNamedType(type);
  if (named.name === 'ID') return INPUT_RULES[coordinate] ?? ID_RULE;
  if (named.name === 'String') return INPUT_RULES[coordinate] ?? FALLBACK_RULE;
  return undefined;
}

/** Checks one coerced value against its input type, recursing into lists and input objects. */
function checkValue(problems: InputProblems, path: string, coordinate: string, type: GraphQLInputType, value: unknown): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = value as unknown[];
    const maxItems = ruleFor(coordinate, nullable)?.maxItems;
    if (maxItems !== undefined && items.length > maxItems) {
      problems.add(path, `must hold at most ${maxItems} items (got ${items.length})`);
      return;
    }
    items.forEach((item, i) => checkValue(problems, `${path}[${i}]`, coordinate, nullable.ofType, item));
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[field.name];
      checkValue(problems, `${path}.${field.name}`, `${nullable.name}.${field.name}`, field.type, fieldValue);
    }
    return;
  }
  const rule = ruleFor(coordinate, nullable);
  if (!rule) return;
  const problem = textProblem(String(value), rule);
  if (problem) problems.add(path, problem);
}

/** A field given arguments in the document, with its definition: where values are checked. */
type ArgumentSite = { node: FieldNode; field: GraphQLField<unknown, unknown>; parent: string };

/** The fields of the operation (in fragments too) that take arguments: the same for every request of a document. */
function argumentSites(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined) {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  const sites: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    OperationDefinition: (node) => (node === operation ? undefined : false),
    Field(node) {
      const field = typeInfo.getFieldDef();
      const parent = typeInfo.getParentType();
      if (field && parent && field.args.length > 0 && node.arguments?.length) sites.push({ node, field, parent: parent.name });
    },
  });
  visit(document, visitor);
  return { operation, sites };
}

/**
 * Every argument of the operation (inline or through variables, in fragments too) against its
 * declared type, length and character set, on every request: only where the arguments are is
 * worked out once per document. Returns the problems; variables that do not even fit their types
 * are left to execution, which refuses them as BAD_USER_INPUT.
 */
export function checkOperationInput(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, inputs?: Record<string, unknown>): InputProblems {
  const problems = new InputProblems();
  const plan = perDocument(schema, document, `input-sites\u0000${operationName ?? ''}`, () => argumentSites(schema, document, operationName));
  if (!plan) return problems;
  const variables = coercedVariables(schema, plan.operation, inputs);
  if (variables.errors) return problems;
  for (const { node, field, parent } of plan.sites) {
    const values = getArgumentValues(field, node, variables.coerced);
    for (const arg of field.args) {
      checkValue(problems, arg.name, `${parent}.${field.name}(${arg.name})`, arg.type, values[arg.name]);
    }
  }
  return problems;
}

/** Refuses, before any resolver runs, an operation with a malformed argument: BAD_USER_INPUT naming it. */
export const guardInput: OperationCheck = ({ schema, document, operationName, variables }) => {
  let problems: InputProblems;
  try {
    problems = checkOperationInput(schema, document, operationName, variables);
  } catch {
    // An argument that cannot even be coerced: execution refuses it as BAD_USER_INPUT.
    return;
  }
  problems.throwIfAny({ http: { status: 400 } });
};
