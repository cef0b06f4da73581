/**
 * The part of knex's PostgreSQL transaction (an internal module, knex 3.x) that
 * src/db/row-security.ts extends to open a transaction with its scope in one round trip.
 */
declare module 'knex/lib/dialects/postgres/execution/pg-transaction' {
  import type { Knex } from 'knex';

  type TransactionConfig = { userParams: Record<string, unknown>; doNotRejectOnRollback: boolean };

  class PgTransaction {
    constructor(client: Knex.Client, container: (trx: Knex.Transaction) => void, config: TransactionConfig);
    trxClient: { query(connection: unknown, sql: string): Promise<unknown> };
    begin(connection: unknown): Promise<unknown>;
    catch(onRejected: (error: unknown) => void): Promise<unknown>;
  }

  export = PgTransaction;
}
