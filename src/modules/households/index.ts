/** The public entry of the module: what other modules and the server may use of it (docs/modules.md). */
export { ageOn, type EnrolmentEvidence, type HousingAssessmentEvidence, type InsuranceEvidence } from './assurance';
export { HouseholdStatus } from './household.enums';
export { HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, toHouseholdRow, toMemberRow, type HouseholdColumns, type HouseholdRow, type MemberColumns, type MemberRow } from './household.rows';
export { HouseholdConnection, HouseholdType, MemberType } from './household.types';
export { WORKING_AGES } from './households.policy';
export { Employment, LabourCapacity, SchoolStage } from './member.enums';
export { assertIdNumber, assertPurpose, memberScope } from './member.service';
export { HousingGrade, Verdict } from './registry.enums';
export { OverrideInput } from './registry.types';
