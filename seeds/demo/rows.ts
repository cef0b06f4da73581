import type { Role } from '../../src/kernel/role';
import type {
  HouseholdCategory,
  HouseholdStatus,
  PovertyCause,
} from '../../src/modules/households/household.enums';
import type {
  Education,
  Employment,
  Health,
  LabourCapacity,
  Relation,
  SchoolStage,
  Sex,
} from '../../src/modules/households/member.enums';
import type { HousingGrade } from '../../src/modules/households/registry.enums';
import type { RegionLevel, VillagePovertyStatus } from '../../src/modules/regions/region.enums';

/** One row of each table as the generator makes it; field names follow the columns in camel case. */

export type RegionRow = {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  village: VillageFacts | null;
};

export type VillageFacts = {
  povertyStatus: VillagePovertyStatus;
  exitYear: number | null;
  groupCount: number;
  hasCultureRoom: boolean;
  hasClinic: boolean;
  hasTelecom: boolean;
  hasHardenedRoad: boolean;
  hasCollectiveEconomy: boolean;
  collectiveIncomeFen: number;
  /** 农业户籍人口; drawn once the village's households are known (see planRegions). */
  agriculturalPopulation: number | null;
};

export type OrganisationRow = { id: number; name: string; role: Role; scopes: string[] };

export type PairingRow = { organisationId: number; villageCode: string };

export type ApiKeyRow = { id: number; organisationId: number; prefix: string; keyHash: string; name: string };

export type HouseholdRow = {
  id: number;
  number: string;
  villageCode: string;
  groupNo: number;
  registrationYear: number;
  status: HouseholdStatus;
  exitYear: number | null;
  category: HouseholdCategory;
  /** The main cause (主要致贫原因) first, then the others. */
  causes: PovertyCause[];
  incomePerCapitaFen: number;
  foodAndClothingSecure: boolean | null;
  safeDrinkingWater: boolean | null;
  housingGrade: HousingGrade | null;
};

export type MemberRow = {
  id: number;
  householdId: number;
  name: string;
  idNumber: string;
  relation: Relation;
  sex: Sex;
  birthDate: string;
  education: Education;
  schoolStage: SchoolStage;
  health: Health;
  disabilityGrade: number | null;
  labourCapacity: LabourCapacity;
  employment: Employment;
  medicalInsurance: boolean;
};

export type HouseholdBatch = { households: HouseholdRow[]; members: MemberRow[] };
