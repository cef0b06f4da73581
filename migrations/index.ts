import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_registry } from './Migration20261123000000_registry';
import { Migration20261123010000_oversight_traces } from './Migration20261123010000_oversight_traces';
import { Migration20261123020000_row_level_security } from './Migration20261123020000_row_level_security';
import { Migration20261123030000_policy_parameters } from './Migration20261123030000_policy_parameters';
import { Migration20261123040000_household_rules } from './Migration20261123040000_household_rules';
import { Migration20261123050000_village_exit } from './Migration20261123050000_village_exit';
import { Migration20261201000000_api_login_role } from './Migration20261201000000_api_login_role';
import { Migration20261201010000_keys_and_organisations_under_rls } from './Migration20261201010000_keys_and_organisations_under_rls';
import { Migration20261201020000_audit_chain } from './Migration20261201020000_audit_chain';
import { Migration20261201100000_rate_limits } from './Migration20261201100000_rate_limits';
import { Migration20261201110000_registration_trace_authors } from './Migration20261201110000_registration_trace_authors';
import { Migration20261201200000_index_usable_scopes } from './Migration20261201200000_index_usable_scopes';
import { Migration20261202000000_batch_sync_education } from './Migration20261202000000_batch_sync_education';
import { Migration20261202010000_health } from './Migration20261202010000_health';
import { Migration20261202020000_audit_chain_per_statement } from './Migration20261202020000_audit_chain_per_statement';
import { Migration20261203000000_school_lists } from './Migration20261203000000_school_lists';
import { Migration20261204000000_civil_affairs } from './Migration20261204000000_civil_affairs';
import { Migration20261204010000_housing } from './Migration20261204010000_housing';
import { Migration20261205000000_employment_industry } from './Migration20261205000000_employment_industry';
import { Migration20261206000000_micro_loans } from './Migration20261206000000_micro_loans';
import { Migration20261206010000_loan_coverage } from './Migration20261206010000_loan_coverage';
import { Migration20261207000000_cadre_pairings } from './Migration20261207000000_cadre_pairings';
import { Migration20261208000000_donations } from './Migration20261208000000_donations';

/**
 * Migrations listed explicitly rather than found by glob, so the same list runs from TypeScript
 * sources, compiled output and tests alike. Append new ones; never edit one that has shipped.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123000000_registry', class: Migration20261123000000_registry },
  { name: 'Migration20261123010000_oversight_traces', class: Migration20261123010000_oversight_traces },
  { name: 'Migration20261123020000_row_level_security', class: Migration20261123020000_row_level_security },
  { name: 'Migration20261123030000_policy_parameters', class: Migration20261123030000_policy_parameters },
  { name: 'Migration20261123040000_household_rules', class: Migration20261123040000_household_rules },
  { name: 'Migration20261123050000_village_exit', class: Migration20261123050000_village_exit },
  { name: 'Migration20261201000000_api_login_role', class: Migration20261201000000_api_login_role },
  { name: 'Migration20261201010000_keys_and_organisations_under_rls', class: Migration20261201010000_keys_and_organisations_under_rls },
  { name: 'Migration20261201020000_audit_chain', class: Migration20261201020000_audit_chain },
  { name: 'Migration20261201100000_rate_limits', class: Migration20261201100000_rate_limits },
  { name: 'Migration20261201110000_registration_trace_authors', class: Migration20261201110000_registration_trace_authors },
  { name: 'Migration20261201200000_index_usable_scopes', class: Migration20261201200000_index_usable_scopes },
  { name: 'Migration20261202000000_batch_sync_education', class: Migration20261202000000_batch_sync_education },
  { name: 'Migration20261202010000_health', class: Migration20261202010000_health },
  { name: 'Migration20261202020000_audit_chain_per_statement', class: Migration20261202020000_audit_chain_per_statement },
  { name: 'Migration20261203000000_school_lists', class: Migration20261203000000_school_lists },
  { name: 'Migration20261204000000_civil_affairs', class: Migration20261204000000_civil_affairs },
  { name: 'Migration20261204010000_housing', class: Migration20261204010000_housing },
  { name: 'Migration20261205000000_employment_industry', class: Migration20261205000000_employment_industry },
  { name: 'Migration20261206000000_micro_loans', class: Migration20261206000000_micro_loans },
  { name: 'Migration20261206010000_loan_coverage', class: Migration20261206010000_loan_coverage },
  { name: 'Migration20261207000000_cadre_pairings', class: Migration20261207000000_cadre_pairings },
  { name: 'Migration20261208000000_donations', class: Migration20261208000000_donations },
];
