import type { RecordProblem } from '../../sync/sync-kind';
import { RecordErrorCode } from '../../sync/sync.types';
import { HousingMeasureKind } from './housing.enums';
import type { HousingMeasureRecord } from './housing.types';

type KindField = 'grade' | 'assessor' | 'subsidy' | 'completedOn' | 'site';

/** The fields each kind must have, and those it may have; the rest are another kind's and must stay empty. */
const FIELDS: Readonly<Record<HousingMeasureKind, { required: KindField[]; optional: KindField[] }>> = {
  ASSESSMENT: { required: ['grade', 'assessor'], optional: [] },
  RENOVATION: { required: ['subsidy'], optional: ['completedOn'] },
  RELOCATION: { required: ['site'], optional: [] },
};
const ALL: KindField[] = ['grade', 'assessor', 'subsidy', 'completedOn', 'site'];

const invalid = (field: string, message: string): RecordProblem => ({ field, code: RecordErrorCode.INVALID, message });
// A blank text is refused at the edge (src/graphql/input-rules.ts), so a field given is a field with a value.
const given = (r: HousingMeasureRecord, f: KindField) => r[f] != null;

/** Each kind with its own fields and none of the others'; a renovation's subsidy positive, its completion after its start and not in the future. */
export function housingProblems(r: HousingMeasureRecord, today: string): RecordProblem[] {
  const { required, optional } = FIELDS[r.kind];
  const problems = [
    ...required.filter((f) => !given(r, f)).map((f) => invalid(f, `A record of kind ${r.kind} needs ${f}`)),
    ...ALL.filter((f) => !required.includes(f) && !optional.includes(f) && given(r, f)).map((f) => invalid(f, `${f} is not part of a record of kind ${r.kind}: leave it empty`)),
  ];
  if (r.kind !== HousingMeasureKind.RENOVATION) return problems;
  if (r.subsidy != null && r.subsidy <= 0) problems.push(invalid('subsidy', 'A renovation subsidy is a positive amount'));
  if (r.completedOn != null && r.completedOn < r.date) problems.push(invalid('completedOn', `Completed on ${r.completedOn}, before the works started on ${r.date}`));
  if (r.completedOn != null && r.completedOn > today) problems.push(invalid('completedOn', `${r.completedOn} is in the future (today is ${today} in China)`));
  return problems;
}
