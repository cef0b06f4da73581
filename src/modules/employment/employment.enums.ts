import { registerEnumType } from 'type-graphql';

/** The measures of the seeds' 就业扶贫 (seed 002, 推进就业扶贫; DOMAIN.md, Assistance measures). */
export enum EmploymentSupportKind {
  PUBLIC_WELFARE_POST = 'PUBLIC_WELFARE_POST',
  TRANSFER_TRAVEL_SUBSIDY = 'TRANSFER_TRAVEL_SUBSIDY',
  WORKSHOP_JOB = 'WORKSHOP_JOB',
  SKILLS_TRAINING = 'SKILLS_TRAINING',
  START_UP_SUBSIDY = 'START_UP_SUBSIDY',
}

registerEnumType(EmploymentSupportKind, {
  name: 'EmploymentSupportKind',
  description: 'A kind of employment support 就业扶贫',
  valuesConfig: {
    PUBLIC_WELFARE_POST: { description: '公益性岗位 public-welfare post (护林员 forest ranger, 巡河员 river patrol…): amount is the monthly pay' },
    TRANSFER_TRAVEL_SUBSIDY: { description: '一次性转移就业交通补助 one-off travel subsidy for work away from home' },
    WORKSHOP_JOB: { description: '扶贫车间 / 就业扶贫基地 a job in a poverty-alleviation workshop or employment base: amount is the monthly pay' },
    SKILLS_TRAINING: { description: '职业技能培训 skills training: course, hours, certificate; amount is the training subsidy, if any' },
    START_UP_SUBSIDY: { description: '一次性创业补助 one-off start-up subsidy' },
  },
});
