import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_registry } from './Migration20261123000000_registry';
import { Migration20261123010000_oversight_traces } from './Migration20261123010000_oversight_traces';
import { Migration20261123020000_row_level_security } from './Migration20261123020000_row_level_security';
import { Migration20261201000000_api_login_role } from './Migration20261201000000_api_login_role';
import { Migration20261201010000_keys_and_organisations_under_rls } from './Migration20261201010000_keys_and_organisations_under_rls';
import { Migration20261201100000_rate_limits } from './Migration20261201100000_rate_limits';
import { Migration20261201110000_registration_trace_authors } from './Migration20261201110000_registration_trace_authors';
import { Migration20261201200000_index_usable_scopes } from './Migration20261201200000_index_usable_scopes';
import { Migration20261205000000_employment_industry } from './Migration20261205000000_employment_industry';
import { modules } from '../src/modules';

/**
 * The migrations no one module owns: the registry's foundation, row-level security and the API's
 * role, the rate limits, and those that made several modules' tables at once. A module's own are
 * declared in its module file (`migrations`), never here.
 */
const CORE_MIGRATIONS = [
  Migration20261123000000_registry,
  Migration20261123010000_oversight_traces,
  Migration20261123020000_row_level_security,
  Migration20261201000000_api_login_role,
  Migration20261201010000_keys_and_organisations_under_rls,
  Migration20261201100000_rate_limits,
  Migration20261201110000_registration_trace_authors,
  Migration20261201200000_index_usable_scopes,
  Migration20261205000000_employment_industry,
];

/**
 * Every migration, the core's and each module's, in the order of the timestamps in their names:
 * the order they were written and shipped in. A migration's name is its class's, which is its
 * file's; MikroORM records it in mikro_orm_migrations, so a shipped one keeps it for good.
 * Listed rather than found by glob, so the same list runs from TypeScript sources, compiled
 * output and tests alike. Never edit a migration that has shipped.
 */
export function inTimestampOrder(classes: readonly MigrationObject['class'][]): MigrationObject[] {
  const list = classes.map((cls) => ({ name: cls.name, class: cls })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const twice = list.find((m, i) => i > 0 && list[i - 1].name === m.name);
  if (twice) throw new Error(`Migration ${twice.name} is declared twice`);
  return list;
}

export const migrationsList: MigrationObject[] = inTimestampOrder([...CORE_MIGRATIONS, ...modules.flatMap((m) => m.migrations ?? [])]);
