import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MoneyScalar } from '../../graphql/money.scalar';
import { ConnectionType } from '../../graphql/pagination';
import { AssistanceMeasure } from '../../sync/measure.types';
import { MemberType, SchoolStage } from '../households';
import { EnrolmentStatus, StudentAidKind, Term } from './education.enums';

@InputType('StudentAidRecord', { description: 'One student aid payment 学生资助 as the education bureau or a school holds it' })
export class StudentAidRecord {
  @Field(() => String, { description: 'Your own id for this record: sending it again updates it, or changes nothing' })
  externalId!: string;

  @Field(() => String, { description: "The student's 居民身份证号" })
  idNumber!: string;

  @Field(() => StudentAidKind)
  kind!: StudentAidKind;

  @Field(() => String, { description: 'School 学校' })
  school!: string;

  @Field(() => String, { description: 'Academic year 学年, "2026-2027"' })
  academicYear!: string;

  @Field(() => Term)
  term!: Term;

  @Field(() => MoneyScalar, { description: 'Amount paid or waived, in yuan' })
  amount!: number;

  @Field(() => Int, { nullable: true, description: 'School days paid for: required for NUTRITION_MEALS (4 yuan a day)' })
  days?: number | null;

  @Field(() => LocalDateResolver, { description: 'Day paid 发放日期, not in the future' })
  paidOn!: string;
}

@InputType('EnrolmentRecord', { description: "A pupil's enrolment status 学籍 (控辍保学) as the school holds it" })
export class EnrolmentRecord {
  @Field(() => String, { description: 'Your own id for this record: sending it again updates it, or changes nothing' })
  externalId!: string;

  @Field(() => String, { description: "The pupil's 居民身份证号" })
  idNumber!: string;

  @Field(() => String, { description: 'School 学校' })
  school!: string;

  @Field(() => SchoolStage, { description: 'The stage the pupil is at (not NOT_IN_SCHOOL: a dropout is a status)' })
  stage!: SchoolStage;

  @Field(() => Int, { description: 'Grade within the stage 年级, from 1' })
  grade!: number;

  @Field(() => EnrolmentStatus)
  status!: EnrolmentStatus;

  @Field(() => LocalDateResolver, { description: 'Day the status took effect, not in the future' })
  statusDate!: string;
}

@ObjectType('StudentAid', { implements: AssistanceMeasure, description: 'Student aid 学生资助 paid to a member of a registered household' })
export class StudentAidType extends AssistanceMeasure {
  @Field(() => StudentAidKind)
  aidKind!: StudentAidKind;

  @Field(() => String)
  school!: string;

  @Field(() => String, { description: '学年, "2026-2027"' })
  academicYear!: string;

  @Field(() => Term)
  term!: Term;

  @Field(() => Int, { nullable: true, description: 'School days paid for (nutrition meals)' })
  days!: number | null;
}

@ObjectType('Enrolment', { implements: AssistanceMeasure, description: "A pupil's enrolment status 学籍; the latest is the member's school stage" })
export class EnrolmentType extends AssistanceMeasure {
  @Field(() => String)
  school!: string;

  @Field(() => SchoolStage)
  stage!: SchoolStage;

  @Field(() => Int)
  grade!: number;

  @Field(() => EnrolmentStatus)
  status!: EnrolmentStatus;
}

/** The two lists of the seeds (控辍保学, 应助尽助): pages of members, each under the caller's row rule and field rules on Member. */
export const PupilConnection = ConnectionType(MemberType, 'Pupil', 'A page of children and students of registered households within your scope');
