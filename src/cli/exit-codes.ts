import { ERROR_CODES, type ErrorCode } from '../app/errors.ts';

/**
 * Process exit code per error class, read from the error registry's rows: 2 bad input, 3 not
 * found, 4 data problems, 5 optimisation outcomes, 6 access, 1 internal. Scripts can branch on
 * these.
 */
export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = Object.fromEntries(
  Object.entries(ERROR_CODES).map(([code, row]) => [code, row.exitCode]),
) as Record<ErrorCode, number>;
