import { escapeLiteral } from 'pg';
import type { RequestContext } from '../context/request-context';
import { INLINED, preparedStatementName, readAlone } from './row-security';

/**
 * One bound value. Arrays are left out on purpose: knex would spread one into a list of
 * parameters, which changes the statement's text with its length. Bind an array as one
 * PostgreSQL literal instead: `= any(?::int[])` with `arrayLiteral(ids)`.
 */
export type Binding = string | number | boolean | null;

/**
 * The way to read: fixed SQL text with `?` placeholders, sent with its bindings on the request's
 * own transaction, answered as plain rows. Reads skip MikroORM's entities on purpose: hydrating
 * and registering them in the unit of work was half of the API's CPU time on a list. Entities and
 * the unit of work stay for writes.
 *
 * - The request's transaction carries the caller's scopes, which row-level security checks; a read
 *   on another connection would see nothing (or, as the owner, everything). Outside a transaction
 *   this runs on the entity manager's pool, as `em.execute` does.
 * - Bindings go to PostgreSQL as parameters, not spliced into the text (MikroORM's `execute`
 *   splices them), so the text stays the same whatever the values. The one exception is the
 *   request's first statement, which shares its message with the transaction's opening and so
 *   goes with its values as quoted literals (`inlined`, row-security.ts).
 * - Name the columns as the row type names its properties (`group_no as "groupNo"`), so that the
 *   rows need no mapping, and cast counts (`count(*)::int`): bigint arrives as a string.
 * - The caller's row rule still goes in the SQL (`rowScopeSql`): row-level security keeps only the
 *   county boundary, finer rules are the API's.
 *
 * Worked example: `householdById` and `membersByHousehold` in
 * src/modules/households/household.service.ts; docs/reading.md says how to write one.
 */
export async function rows<T>(ctx: RequestContext, sql: string, bindings: readonly Binding[] = []): Promise<T[]> {
  const knex = ctx.em.getTransactionContext() ?? ctx.em.getConnection().getKnex();
  const result: { rows: T[] } = await knex.raw(sql, bindings as Binding[]).options({ [INLINED]: () => inlined(sql, bindings) });
  return result.rows;
}

/**
 * A read's text made ready once: as written (`?` placeholders, for `rows`), with PostgreSQL's
 * numbered parameters, and the name it is prepared under, a hash of that text.
 */
export type Statement = { sql: string; text: string; name: string };

export function statement(sql: string, bindingCount: number): Statement {
  const text = numbered(sql, bindingCount);
  return { sql, text, name: preparedStatementName(text) };
}

/**
 * A read that is everything its request asks of the database (a query answered by one compiled
 * statement, src/sql-read; a module's `soleStatements`): it goes with the caller's scope in one
 * round trip, as a prepared statement, and no transaction is left to end (`readAlone`,
 * row-security.ts). Inside a request transaction, it is an ordinary `rows`.
 */
export async function soleRead<T>(ctx: RequestContext, read: Statement, bindings: readonly Binding[]): Promise<T[]> {
  const alone = readAlone(ctx.em, ctx.caller, read, bindings) as Promise<T[]> | undefined;
  return alone ?? rows<T>(ctx, read.sql, bindings);
}

/**
 * The statement as one text, for the message that also opens the request's transaction
 * (row-security.ts), where bound parameters cannot go. Each value becomes a quoted literal, which
 * PostgreSQL types from its context exactly as it types a parameter sent as text: the same plan,
 * the same answer.
 */
export function inlined(sql: string, bindings: readonly Binding[]): string {
  return replacePlaceholders(sql, bindings.length, (i) => {
    const value = bindings[i];
    return value === null ? 'null' : escapeLiteral(String(value));
  });
}

/** The statement with PostgreSQL's numbered parameters, as knex would send it. */
const numbered = (sql: string, count: number) => replacePlaceholders(sql, count, (i) => `$${i + 1}`);

/** Placeholders as knex reads them: `\\?` is a question mark, `??` an identifier (refused here). */
function replacePlaceholders(sql: string, count: number, render: (index: number) => string): string {
  let next = 0;
  const text = sql.replace(/\\\?|\?\??/g, (placeholder) => {
    if (placeholder === '\\?') return '?';
    if (placeholder === '??' || next >= count) throw new Error(`a read's placeholders do not match its ${count} bindings`);
    return render(next++);
  });
  if (next !== count) throw new Error(`a read's placeholders do not match its ${count} bindings`);
  return text;
}
