/**
 * SQL that the partners' record tables of issues 12 and 13 share (migrations 2026-12-04 00 to
 * 2026-12-08 00). Frozen with those migrations: a table of another shape, or a later change of
 * shape, is written in a migration or helper of its own, so that no shipped migration's SQL
 * changes when code does. (Education's and health's migrations, shipped before this file, state
 * the same in full.)
 */

export const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** As migration 2026-12-01 20 writes it: an index range first, then the exact prefix test. */
export function inScope(column: string): string {
  return (
    `${column} >= any (jingzhun_scope_prefixes()) and ${column} <= any (jingzhun_scope_upper_bounds())` +
    ` and ${column}::text ^@ any ((select jingzhun_scope_prefixes())::text[])`
  );
}

/**
 * A sector's record table with the bookkeeping columns every record table has (migration
 * 2026-12-02 00, the shape the batch-sync engine writes), the sector's `own` columns between the
 * amount and the retraction, and the indexes the engine and the measures read by.
 */
export function recordTable(table: string, own: string, constraints: readonly string[] = []): string[] {
  return [
    `
      create table ${table} (
        id serial primary key,
        organisation_id integer not null references organisation (id),
        api_key_id integer references api_key (id),
        external_id text not null,
        member_id integer references member (id) on delete set null,
        household_id integer not null references household (id),
        village_code varchar(12) not null,
        date date not null,
        amount_fen integer,
        ${own},
        retracted_at timestamptz,
        retraction_reason text,
        recorded_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        ${['unique (organisation_id, external_id)', ...constraints].join(',\n        ')}
      );`,
    `create index ${table}_member_index on ${table} (member_id, date);`,
    `create index ${table}_household_index on ${table} (household_id, date);`,
    `create index ${table}_village_code_index on ${table} (village_code, id);`,
  ];
}

/**
 * Row-level security of a partner's records: visible in the request's region scopes, as the
 * village is, written only by the request's organisation; nothing is ever deleted.
 */
export function partnerRecordSecurity(table: string): string[] {
  return [
    `alter table ${table} enable row level security;`,
    `create policy ${table}_in_scope on ${table} to jingzhun_app using (${inScope('village_code')}) ` +
      `with check (${inScope('village_code')} and organisation_id = jingzhun_organisation_id());`,
    `revoke delete, truncate on ${table} from jingzhun_app;`,
  ];
}

/** The policy parameters' name check, replaced by one allowing `names`: every name allowed from then on. */
export function allowParameterNames(names: readonly string[]): string[] {
  return [
    `alter table policy_parameter drop constraint policy_parameter_name_check;`,
    `alter table policy_parameter add constraint policy_parameter_name_check check (name in (${names.map(quote).join(', ')}));`,
  ];
}
