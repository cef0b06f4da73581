import { all, type FieldPolicy, type ModulePolicy } from '../policy/policy';
import { EVERYONE } from '../policy/role-groups';
import { MEASURE_READERS } from './measures';

/**
 * Whoever reads some sector's records lists measures (the roles are the sectors' own readers,
 * gathered by installMeasures), and sees in them only the types it may read, under their row rules.
 */
const MEASURES: FieldPolicy = {
  read: MEASURE_READERS,
  reason: {
    zh: '帮扶措施只列出本部门可读的记录类型,并按各类型的行规则',
    en: 'Measures list only the record types the department may read, under each type’s row rule',
  },
};

/** The engine's answer types: whoever may call a sector's batch mutation reads its whole answer. */
export const syncPolicy: ModulePolicy = {
  types: {
    SyncResult: { rows: 'the batch just sent', fields: all(EVERYONE, 'created', 'updated', 'unchanged', 'retracted', 'rejected', 'discarded', 'replayed') },
    RecordError: { rows: 'as the batch', fields: all(EVERYONE, 'index', 'externalId', 'field', 'code', 'message') },
    MeasureTotal: { rows: 'the records added up, as household.measures lists them', fields: all(MEASURE_READERS, 'sector', 'year', 'amount', 'count') },
  },
  fields: {
    Household: {
      measures: MEASURES,
      measureTotals: {
        read: MEASURE_READERS,
        reason: { zh: '到户资金合计只加本部门可读的记录,并按各类型的行规则', en: 'Totals add only the records the department may read, under each type’s row rule' },
      },
    },
    Member: { measures: MEASURES },
  },
};
