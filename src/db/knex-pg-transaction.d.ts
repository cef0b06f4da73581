/**
 * The part of knex's PostgreSQL transaction (an internal module, knex 3.x) that
 * src/db/row-security.ts extends to open a transaction with its scope in its first statement's message.
 */
declare module 'knex/lib/dialects/postgres/execution/pg-transaction' {
  import type { Knex } from 'knex';

  /** What knex hands its driver: the text (PostgreSQL's $1 placeholders), the values, extra options, and afterwards the response. */
  type SentQuery = { sql: string; bindings?: unknown[]; options?: Record<string, unknown>; response?: unknown };

  type TransactionConfig = { userParams: Record<string, unknown>; doNotRejectOnRollback: boolean };

  class PgTransaction {
    constructor(client: Knex.Client, container: (trx: Knex.Transaction) => void, config: TransactionConfig);
    trxClient: Knex.Client & {
      query(connection: unknown, sql: string): Promise<unknown>;
      _query(connection: unknown, query: SentQuery): Promise<SentQuery>;
    };
    begin(connection: unknown): Promise<unknown>;
    /** Sends a transaction statement; `status` 1 completes it, 2 fails it with `value`. */
    query(connection: unknown, sql: string, status?: number, value?: unknown): Promise<unknown>;
    _completed: boolean;
    _resolver(value?: unknown): void;
    _rejecter(error: unknown): void;
    catch(onRejected: (error: unknown) => void): Promise<unknown>;
  }

  export = PgTransaction;
}
