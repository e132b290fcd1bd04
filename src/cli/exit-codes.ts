import type { ErrorCode } from '../domain/errors';

/**
 * Process exit code per error class: 2 bad input, 3 not found, 4 data problems, 5 optimisation
 * outcomes, 6 access, 1 internal. Scripts can branch on these.
 */
export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  INVALID_INPUT: 2,
  NOT_FOUND: 3,
  CONFLICT: 2,
  DATA_UNAVAILABLE: 4,
  DATA_STALE: 4,
  INSUFFICIENT_DATA: 4,
  RATE_LIMITED: 4,
  INFEASIBLE: 5,
  UNBOUNDED: 5,
  SOLVER_FAILED: 5,
  NO_ASSET_ABOVE_RISK_FREE: 5,
  UNAUTHORIZED: 6,
  INTERNAL: 1,
};
