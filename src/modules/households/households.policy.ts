import { Role } from '../../kernel/role';
import { all, connection, type ModulePolicy } from '../../policy/policy';
import { HEALTH_READERS, IDENTITY_READERS, INCOME_READERS, OVERSIGHT, REGISTRY_READERS, VISIT_READERS } from '../../policy/role-groups';
import { agedBetween, allOf, inCallersRecords, inRegionScopes, pairedWithCallersCadres, partnerRecords } from '../../policy/row-rules';

const { POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, HOUSING, EMPLOYMENT, AUDITOR } = Role;

/**
 * The education bureau and schools read the people they teach or aid, not their parents: members
 * aged 3 to 25, preschool to the end of a first degree (issue 11: "members of school age …, not
 * adults' ID numbers"). Aid to an older student is still accepted from them (a write needs no read),
 * but that member is not shown back.
 */
export const SCHOOL_AGE = agedBetween(3, 25);

/**
 * Working age, full years, both included: from 16, below which no one may be employed (劳动法 第十五条),
 * to 65, the oldest a public-welfare post is commonly filled to. The seeds give no ages. The
 * employment bureau records support for members of these ages (employment.rules.ts) and reads no
 * one else: not the children and the old of the households it works with.
 */
export const WORKING_AGES: readonly [number, number] = [16, 65];

/**
 * A bank reads its own borrowers (issue 12): the households its loans (micro_loan) name and, of
 * them, the borrowers themselves, not their families. What it needs of anyone else, an applicant
 * or a borrower's household, is loanEligibility's verdict. A repaid loan keeps its borrower; a
 * retracted one was never made.
 */
const BORROWING_HOUSEHOLDS = allOf(
  inRegionScopes,
  inCallersRecords(partnerRecords('micro_loan', 'household_id', { widelyHeld: true }), 'id', "a loan the caller's bank recorded and has not retracted is the household's (micro_loan.household_id)"),
);
const BORROWERS = allOf(
  inRegionScopes,
  inCallersRecords(partnerRecords('micro_loan', 'member_id', { widelyHeld: true }), 'id', "the member borrowed a loan the caller's bank recorded and has not retracted (micro_loan.member_id)"),
);

