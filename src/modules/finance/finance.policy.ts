import { Role } from '../../kernel/role';
import { all, type ModulePolicy } from '../../policy/policy';

const { POVERTY_OFFICE, FINANCE, AUDITOR } = Role;
const LOAN_CHECKERS = [POVERTY_OFFICE, FINANCE, AUDITOR];

export const financePolicy: ModulePolicy = {
  types: {
    LoanEligibility: { rows: 'the person looked up, if registered in scope', fields: all(LOAN_CHECKERS, 'idNumber', 'eligible', 'reasons', 'ceiling', 'termMonths', 'checkedOn') },
  },
  fields: {
    Query: {
      loanEligibility: {
        read: LOAN_CHECKERS,
        reason: { zh: '银行只得到资格结论和理由,不见健康、上学情况', en: 'Banks get the verdict and its reasons, nothing about health or schooling' },
      },
      loanEligibilities: {
        read: LOAN_CHECKERS,
        reason: { zh: '批量资格查询,每个身份证号都留痕并计入查询限额', en: 'A batch of checks: each ID number is logged and counts against the look-up budget' },
      },
    },
  },
};
