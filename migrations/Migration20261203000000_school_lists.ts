import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the education bureau's two lists (控辍保学 out-of-school children, 应助尽助 students
 * without aid; src/modules/education/school-lists.ts), which must not walk a county's members: on
 * the 1,000,000-member data set a list driven from the county's households read 220,000 of them
 * and their members for one page and its count (4-5 s).
 * - Children of an age are a range of birth dates, read in the list's order (birth date, id); the
 *   household id rides in the index, so the count and the row rule on members need no member row.
 * - A member's current enrolment is the latest not retracted (date, then id): one index entry,
 *   holding the status and stage the lists test.
 * - Students are enrolments in school, read by region in the list's order (village code, id).
 * - Aid of an academic year is looked up by member and year.
 */
export class Migration20261203000000_school_lists extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index member_birth_date_index on member (birth_date, id) include (household_id);`);
    this.addSql(`create index enrolment_latest_index on enrolment (member_id, date desc, id desc) include (status, stage) where retracted_at is null;`);
    this.addSql(
      `create index enrolment_in_school_index on enrolment (village_code, id) include (member_id, household_id, date)` +
        ` where retracted_at is null and status in ('ENROLLED', 'SUSPENDED', 'RETURNED');`,
    );
    this.addSql(`create index student_aid_year_index on student_aid (member_id, academic_year) where retracted_at is null;`);
  }
}
