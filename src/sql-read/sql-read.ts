import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { inlined, type Binding } from '../db/read';
import { pageRequest } from '../graphql/pagination';
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
export type SqlRead = { sql: string; bindings: Binding[] };

type Piece = { sql: string; bindings: Binding[] };

type Compiling = {
  types: SqlReadTypes;
  viewer: Viewer;
  variables: Args;
  fragments: Record<string, FragmentDefinitionNode>;
  aliases: number;
};

/** Where SQL cannot answer exactly as the resolvers would; they answer instead. */
class NotCompiled extends Error {}
const refuse = (why: string): never => {
  throw new NotCompiled(why);
};

/**
 * The operation as one SQL statement that builds its JSON, when every field it selects is
 * declared, readable by the caller in full or masked (the policy table, as the permission layer
 * reads it) and asked with arguments its declaration accepts; otherwise null, and the resolvers
 * answer. A query that would meet a FORBIDDEN, a refused filter or a bad argument is therefore
 * never compiled: the resolvers give those answers, as before.
 */
export function compileSqlRead(
  schema: GraphQLSchema,
  types: SqlReadTypes,
  document: DocumentNode,
  operationName: string | null | undefined,
  viewer: Viewer | null,
  variables: Args | undefined,
): SqlRead | null {
  const operation = operationOf(document, operationName);
  if (!viewer || !operation || operation.operation !== 'query' || operation.directives?.length) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  try {
    const data = objectJson({ types, viewer, variables: coerced.coerced, fragments, aliases: 0 }, schema.getQueryType()!, operation.selectionSet, undefined);
    return { sql: `select ${data.sql}::text as data`, bindings: data.bindings };
  } catch (error) {
    // A bad argument (pageRequest's AppError, getArgumentValues' GraphQLError) too: the resolvers report it at its path.
    // Anything else is a fault of the compiler or a declaration, and is not hidden by a fallback.
    if (error instanceof NotCompiled || error instanceof GraphQLError) return null;
    throw error;
  }
}

function operationOf(document: DocumentNode, name: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? operations.find((o) => o.name?.value === name) : operations.length === 1 ? operations[0] : undefined;
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
    const args = getArgumentValues(definition, node, c.variables);
    if ('value' in declared) {
      if (alias === undefined || Object.keys(args).length) refuse('a value with arguments');
      const value = declared.value(alias!);
      return { sql: reading === 'full' ? value : MASKS[reading].sql(value), bindings: [] };
    }
    if (reading !== 'full') refuse('a masked object');
    const target = c.types['list' in declared ? declared.list : 'lookup' in declared ? declared.lookup : declared.connection];
    const child = `${target.table[0]}${++c.aliases}`;
    const targetType = objectTypeOf(definition);
    if ('list' in declared) {
      if (alias === undefined || Object.keys(args).length) refuse('a list with arguments');
      const item = objectJson(c, targetType, node.selectionSet!, child);
      return join([
        '(select coalesce(json_agg(', item, ` order by ${declared.orderBy(child)}), '[]'::json) from ${target.table} ${child} where ${declared.on(child, alias!)} and `,
        rowsOf(c, target, child, alias), ')',
      ]);
    }
    if ('lookup' in declared) {
      const where = alias === undefined ? declared.where(child, args) : refuse('a look-up below the root');
      if (!where) return refuse('look-up arguments');
      const item = objectJson(c, targetType, node.selectionSet!, child);
      return join(['(select ', item, ` from ${target.table} ${child} where `, where, ' and ', rowsOf(c, target, child, undefined), ')']);
    }
    return connectionJson(c, declared, target, targetType, node, args, child, alias);
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
  node: FieldNode,
  args: Args,
  child: string,
  parent: string | undefined,
): Piece {
  const { first, after, ...others } = args;
  if (!(declared.accepts ?? ((rest: Args) => Object.values(rest).every((v) => v == null)))(others)) refuse('connection arguments');
  if ((declared.on === undefined) !== (parent === undefined)) refuse('connection placement');
  const { page } = declared;
  const request = pageRequest(page.list, { first: first as number | undefined, after: after as string | undefined }, page.parseKey);
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
    ...(request.after === undefined ? [] : [{ sql: page.after(child), bindings: [request.after as Binding] }]),
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
