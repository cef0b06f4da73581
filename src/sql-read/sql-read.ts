import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  GraphQLError,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { inlined, statement, type Binding, type Statement } from '../db/read';
import { chinaToday } from '../config/clock';
import { pageRequest } from '../graphql/pagination';
import { coercedVariables } from '../graphql/variables';
import type { Viewer } from '../kernel/viewer';
import { MASKS, type MaskName } from '../policy/masks';
import { fieldPolicy } from '../policy/policy';
import type { RowSql } from '../policy/row-scope';

type Args = Record<string, unknown>;

/**
 * How a GraphQL object type is read in SQL: its table, the caller's row rule on it and, for each
 * field SQL can answer, how. A module declares these for its types (`<name>.sql-read.ts`); a
 * field left out makes a query selecting it go the resolvers' way.
 */
export type SqlObjectType = {
  table: string;
  /** The caller's row rule on the table at `alias`; `parent` is the alias of the row it is read under, if any. */
  rows: (viewer: Viewer, alias: string, parent: string | undefined) => RowSql;
  fields: Record<string, SqlField>;
};

/** A value: SQL giving the field's JSON exactly as its GraphQL type serialises it. */
export type SqlValue = { value: (alias: string) => string };
/** A list of another type's rows under this one. */
export type SqlList = { list: string; on: (alias: string, parent: string) => string; orderBy: (alias: string) => string };
/** A root field finding one row by its arguments; `undefined` from `where` leaves the query to the resolvers. */
export type SqlLookup = { lookup: string; where: (alias: string, args: Args) => { sql: string; bindings: Binding[] } | undefined };
/**
 * A Relay connection of another type's rows, paged as the resolvers page them (`pageRequest`):
 * `first` + 1 rows in `orderBy` order after the cursor's key, the extra row only saying whether
 * another page exists. `accepts` judges the other arguments (default: none given).
 */
export type SqlConnection = {
  connection: string;
  /** The cursors' list name, the key's SQL and its parser, and the condition after a key (one `?`). */
  page: { list: string; key: (alias: string) => string; parseKey: (raw: string) => string | number | undefined; after: (alias: string) => string; orderBy: (alias: string) => string };
  on?: (alias: string, parent: string) => string;
  accepts?: (args: Args) => boolean;
};
export type SqlField = SqlValue | SqlList | SqlLookup | SqlConnection;

/** Every module's declarations, by GraphQL type name (`Query` for root fields). */
export type SqlReadTypes = Record<string, SqlObjectType>;

/** One statement answering the whole operation: its one row's `data` is the response's data, as JSON text. */
export type SqlRead = { statement: Statement; bindings: Binding[] };

/** Where a bound value comes from: the `index`th binding of the statement's `part`th variable part. */
type Ref = { part: number; index: number };
type Piece = { sql: string; bindings: Ref[] };

/**
 * A part of the statement that the request's variables decide (a look-up's key, a page's size and
 * cursor): `shape` is what it puts into the text, `bindings` its values, `value` what the compiler
 * builds the text from. Everything else in the statement is decided by the document and the caller.
 */
type PartValue<T> = { shape: string; bindings: Binding[]; value: T };
type VariablePart = (variables: Args) => PartValue<unknown>;

type Compiling = {
  types: SqlReadTypes;
  viewer: Viewer;
  variables: Args;
  fragments: Record<string, FragmentDefinitionNode>;
  aliases: number;
  parts: VariablePart[];
  /** Whether a refusal came from the variables (then another request's may compile) rather than from the document and the caller. */
  refusedByVariables: boolean;
};

/** A compiled statement and where each of its bindings comes from. */
type Template = { statement: Statement; refs: Ref[] };
/** What is known of one operation for one caller on one day: that it never compiles, or its variable parts and its statement per shape. */
type Plans = { refused: true } | { refused: false; parts: VariablePart[]; templates: Map<string, Template> };

/** Where SQL cannot answer exactly as the resolvers would; they answer instead. */
class NotCompiled extends Error {}
const refuse = (why: string): never => {
  throw new NotCompiled(why);
};

/** Shapes kept per operation and caller (page sizes, say); one cycling through more is compiled afresh each time. */
const MAX_SHAPES = 64;
/** Operations and days kept per document and caller. */
const MAX_OPERATIONS = 16;

export type SqlReader = (document: DocumentNode, operationName: string | null | undefined, viewer: Viewer | null, variables: Args | undefined) => SqlRead | null;

