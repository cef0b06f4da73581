import { defineMatrix, query } from '../../../test/matrix-routes';

export const matrix = defineMatrix({
  routes: (f) => ({
    LoanEligibility: query({ field: 'loanEligibility', args: `(idNumber: "${f.idNumber}", purpose: "permission matrix test")` }),
    'Query.loanEligibilities': query({ field: 'loanEligibilities', args: `(idNumbers: ["${f.idNumber}"], purpose: "permission matrix test")` }),
  }),
});
