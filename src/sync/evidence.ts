import DataLoader from 'dataloader';
import { groupByKey } from '../context/batch';
import type { RequestContext } from '../context/request-context';
import { arrayLiteral } from '../db/array-literal';
import { rows } from '../db/read';
import { rowScopeSql } from '../policy/row-scope';

type EvidenceColumns = { householdId: number; recordedAtMs: number };

/**
 * A sector's records of households as evidence for the registry's own verdicts (household.assurance):
 * read under the household's row rule, not the records' type's, so that a verdict does not depend
 * on which records its reader may list. `sql` takes that rule on `alias` and selects the
 * household's id as "householdId" and recorded_at as "recordedAtMs"; bindings: ids, the scope's.
 */
export function evidenceByHousehold<E extends { recordedAt: Date }>(ctx: RequestContext, alias: string, sql: (scope: string) => string) {
  return new DataLoader<number, E[]>(async (ids) => {
    const scope = rowScopeSql(ctx.caller, 'Household', { alias, code: `${alias}.village_code` });
    const found = await rows<Omit<E, 'recordedAt'> & EvidenceColumns>(ctx, sql(scope.sql), [arrayLiteral(ids), ...scope.bindings]);
    return groupByKey(ids, found, (e) => e.householdId).map((list) =>
      list.map(({ householdId: _h, recordedAtMs, ...e }) => ({ ...e, recordedAt: new Date(recordedAtMs) }) as unknown as E),
    );
  });
}