/**
 * The operation as one SQL statement that builds its JSON, when every field it selects is
 * declared, readable by the caller in full or masked (the policy table, as the permission layer
 * reads it) and asked with arguments its declaration accepts; otherwise null, and the resolvers
 * answer. A query that would meet a FORBIDDEN, a refused filter or a bad argument is therefore
 * never compiled: the resolvers give those answers, as before.
 *
 * Compiled once per document, caller and day, and per shape of its variable parts: the text
 * depends on nothing else, and the request's variables only fill in its bindings. The caller is
 * the Viewer object the API-key cache keeps (weakly held: a changed or revoked key is a new
 * object, so no plan outlives what it was made from); the day is in the key because age rules
 * are dates. A query that never compiles for that caller is not tried again.
 */
export function sqlReader(schema: GraphQLSchema, types: SqlReadTypes): SqlReader {
  const known = new WeakMap<DocumentNode, WeakMap<Viewer, Map<string, Plans>>>();
  return (document, operationName, viewer, variables) => {
    const operation = getOperationAST(document, operationName);
    if (!viewer || !operation || operation.operation !== 'query' || operation.directives?.length) return null;
    const coerced = coercedVariables(schema, operation, variables);
    if (coerced.errors) return null;
    const plans = plansOf(known, document, viewer, `${operationName ?? ''}\u0000${chinaToday()}`);
    const planned = plans.current && fromPlans(plans.current, coerced.coerced);
    if (planned !== undefined) return planned;
    const c: Compiling = { types, viewer, variables: coerced.coerced, fragments: fragmentsOf(document), aliases: 0, parts: [], refusedByVariables: false };
    try {
      const data = objectJson(c, schema.getQueryType()!, operation.selectionSet, undefined);
      const template = { statement: statement(`select ${data.sql}::text as data`, data.bindings.length), refs: data.bindings };
      const values = partValues(c.parts, coerced.coerced)!;
      const current = plans.current && !plans.current.refused ? plans.current : { refused: false as const, parts: c.parts, templates: new Map<string, Template>() };
      if (current.templates.size < MAX_SHAPES) current.templates.set(shapeOf(values), template);
      plans.keep(current);
      return { statement: template.statement, bindings: bind(template.refs, values) };
    } catch (error) {
      // A bad argument (pageRequest's AppError, getArgumentValues' GraphQLError) too: the resolvers report it at its path.
      // Anything else is a fault of the compiler or a declaration, and is not hidden by a fallback.
      if (!(error instanceof NotCompiled || error instanceof GraphQLError)) throw error;
      if (!c.refusedByVariables) plans.keep({ refused: true });
      return null;
    }
  };
}

/** What is known of the operation for this caller today, and where to keep what a compile finds. */
function plansOf(known: WeakMap<DocumentNode, WeakMap<Viewer, Map<string, Plans>>>, document: DocumentNode, viewer: Viewer, key: string) {
  let byViewer = known.get(document);
  if (!byViewer) known.set(document, (byViewer = new WeakMap()));
  let byOperation = byViewer.get(viewer);
  if (!byOperation || byOperation.size >= MAX_OPERATIONS) byViewer.set(viewer, (byOperation = new Map()));
  const operations = byOperation;
  return { current: operations.get(key), keep: (plans: Plans) => void operations.set(key, plans) };
}

/** The statement these variables need, from what is known: null if it is refused, undefined if it must be compiled (a shape not seen yet). */
function fromPlans(plans: Plans, variables: Args): SqlRead | null | undefined {
  if (plans.refused) return null;
  const values = partValues(plans.parts, variables);
  if (!values) return null;
  const template = plans.templates.get(shapeOf(values));
  return template && { statement: template.statement, bindings: bind(template.refs, values) };
}

/** The variable parts' values for these variables, or null where one refuses them (the resolvers answer). */
function partValues(parts: readonly VariablePart[], variables: Args): PartValue<unknown>[] | null {
  try {
    return parts.map((part) => part(variables));
  } catch (error) {
    if (error instanceof NotCompiled || error instanceof GraphQLError) return null;
    throw error;
  }
}

const shapeOf = (values: readonly PartValue<unknown>[]) => values.map((v) => v.shape).join('\u0001');
const bind = (refs: readonly Ref[], values: readonly PartValue<unknown>[]) => refs.map(({ part, index }) => values[part].bindings[index]);

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
}

/**
 * A variable part of the statement, evaluated for this compile's variables and kept in the
 * compile's list, so that a later request evaluates it alone. Its bindings are referred to, not copied.
 */
function variablePart<T>(c: Compiling, part: (variables: Args) => PartValue<T>): { value: T; bindings: Ref[] } {
  let result: PartValue<T>;
  try {
    result = part(c.variables);
  } catch (error) {
    c.refusedByVariables = true;
    throw error;
  }
  const index = c.parts.push(part) - 1;
  return { value: result.value, bindings: result.bindings.map((_, i) => ({ part: index, index: i })) };
}

