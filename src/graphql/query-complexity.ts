import { getNullableType, isListType } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { DEFAULT_PAGE_SIZE } from './pagination';
import type { OperationCheck } from './operation-checks';
import { estimateKey, perDocument } from './per-document';

/** About 25 pages of 100 nested in pages of 100 with ten fields each: far above any partner's real query. */
export const MAX_COMPLEXITY = 250_000;
/** Lists without paging (members of a household, regions under a region, history) hold tens of rows. */
const UNPAGED_LIST_ROWS = 10;

/**
 * A field costs one plus its children, times the rows it can return: `first` for a paged list,
 * a fixed guess for an unpaged one. A page's `edges` are counted by the `first` above them.
 */
const estimateRows: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paged = field.args.some((a) => a.name === 'first');
  const rows = paged ? Number(args.first ?? DEFAULT_PAGE_SIZE) : isListType(getNullableType(field.type)) && field.name !== 'edges' ? UNPAGED_LIST_ROWS : 1;
  return 1 + childComplexity * rows;
};

/** Refuses, before any resolver runs, an operation whose estimated rows exceed the limit: QUERY_TOO_COMPLEX. */
export const limitComplexity: OperationCheck = ({ schema, document, operationName, variables }) => {
  let complexity: number;
  try {
    // Once per document and page sizes: the walk was 3 % of a small request's CPU.
    complexity = perDocument(schema, document, `complexity\u0000${estimateKey(document, operationName, variables)}`, () =>
      getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [estimateRows] }),
    );
  } catch {
    // Variables that do not fit their types: execution refuses them as BAD_USER_INPUT before any resolver runs.
    return;
  }
  if (complexity > MAX_COMPLEXITY) {
    throw new AppError(ErrorCode.QUERY_TOO_COMPLEX, `This query could return about ${complexity} values; the limit is ${MAX_COMPLEXITY}. Ask for smaller pages or fewer nested lists.`, {
      complexity,
      maximum: MAX_COMPLEXITY,
      http: { status: 400 },
    });
  }
};
