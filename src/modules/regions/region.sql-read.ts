import { REGION_CODE_PATTERN } from '../../kernel/region-code';
import { rowScopeSql } from '../../policy/row-scope';
import { column, type SqlReads } from '../../sql-read/declare';

/** A village read in one statement with what is below it (src/sql-read; docs/reading.md). */
export const regionSqlReads: SqlReads = {
  Query: {
    fields: {
      village: {
        lookup: 'Village',
        where: (v, { code }) => (typeof code === 'string' && REGION_CODE_PATTERN.test(code) ? { sql: `${v}.code = ? and ${v}.level = 'VILLAGE'`, bindings: [code] } : undefined),
      },
    },
  },
  Village: {
    table: 'region',
    rows: (viewer, v) => rowScopeSql(viewer, 'Village', `${v}.code`),
    fields: {
      code: column('code'),
      name: column('name'),
      povertyStatus: column('poverty_status'),
      exitYear: column('exit_year'),
      groupCount: column('group_count'),
      agriculturalPopulation: column('agricultural_population'),
    },
  },
};