/** Pieces joined by `between`, their bindings in the order their text comes. */
function join(pieces: readonly (Piece | string)[], between = ''): Piece {
  const parts = pieces.map((p) => (typeof p === 'string' ? { sql: p, bindings: [] } : p));
  return { sql: parts.map((p) => p.sql).join(between), bindings: parts.flatMap((p) => p.bindings) };
}

/** `json_build_object` of the selection's fields, each from `valueOf`. */
function jsonObject(c: Compiling, type: GraphQLObjectType, selectionSet: SelectionSetNode, valueOf: (field: FieldNode, name: string) => Piece): Piece {
  const keys = new Set<string>();
  const pairs = fieldsOf(c, type, selectionSet).map((field) => {
    const key = field.alias?.value ?? field.name.value;
    if (keys.has(key)) refuse(`${key} asked twice`);
    keys.add(key);
    const name = field.name.value;
    if (name === '__typename') return `'${key}', '${type.name}'`;
    const value = valueOf(field, name);
    return join([`'${key}', `, value]);
  });
  // json_build_object takes at most 100 arguments.
  if (pairs.length === 0 || pairs.length > 50) refuse('selection size');
  return join(['json_build_object(', join(pairs, ', '), ')']);
}

/** The selection's fields, with fragments on this very type spread in place; anything conditional is refused. */
function fieldsOf(c: Compiling, type: GraphQLObjectType, selectionSet: SelectionSetNode): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.directives?.length) refuse('directives');
    if (selection.kind === Kind.FIELD) return [selection];
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? c.fragments[selection.name.value] : selection;
    if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name)) refuse('fragment');
    return fieldsOf(c, type, fragment!.selectionSet);
  });
}

/** One object of `type` at `alias` (undefined at the root). */
function objectJson(c: Compiling, type: GraphQLObjectType, selectionSet: SelectionSetNode, alias: string | undefined): Piece {
  return jsonObject(c, type, selectionSet, (node, name) => {
    const reading = readingOf(c.viewer, `${type.name}.${name}`);
    const declared = c.types[type.name]?.fields[name];
    const definition = type.getFields()[name];
    if (!declared || !definition) return refuse(`${type.name}.${name} is not declared`);
    if ('value' in declared) {
      if (alias === undefined || hasArguments(definition, node)) refuse('a value with arguments');
      const value = declared.value(alias!);
      return { sql: reading === 'full' ? value : MASKS[reading].sql(value), bindings: [] };
    }
    if (reading !== 'full') refuse('a masked object');
    const target = c.types['list' in declared ? declared.list : 'lookup' in declared ? declared.lookup : declared.connection];
    const child = `${target.table[0]}${++c.aliases}`;
    const targetType = objectTypeOf(definition);
    if ('list' in declared) {
      if (alias === undefined || hasArguments(definition, node)) refuse('a list with arguments');
      const item = objectJson(c, targetType, node.selectionSet!, child);
      return join([
        '(select coalesce(json_agg(', item, ` order by ${declared.orderBy(child)}), '[]'::json) from ${target.table} ${child} where ${declared.on(child, alias!)} and `,
        rowsOf(c, target, child, alias), ')',
      ]);
    }
    if ('lookup' in declared) {
      if (alias !== undefined) refuse('a look-up below the root');
      const where = variablePart(c, (variables) => {
        const found = declared.where(child, getArgumentValues(definition, node, variables));
        return found ? { shape: found.sql, bindings: found.bindings, value: found.sql } : refuse('look-up arguments');
      });
      const item = objectJson(c, targetType, node.selectionSet!, child);
      return join(['(select ', item, ` from ${target.table} ${child} where `, { sql: where.value, bindings: where.bindings }, ' and ', rowsOf(c, target, child, undefined), ')']);
    }
    return connectionJson(c, declared, target, targetType, definition, node, child, alias);
  });
}

/**
 * The caller's row rule with its values written into the text. They are the caller's own (its
 * scopes, its organisation, today), not the request's, and the statement is prepared: planned
 * once for every value of its parameters, it must know the scope, or it plans for any region
 * (a generic plan that read a county's 224,000 households to page a bank's borrowers).
 */
function rowsOf(c: Compiling, target: SqlObjectType, alias: string, parent: string | undefined): Piece {
  const rule = target.rows(c.viewer, alias, parent);
  return { sql: inlined(rule.sql, rule.bindings), bindings: [] };
}

/** `full`, the mask the caller sees the field through, or a refusal (the resolvers answer FORBIDDEN). */
function readingOf(viewer: Viewer, field: string): 'full' | MaskName {
  const policy = fieldPolicy(field);
  if (policy?.read.includes(viewer.role)) return 'full';
  if (policy?.masked?.roles.includes(viewer.role)) return policy.masked.mask;
  return refuse(`${field} is not readable`);
}

