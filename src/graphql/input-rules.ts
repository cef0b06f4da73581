import { TEXT, withMaxItems, type TextRule } from '../kernel/text';
import { MAX_BATCH_IDS } from '../rate-limit/person-lookups';
import { MAX_BATCH } from '../sync/limits';

/** A sector's batch mutation's batchId and its retraction's ids and reason (src/sync). */
function batchSyncRules(sync: string, retract: string): Record<string, TextRule> {
  return {
    [`Mutation.${sync}(batchId)`]: TEXT.EXTERNAL_ID,
    [`Mutation.${retract}(externalIds)`]: withMaxItems(TEXT.EXTERNAL_ID, MAX_BATCH),
    [`Mutation.${retract}(reason)`]: TEXT.REASON,
  };
}

/**
 * The text every String argument and input field accepts, by schema coordinate (`Type.field(arg)`
 * for an argument, `Input.field` for an input field). `ID`s need no entry: they are all ids
 * (kernel ID_RULE). Checked once, at the edge, before any resolver runs (input-guard.ts); a
 * String with no entry fails the schema test.
 */
export const INPUT_RULES: Record<string, TextRule> = {
  // Paging and look-ups
  'Query.auditLog(after)': TEXT.CURSOR,
  'Query.households(after)': TEXT.CURSOR,
  'Query.villages(after)': TEXT.CURSOR,
  'Village.households(after)': TEXT.CURSOR,
  'Query.region(code)': TEXT.REGION_CODE,
  'Query.village(code)': TEXT.REGION_CODE,
  'Query.policyParameter(regionCode)': TEXT.REGION_CODE,
  'Query.policyParameters(regionCode)': TEXT.REGION_CODE,
  'AuditLogFilter.regionCode': TEXT.REGION_CODE,
  'AuditLogFilter.entity': TEXT.IDENTIFIER,
  'HouseholdFilter.regionCode': TEXT.REGION_CODE,
  'VillageFilter.regionCode': TEXT.REGION_CODE,
  // People by ID number: each look-up names its purpose
  'Query.accessHistory(idNumber)': TEXT.ID_NUMBER,
  'Query.member(idNumber)': TEXT.ID_NUMBER,
  'Query.member(purpose)': TEXT.PURPOSE,
  'Query.loanEligibility(idNumber)': TEXT.ID_NUMBER,
  'Query.loanEligibility(purpose)': TEXT.PURPOSE,
  'Query.loanEligibilities(idNumbers)': withMaxItems(TEXT.ID_NUMBER, MAX_BATCH_IDS),
  'Query.loanEligibilities(purpose)': TEXT.PURPOSE,
  // Keys and organisations
  'Mutation.createApiKey(name)': TEXT.NAME,
  'RegisterOrganisationInput.name': TEXT.NAME,
  'RegisterOrganisationInput.scopes': withMaxItems(TEXT.REGION_CODE, 20),
  'Mutation.pairOrganisation(villageCode)': TEXT.REGION_CODE,
  // Cadres, work teams, pairings and visits (结对帮扶)
  'CadreInput.name': TEXT.PERSON_NAME,
  'CadreInput.title': TEXT.NAME,
  'Mutation.formWorkTeam(villageCode)': TEXT.REGION_CODE,
  'Mutation.endPairing(reason)': TEXT.REASON,
  'VisitInput.findings': TEXT.SOURCE,
  'VisitInput.measuresDiscussed': TEXT.SOURCE,
  'VisitInput.externalId': TEXT.EXTERNAL_ID,
  ...batchSyncRules('recordVisits', 'retractVisits'),
  'VisitRecord.externalId': TEXT.EXTERNAL_ID,
  'VisitRecord.findings': TEXT.SOURCE,
  'VisitRecord.measuresDiscussed': TEXT.SOURCE,
  'Query.uncoveredHouseholds(regionCode)': TEXT.REGION_CODE,
  'Query.uncoveredHouseholds(after)': TEXT.CURSOR,
  'Query.pairingsWithoutRecentVisit(regionCode)': TEXT.REGION_CODE,
  'Query.pairingsWithoutRecentVisit(after)': TEXT.CURSOR,
  'Query.workTeamsWithoutUnitHeadVisit(regionCode)': TEXT.REGION_CODE,
  'Query.workTeamsWithoutUnitHeadVisit(after)': TEXT.CURSOR,
  'Query.cadresOverLimit(regionCode)': TEXT.REGION_CODE,
  'Query.cadresOverLimit(after)': TEXT.CURSOR,
  // The registry
  'RegisterHouseholdInput.villageCode': TEXT.REGION_CODE,
  'MemberInput.name': TEXT.PERSON_NAME,
  'MemberInput.idNumber': TEXT.ID_NUMBER,
  'MemberPatch.name': TEXT.PERSON_NAME,
  'OverrideInput.justification': TEXT.JUSTIFICATION,
  'StatusChangeInput.reason': TEXT.REASON,
  'Mutation.mergeHouseholds(reason)': TEXT.REASON,
  'Mutation.changeVillageStatus(reason)': TEXT.REASON,
  'Mutation.changeVillageStatus(code)': TEXT.REGION_CODE,
  // Partners' batches (src/sync): every sector's batch mutation takes a batchId, its retraction ids and a reason
  'Mutation.syncStudentAid(batchId)': TEXT.EXTERNAL_ID,
  'Mutation.retractStudentAid(externalIds)': withMaxItems(TEXT.EXTERNAL_ID, MAX_BATCH),
  'Mutation.retractStudentAid(reason)': TEXT.REASON,
  'Mutation.syncEnrolments(batchId)': TEXT.EXTERNAL_ID,
  'Mutation.retractEnrolments(externalIds)': withMaxItems(TEXT.EXTERNAL_ID, MAX_BATCH),
  'Mutation.retractEnrolments(reason)': TEXT.REASON,
  // Education
  'StudentAidRecord.externalId': TEXT.EXTERNAL_ID,
  'StudentAidRecord.idNumber': TEXT.ID_NUMBER,
  'StudentAidRecord.school': TEXT.NAME,
  'StudentAidRecord.academicYear': TEXT.ACADEMIC_YEAR,
  'EnrolmentRecord.externalId': TEXT.EXTERNAL_ID,
  'EnrolmentRecord.idNumber': TEXT.ID_NUMBER,
  'EnrolmentRecord.school': TEXT.NAME,
  'Query.outOfSchoolChildren(regionCode)': TEXT.REGION_CODE,
  'Query.outOfSchoolChildren(after)': TEXT.CURSOR,
  'Query.studentsWithoutAid(academicYear)': TEXT.ACADEMIC_YEAR,
  'Query.studentsWithoutAid(regionCode)': TEXT.REGION_CODE,
  'Query.studentsWithoutAid(after)': TEXT.CURSOR,
  // Donations
  ...batchSyncRules('recordDonations', 'retractDonations'),
  'DonationRecord.externalId': TEXT.EXTERNAL_ID,
  'DonationRecord.villageCode': TEXT.REGION_CODE,
  'DonationRecord.householdNumber': TEXT.HOUSEHOLD_NUMBER,
  'DonationRecord.project': TEXT.NOTICE_LINE,
  'DonationRecord.description': TEXT.NOTICE_LINE,
  'DonationRecord.purpose': TEXT.NOTICE_LINE,
  'DonationRecord.receiptNumber': TEXT.NAME,
  'Query.donationNotice(villageCode)': TEXT.REGION_CODE,
  // Civil affairs
  ...batchSyncRules('recordSocialAssistance', 'retractSocialAssistance'),
  'SocialAssistanceRecord.externalId': TEXT.EXTERNAL_ID,
  'SocialAssistanceRecord.idNumber': TEXT.ID_NUMBER,
  'Query.socialAssistanceMismatches(regionCode)': TEXT.REGION_CODE,
  'Query.socialAssistanceMismatches(after)': TEXT.CURSOR,
  // Housing
  ...batchSyncRules('recordHousingMeasures', 'retractHousingMeasures'),
  'HousingMeasureRecord.externalId': TEXT.EXTERNAL_ID,
  'HousingMeasureRecord.idNumber': TEXT.ID_NUMBER,
  'HousingMeasureRecord.assessor': TEXT.NAME,
  'HousingMeasureRecord.site': TEXT.NAME,
  // Health
  'Mutation.recordInsuranceEnrolments(batchId)': TEXT.EXTERNAL_ID,
  'Mutation.postMedicalClaims(batchId)': TEXT.EXTERNAL_ID,
  'Mutation.recordFamilyDoctorContracts(batchId)': TEXT.EXTERNAL_ID,
  'Mutation.retractInsuranceEnrolments(externalIds)': withMaxItems(TEXT.EXTERNAL_ID, MAX_BATCH),
  'Mutation.retractInsuranceEnrolments(reason)': TEXT.REASON,
  'Mutation.retractMedicalClaims(externalIds)': withMaxItems(TEXT.EXTERNAL_ID, MAX_BATCH),
  'Mutation.retractMedicalClaims(reason)': TEXT.REASON,
  'Mutation.retractFamilyDoctorContracts(externalIds)': withMaxItems(TEXT.EXTERNAL_ID, MAX_BATCH),
  'Mutation.retractFamilyDoctorContracts(reason)': TEXT.REASON,
  'InsuranceEnrolmentRecord.externalId': TEXT.EXTERNAL_ID,
  'InsuranceEnrolmentRecord.idNumber': TEXT.ID_NUMBER,
  'MedicalClaimRecord.externalId': TEXT.EXTERNAL_ID,
  'MedicalClaimRecord.idNumber': TEXT.ID_NUMBER,
  'FamilyDoctorContractRecord.externalId': TEXT.EXTERNAL_ID,
  'FamilyDoctorContractRecord.idNumber': TEXT.ID_NUMBER,
  'MedicalClaimRecord.hospital': TEXT.NAME,
  'FamilyDoctorContractRecord.team': TEXT.NAME,
  // Employment
  'Mutation.recordEmploymentSupport(batchId)': TEXT.EXTERNAL_ID,
  'Mutation.retractEmploymentSupport(externalIds)': withMaxItems(TEXT.EXTERNAL_ID, MAX_BATCH),
  'Mutation.retractEmploymentSupport(reason)': TEXT.REASON,
  'EmploymentSupportRecord.externalId': TEXT.EXTERNAL_ID,
  'EmploymentSupportRecord.idNumber': TEXT.ID_NUMBER,
  'EmploymentSupportRecord.title': TEXT.NAME,
  'EmploymentSupportRecord.certificate': TEXT.NAME,
  // Industry
  'Mutation.recordIndustrySupport(batchId)': TEXT.EXTERNAL_ID,
  'Mutation.retractIndustrySupport(externalIds)': withMaxItems(TEXT.EXTERNAL_ID, MAX_BATCH),
  'Mutation.retractIndustrySupport(reason)': TEXT.REASON,
  'IndustrySupportRecord.externalId': TEXT.EXTERNAL_ID,
  'IndustrySupportRecord.idNumber': TEXT.ID_NUMBER,
  'IndustrySupportRecord.project': TEXT.NAME,
  // Finance
  ...batchSyncRules('recordLoans', 'retractLoans'),
  'MicroLoanRecord.externalId': TEXT.EXTERNAL_ID,
  'MicroLoanRecord.idNumber': TEXT.ID_NUMBER,
  'MicroLoanRecord.loanNumber': TEXT.EXTERNAL_ID,
  'MicroLoanRecord.purpose': TEXT.NAME,
  'Query.householdsWithoutLoans(regionCode)': TEXT.REGION_CODE,
  'Query.householdsWithoutLoans(after)': TEXT.CURSOR,
  'Query.overdueLoans(regionCode)': TEXT.REGION_CODE,
  'Query.overdueLoans(after)': TEXT.CURSOR,
  'Query.loansOfDepartedHouseholds(regionCode)': TEXT.REGION_CODE,
  'Query.loansOfDepartedHouseholds(after)': TEXT.CURSOR,
  // Policy parameters
  'SetPolicyParameterInput.regionPrefix': TEXT.REGION_CODE,
  'SetPolicyParameterInput.value': TEXT.DECIMAL,
  'SetPolicyParameterInput.source': TEXT.SOURCE,
};