export const householdsPolicy: ModulePolicy = {
  types: {
    Household: {
      rows: { default: inRegionScopes, byRole: { FINANCE: BORROWING_HOUSEHOLDS, BACKING_UNIT: allOf(inRegionScopes, pairedWithCallersCadres()) } },
      fields: {
        ...all(VISIT_READERS, 'id', 'number', 'groupNo', 'status', 'village', 'members', 'head'),
        ...all(REGISTRY_READERS, 'registrationYear', 'exitYear', 'category', 'version'),
        causes: {
          read: [POVERTY_OFFICE, CIVIL_AFFAIRS, AUDITOR],
          reason: { zh: '致贫原因可推断疾病和残疾,仅扶贫、民政和审计可见', en: 'Causes reveal illness and disability; only poverty office, civil affairs and audit' },
        },
        incomePerCapita: {
          read: INCOME_READERS,
          reason: { zh: '收入只给需要核定低保和脱贫的部门', en: 'Income only to those who assess subsistence allowance and exit' },
        },
        ...all(INCOME_READERS, 'foodAndClothingSecure', 'safeDrinkingWater', 'priorityScore', 'statusHistory'),
        housingGrade: { read: [...INCOME_READERS, HOUSING] },
        assurance: {
          read: INCOME_READERS,
          reason: { zh: '脱贫核验涉及收入、医保和在校情况', en: 'The exit test rests on income, insurance and schooling records' },
        },
        identification: { read: OVERSIGHT },
      },
    },
    StatusChange: {
      rows: 'history of households the caller can see',
      fields: all(INCOME_READERS, 'kind', 'fromStatus', 'toStatus', 'reason', 'effectiveDate', 'organisation', 'overrideJustification', 'failedItems', 'recordedAt'),
    },
    Assurance: { rows: 'as the household', fields: all(INCOME_READERS, 'year', 'passed', 'items') },
    AssuranceItem: { rows: 'as the household', fields: all(INCOME_READERS, 'item', 'verdict', 'evidence') },
    AssuranceEvidence: { rows: 'as the household', fields: all(INCOME_READERS, 'source', 'department', 'recordedAt', 'detail') },
    Identification: { rows: 'as the household', fields: all(OVERSIGHT, 'excludedBy', 'overrideJustification', 'priorityScore', 'durableGoods', 'assessedAt') },
    ...connection('Household', VISIT_READERS),
    Member: {
      rows: {
        default: inRegionScopes,
        byRole: {
          EDUCATION: allOf(inRegionScopes, SCHOOL_AGE),
          FINANCE: BORROWERS,
          EMPLOYMENT: allOf(inRegionScopes, agedBetween(...WORKING_AGES)),
          BACKING_UNIT: allOf(inRegionScopes, pairedWithCallersCadres('household_id')),
        },
      },
      fields: {
        ...all(VISIT_READERS, 'id', 'name', 'relation', 'sex', 'ageGroup', 'household'),
        birthDate: {
          read: IDENTITY_READERS,
          reason: { zh: '住建见脱敏身份证号,出生日期即被隐去的部分,故只给年龄段', en: 'Housing sees ID numbers masked, whose hidden part is the birth date: it gets the age group instead' },
        },
        idNumber: {
          read: IDENTITY_READERS,
          masked: { roles: [HOUSING], mask: 'idNumber' },
          reason: { zh: '住建按户工作,只见脱敏身份证号', en: 'Housing works by household and sees ID numbers masked' },
        },
        education: { read: [POVERTY_OFFICE, EDUCATION, EMPLOYMENT, AUDITOR] },
        schoolStage: { read: [POVERTY_OFFICE, EDUCATION, AUDITOR] },
        health: {
          read: HEALTH_READERS,
          reason: { zh: '健康状况是敏感个人信息,银行、学校、住建、人社不可见', en: 'Health is sensitive personal data: not for banks, schools, housing or employment' },
        },
        disabilityGrade: { read: HEALTH_READERS },
        labourCapacity: {
          read: [POVERTY_OFFICE, FINANCE, EMPLOYMENT, CIVIL_AFFAIRS, AUDITOR],
          reason: { zh: '银行据劳动能力判断小额信贷资格', en: 'Banks judge small-loan eligibility by labour capacity' },
        },
        employment: { read: [POVERTY_OFFICE, EMPLOYMENT, CIVIL_AFFAIRS, AUDITOR] },
        medicalInsurance: { read: [POVERTY_OFFICE, HEALTH, CIVIL_AFFAIRS, AUDITOR] },
        version: { read: REGISTRY_READERS },
      },
    },
  },
  fields: {
    Query: {
      ...all(VISIT_READERS, 'households', 'household'),
      member: {
        read: IDENTITY_READERS,
        reason: { zh: '按身份证号查人须说明用途并留痕', en: 'Looking a person up by ID number needs a stated purpose and is logged' },
      },
    },
    Mutation: all([POVERTY_OFFICE], 'registerHousehold', 'updateHousehold', 'changeHouseholdStatus', 'addMember', 'updateMember', 'removeMember', 'mergeHouseholds'),
    Village: {
      households: {
        read: REGISTRY_READERS,
        reason: { zh: '捐赠方只看结对村和汇总数据,不看具体农户', en: 'Donors see paired villages and aggregates, never individual households' },
      },
    },
  },
  filters: {
    HouseholdFilter: {
      regionCode: 'Household.village',
      status: 'Household.status',
      category: 'Household.category',
      cause: 'Household.causes',
    },
  },
  orderings: {
    HouseholdOrder: { ID: 'Household.id', PRIORITY: 'Household.priorityScore' },
  },
};