/** Arguments given, or ones with defaults: a value or a list takes none, so either leaves the query to the resolvers. */
const hasArguments = (definition: GraphQLField<unknown, unknown>, node: FieldNode) =>
  (node.arguments?.length ?? 0) > 0 || definition.args.some((arg) => arg.defaultValue !== undefined);

function objectTypeOf(definition: GraphQLField<unknown, unknown> | undefined): GraphQLObjectType {
  const type = definition && getNamedType(definition.type);
  return type && isObjectType(type) ? type : refuse('not an object type');
}

/** A cursor as encodeCursor makes it: base64url of `list:key`, unpadded. */
const cursorSql = (list: string, key: string) => `translate(encode(convert_to('${list}:' || ${key}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/**
 * A page of `target` rows as the connection's JSON. The page's rows are read in a subquery named
 * as the target's alias, numbered in order, so that the node's fields read them as they read a row.
 */
function connectionJson(
  c: Compiling,
  declared: SqlConnection,
  target: SqlObjectType,
  connectionType: GraphQLObjectType,
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  child: string,
  parent: string | undefined,
): Piece {
  if ((declared.on === undefined) !== (parent === undefined)) refuse('connection placement');
  const { page } = declared;
  const accepts = declared.accepts ?? ((rest: Args) => Object.values(rest).every((v) => v == null));
  const paging = variablePart(c, (variables) => {
    const { first, after, ...others } = getArgumentValues(definition, node, variables);
    if (!accepts(others)) refuse('connection arguments');
    const request = pageRequest(page.list, { first: first as number | undefined, after: after as string | undefined }, page.parseKey);
    const bindings = request.after === undefined ? [] : [request.after as Binding];
    return { shape: `${request.first}:${bindings.length}`, bindings, value: request };
  });
  const request = paging.value;
  const size = request.first;
  const inPage = `${child}.n <= ${size}`;
  const cursor = cursorSql(page.list, page.key(child));
  const fields = connectionType.getFields();
  const selected = jsonObject(c, connectionType, node.selectionSet!, (field, name) => {
    readingOf(c.viewer, `${connectionType.name}.${name}`);
    if (name === 'edges') {
      const edge = edgeJson(c, objectTypeOf(fields.edges), field, child, cursor);
      return join(['coalesce(json_agg(', edge, ` order by ${child}.n) filter (where ${inPage}), '[]'::json)`]);
    }
    if (name !== 'pageInfo') return refuse(`${connectionType.name}.${name}`);
    const pageInfo = objectTypeOf(fields.pageInfo);
    return jsonObject(c, pageInfo, field.selectionSet!, (info, infoName) => {
      readingOf(c.viewer, `${pageInfo.name}.${infoName}`);
      if (infoName === 'hasNextPage') return { sql: `count(*) > ${size}`, bindings: [] };
      if (infoName === 'endCursor') return { sql: `(array_agg(${cursor} order by ${child}.n desc) filter (where ${inPage}))[1]`, bindings: [] };
      return refuse(`${pageInfo.name}.${infoName}`);
    });
  });
  const order = page.orderBy(child);
  const where: Piece[] = [
    ...(declared.on ? [declared.on(child, parent!)] : []),
    ...(request.after === undefined ? [] : [{ sql: page.after(child), bindings: paging.bindings }]),
    rowsOf(c, target, child, parent),
  ].map((p) => (typeof p === 'string' ? { sql: p, bindings: [] } : p));
  // The page is read first, on its own (order and limit together, which lets PostgreSQL walk an
  // index in order and stop), then numbered; `group by ()` answers one row even when nothing
  // selected is an aggregate (`{ __typename }`).
  return join([
    '(select ', selected,
    ` from (select ${child}.*, row_number() over (order by ${order}) as n from (select * from ${target.table} ${child} where `, join(where, ' and '),
    ` order by ${order} limit ${size + 1}) ${child}) ${child} group by ())`,
  ]);
}

/** An edge of the page: its node and its cursor, both from the page's row. */
function edgeJson(c: Compiling, edgeType: GraphQLObjectType, edges: FieldNode, alias: string, cursor: string): Piece {
  return jsonObject(c, edgeType, edges.selectionSet!, (field, name) => {
    readingOf(c.viewer, `${edgeType.name}.${name}`);
    if (name === 'cursor') return { sql: cursor, bindings: [] };
    if (name === 'node') return objectJson(c, objectTypeOf(edgeType.getFields().node), field.selectionSet!, alias);
    return refuse(`${edgeType.name}.${name}`);
  });
}
