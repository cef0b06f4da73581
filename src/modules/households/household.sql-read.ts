import { fenToYuanSql } from '../../graphql/money.scalar';
import { integerKey } from '../../graphql/pagination';
import { rowScopeSql } from '../../policy/row-scope';
import { column, type SqlReads } from '../../sql-read/declare';
import type { SqlConnection } from '../../sql-read/sql-read';
import { HouseholdOrder } from './household.types';
import { HOUSEHOLD_ORDERS } from './household.service';

const asText = (qualified: string) => `${qualified}::text`;

const BY_ID = HOUSEHOLD_ORDERS[HouseholdOrder.ID];

/** Households in id order, with the cursors of HOUSEHOLD_ORDERS[ID] (household.service.ts), its SQL on any alias. */
const HOUSEHOLD_PAGE: SqlConnection['page'] = {
  list: BY_ID.list,
  key: (h) => `${h}.id`,
  parseKey: BY_ID.parseKey,
  after: (h) => `${h}.id > ?`,
  orderBy: (h) => `${h}.id`,
};

/**
 * The registry's reads in one statement (src/sql-read; docs/reading.md is the guide). Each field
 * answers exactly as its resolver does: a test compares both ways for every role.
 */
export const householdSqlReads: SqlReads = {
  Query: {
    fields: {
      household: {
        lookup: 'Household',
        where: (h, { id }) => {
          const key = typeof id === 'string' ? integerKey(id) : undefined;
          return key === undefined ? undefined : { sql: `${h}.id = ?`, bindings: [key] };
        },
      },
      households: {
        connection: 'Household',
        page: HOUSEHOLD_PAGE,
        accepts: ({ filter, orderBy }) => filter == null && (orderBy == null || orderBy === HouseholdOrder.ID),
      },
    },
  },
  Village: {
    fields: { households: { connection: 'Household', page: HOUSEHOLD_PAGE, on: (h, v) => `${h}.village_code = ${v}.code` } },
  },
  Household: {
    table: 'household',
    rows: (viewer, h) => rowScopeSql(viewer, 'Household', `${h}.village_code`),
    fields: {
      id: column('id', asText),
      number: column('number'),
      groupNo: column('group_no'),
      registrationYear: column('registration_year'),
      status: column('status'),
      exitYear: column('exit_year'),
      category: column('category'),
      causes: column('causes'),
      incomePerCapita: column('income_per_capita_fen', fenToYuanSql),
      version: column('version'),
      members: { list: 'Member', on: (m, h) => `${m}.household_id = ${h}.id`, orderBy: (m) => `${m}.id` },
    },
  },
  Member: {
    table: 'member',
    rows: (viewer, m, h) => {
      // A member's rule is judged on its household's village: read only under a household.
      if (h === undefined) throw new Error('members are read under their household');
      return rowScopeSql(viewer, 'Member', { alias: m, code: `${h}.village_code` });
    },
    fields: {
      id: column('id', asText),
      name: column('name'),
      idNumber: column('id_number'),
      relation: column('relation'),
      sex: column('sex'),
      birthDate: column('birth_date'),
      education: column('education'),
      health: column('health'),
      disabilityGrade: column('disability_grade'),
      labourCapacity: column('labour_capacity'),
      employment: column('employment'),
      version: column('version'),
    },
  },
};
