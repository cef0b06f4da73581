import { Role } from '../../kernel/role';
import { all, connection, type ModulePolicy } from '../../policy/policy';
import { PARTNER_RECORD_ROWS, REGION_ROWS } from '../../policy/row-rules';
import { MEASURE_FIELDS } from '../../sync/measure.types';

const { POVERTY_OFFICE, FINANCE, AUDITOR } = Role;
const LOAN_CHECKERS = [POVERTY_OFFICE, FINANCE, AUDITOR];

/**
 * Who reads loans: a bank only those it recorded (PARTNER_RECORD_ROWS: what its organisation
 * wrote), so another bank's loans, and so which bank lent, never reach it; the poverty office and
 * audit all of their region's.
 */
const LOAN_READERS = [POVERTY_OFFICE, FINANCE, AUDITOR];
/** The coverage lists are the poverty office's to act on (应贷尽贷, loans to watch) and audit's to see acted on; a bank would learn of other banks' loans. */
const COVERAGE_READERS = [POVERTY_OFFICE, AUDITOR];
const COVERAGE_REASON = {
  zh: '小额信贷覆盖和风险名单交扶贫办跟进,审计可见;银行不得见他行贷款',
  en: 'Loan coverage and risk lists are for the poverty office to act on and audit to see; a bank may not see other banks’ loans',
};

export const financePolicy: ModulePolicy = {
  types: {
    // Anyone registered in the bank's region, borrower or not yet: an applicant is checked before the first loan, and the verdict tells nothing else of them.
    LoanEligibility: { rows: REGION_ROWS, fields: all(LOAN_CHECKERS, 'idNumber', 'eligible', 'verdict', 'reasons', 'ceiling', 'termMonths', 'checkedOn') },
    MicroLoan: {
      rows: PARTNER_RECORD_ROWS,
      fields: all(LOAN_READERS, ...MEASURE_FIELDS, 'loanNumber', 'event', 'termMonths', 'rateBasisPoints', 'purpose', 'interestSubsidised', 'overdueDays'),
    },
    ...connection('OverdueLoan', COVERAGE_READERS),
    ...connection('DepartedHouseholdLoan', COVERAGE_READERS),
  },
  fields: {
    Query: {
      loanEligibility: {
        read: LOAN_CHECKERS,
        reason: { zh: '银行只得到资格结论、理由和剩余额度,不见健康、上学情况,也不见他行', en: 'Banks get the verdict, its reasons and the ceiling left, nothing about health or schooling, nor which other bank lent' },
      },
      loanEligibilities: {
        read: LOAN_CHECKERS,
        reason: { zh: '批量资格查询,每个身份证号都留痕并计入查询限额', en: 'A batch of checks: each ID number is logged and counts against the look-up budget' },
      },
      householdsWithoutLoans: { read: COVERAGE_READERS, reason: COVERAGE_REASON },
      overdueLoans: { read: COVERAGE_READERS, reason: COVERAGE_REASON },
      loansOfDepartedHouseholds: { read: COVERAGE_READERS, reason: COVERAGE_REASON },
    },
    Mutation: all([FINANCE], 'recordLoans', 'retractLoans'),
    Member: {
      microLoans: {
        read: LOAN_READERS,
        reason: { zh: '小额信贷记录只给放贷银行(本行所录)、扶贫办和审计', en: 'Small loans are for the lending bank (its own), the poverty office and audit' },
      },
    },
  },
};
