import { chinaToday } from '../../config/clock';
import { defineSyncKind } from '../../sync/sync-kind';
import { aidProblems, enrolmentProblems } from './education.rules';
import type { EnrolmentRecord, StudentAidRecord } from './education.types';

/** Student aid as the batch-sync engine writes it (table student_aid, migration 2026-12-02 00). */
export const STUDENT_AID = defineSyncKind<StudentAidRecord>({
  entity: 'StudentAid',
  operation: 'syncStudentAid',
  retraction: 'retractStudentAid',
  table: 'student_aid',
  columns: [
    { name: 'kind', type: 'text' },
    { name: 'school', type: 'text' },
    { name: 'academic_year', type: 'text' },
    { name: 'term', type: 'text' },
    { name: 'days', type: 'integer' },
  ],
  values: (r) => ({ kind: r.kind, school: r.school.trim(), academic_year: r.academicYear, term: r.term, days: r.days ?? null }),
  date: (r) => r.paidOn,
  dateField: 'paidOn',
  amountFen: (r) => r.amount,
  check: (r, person) => aidProblems(r, person, chinaToday()),
});

/** Enrolments (table enrolment): no money moves, so no amount and nothing for control amounts. */
export const ENROLMENT = defineSyncKind<EnrolmentRecord>({
  entity: 'Enrolment',
  operation: 'syncEnrolments',
  retraction: 'retractEnrolments',
  table: 'enrolment',
  columns: [
    { name: 'school', type: 'text' },
    { name: 'stage', type: 'text' },
    { name: 'grade', type: 'integer' },
    { name: 'status', type: 'text' },
  ],
  values: (r) => ({ school: r.school.trim(), stage: r.stage, grade: r.grade, status: r.status }),
  date: (r) => r.statusDate,
  dateField: 'statusDate',
  amountFen: () => null,
  check: (r, person) => enrolmentProblems(r, person),
});
