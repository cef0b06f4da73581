import { registerEnumType } from 'type-graphql';

/** The policy parameters that vary by year and region; each is a row of policy_parameter, never a constant in code. */
export enum ParameterName {
  POVERTY_LINE = 'POVERTY_LINE',
  LOAN_CEILING = 'LOAN_CEILING',
  LOAN_TERM_MONTHS = 'LOAN_TERM_MONTHS',
  PAIRING_LIMIT = 'PAIRING_LIMIT',
  TOWNSHIP_INCIDENCE_TARGET = 'TOWNSHIP_INCIDENCE_TARGET',
  VILLAGE_EXIT_INCIDENCE_TARGET = 'VILLAGE_EXIT_INCIDENCE_TARGET',
  DONATION_AWARD_COMMITTEE_GROUP = 'DONATION_AWARD_COMMITTEE_GROUP',
  DONATION_AWARD_ASSOCIATION = 'DONATION_AWARD_ASSOCIATION',
  VILLAGE_COLLECTIVE_INCOME_MIN = 'VILLAGE_COLLECTIVE_INCOME_MIN',
  COMPULSORY_SCHOOL_AGE_FROM = 'COMPULSORY_SCHOOL_AGE_FROM',
  COMPULSORY_SCHOOL_AGE_TO = 'COMPULSORY_SCHOOL_AGE_TO',
  SUBSISTENCE_ALLOWANCE_STANDARD = 'SUBSISTENCE_ALLOWANCE_STANDARD',
  SMALL_CELL_MIN_HOUSEHOLDS = 'SMALL_CELL_MIN_HOUSEHOLDS',
}

/** The unit a value is stored in: always an integer in the unit's base. */
export enum ParameterUnit {
  /** 分; shown and written as yuan with two places, "3430.00". */
  FEN = 'FEN',
  /** 1/100 of a percent; shown and written as a percentage, 1.2 % = 120 = "1.2". */
  BASIS_POINTS = 'BASIS_POINTS',
  COUNT = 'COUNT',
  MONTHS = 'MONTHS',
  /** Full years of age. */
  YEARS_OF_AGE = 'YEARS_OF_AGE',
}

/** Each name has one fixed unit. */
export const PARAMETER_UNITS: Readonly<Record<ParameterName, ParameterUnit>> = {
  POVERTY_LINE: ParameterUnit.FEN,
  LOAN_CEILING: ParameterUnit.FEN,
  LOAN_TERM_MONTHS: ParameterUnit.MONTHS,
  PAIRING_LIMIT: ParameterUnit.COUNT,
  TOWNSHIP_INCIDENCE_TARGET: ParameterUnit.BASIS_POINTS,
  VILLAGE_EXIT_INCIDENCE_TARGET: ParameterUnit.BASIS_POINTS,
  DONATION_AWARD_COMMITTEE_GROUP: ParameterUnit.FEN,
  DONATION_AWARD_ASSOCIATION: ParameterUnit.FEN,
  VILLAGE_COLLECTIVE_INCOME_MIN: ParameterUnit.FEN,
  COMPULSORY_SCHOOL_AGE_FROM: ParameterUnit.YEARS_OF_AGE,
  COMPULSORY_SCHOOL_AGE_TO: ParameterUnit.YEARS_OF_AGE,
  SUBSISTENCE_ALLOWANCE_STANDARD: ParameterUnit.FEN,
  SMALL_CELL_MIN_HOUSEHOLDS: ParameterUnit.COUNT,
};

registerEnumType(ParameterName, {
  name: 'ParameterName',
  description: 'A policy parameter that varies by year and region (docs/parameters.md)',
  valuesConfig: {
    POVERTY_LINE: { description: '扶贫标准 poverty line: income per capita per year, yuan' },
    LOAN_CEILING: { description: '扶贫小额信贷 small-loan ceiling, yuan' },
    LOAN_TERM_MONTHS: { description: '扶贫小额信贷 longest small-loan term, months' },
    PAIRING_LIMIT: { description: '每名帮扶责任人结对户数上限 most households one cadre is paired with' },
    TOWNSHIP_INCIDENCE_TARGET: { description: '乡镇贫困发生率目标 township poverty incidence must fall below this percentage' },
    VILLAGE_EXIT_INCIDENCE_TARGET: { description: '贫困村退出 一低: a village exits with poverty incidence below this percentage' },
    DONATION_AWARD_COMMITTEE_GROUP: { description: '捐赠表彰 donations that qualify a CPPCC committee group (委组) for recognition, yuan' },
    DONATION_AWARD_ASSOCIATION: { description: '捐赠表彰 donations that qualify a sub-association, chamber or enterprise for recognition, yuan' },
    VILLAGE_COLLECTIVE_INCOME_MIN: { description: '村集体经营性收入 least collective operating income per year for 有集体经济, yuan' },
    COMPULSORY_SCHOOL_AGE_FROM: { description: '义务教育 youngest compulsory-school age, full years' },
    COMPULSORY_SCHOOL_AGE_TO: { description: '义务教育 oldest compulsory-school age (included), full years' },
    SUBSISTENCE_ALLOWANCE_STANDARD: { description: '农村低保标准 rural minimum living allowance standard, per person per month, yuan: the most one person’s 低保 pays a month' },
    SMALL_CELL_MIN_HOUSEHOLDS: { description: '小数抑制 fewest households a published figure of gifts to households may be computed from; fewer and it is withheld' },
  },
});

registerEnumType(ParameterUnit, {
  name: 'ParameterUnit',
  description: 'How a parameter value is written',
  valuesConfig: {
    FEN: { description: 'money: yuan with two places, "3430.00" (stored as integer fen)' },
    BASIS_POINTS: { description: 'a percentage, "1.2" for 1.2 % (stored as integer basis points, 120)' },
    COUNT: { description: 'a whole number' },
    MONTHS: { description: 'a whole number of months' },
    YEARS_OF_AGE: { description: 'a whole number of years of age' },
  },
});
