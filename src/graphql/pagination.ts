import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from '../errors/app-error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor of the last edge already seen' })
  after?: string;
}

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A validated page request: how many rows, and the key to continue after. */
export type PageRequest<K> = { first: number; after?: K };

export type Page<T> = { nodes: T[]; hasNextPage: boolean; totalCount: () => Promise<number> };

/**
 * Cursors are opaque to partners but carry the list's name, so a cursor from one list handed to
 * another is refused instead of silently paging from a meaningless key.
 */
export function encodeCursor(list: string, key: string | number): string {
  return Buffer.from(`${list}:${key}`, 'utf8').toString('base64url');
}

function decodeCursor(list: string, cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${list}:`;
  if (!decoded.startsWith(prefix) || decoded.length === prefix.length) {
    throw badUserInput('after is not a cursor from this list', 'after');
  }
  return decoded.slice(prefix.length);
}

export function pageRequest(list: string, args: PageArgs, parseKey: (raw: string) => string | number | undefined) {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  if (args.after === undefined || args.after === null) return { first };
  const after = parseKey(decodeCursor(list, args.after));
  if (after === undefined) throw badUserInput('after is not a cursor from this list', 'after');
  return { first, after };
}

export const integerKey = (raw: string) => (/^\d{1,10}$/.test(raw) ? Number(raw) : undefined);

/** Rows fetched with limit first + 1: the extra row only says whether another page exists. */
export function toPage<T>(rows: T[], first: number, totalCount: () => Promise<number>): Page<T> {
  return { nodes: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
}

/** One Relay connection type per node type; totalCount is counted only when a query asks for it. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { description: 'Rows matching the filter within your scope, over all pages' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionClass;
}

/** Fills a connection type with a page; nodes are entities whose fields the node type's resolvers read. */
export function toConnection<T, C extends object>(
  connectionClass: new () => C,
  list: string,
  page: Page<T>,
  keyOf: (node: T) => string | number,
): C {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(list, keyOf(node)), node }));
  const connection = new connectionClass();
  Object.assign(connection, {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    count: page.totalCount,
  });
  return connection;
}
