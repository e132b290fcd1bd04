/**
 * The one error type of Ballast and its code registry (FINANCE.md, "Errors").
 *
 * Every failure a user can cause or meet carries a code from {@link ERROR_CODES}, a message that
 * names the offending field and value, and optional structured details. Boundaries (CLI, HTTP)
 * map codes to exit codes / statuses once; unknown throws are normalised there with
 * {@link toBallastError}.
 */

/** Registry of error codes, each with a one-line meaning. */
export const ERROR_CODES = {
  INVALID_INPUT: 'An argument, file or field is malformed or out of range.',
  NOT_FOUND: 'A named thing (file, symbol, lot, fund, exposure) does not exist.',
  CONFLICT: 'The request contradicts data already stored.',
  DATA_UNAVAILABLE: 'No provider and no stored data could supply the requested series.',
  DATA_STALE: 'Only stored data older than requested is available.',
  INSUFFICIENT_DATA: 'Too few observations for the requested computation.',
  INFEASIBLE: 'The constraints admit no solution.',
  UNBOUNDED: 'The objective is unbounded under the constraints.',
  SOLVER_FAILED: 'The numerical solver did not converge.',
  NO_ASSET_ABOVE_RISK_FREE: 'No asset has an expected return above the risk-free rate.',
  RATE_LIMITED: 'A provider refused the request because of its rate limit.',
  UNAUTHORIZED: 'Missing or invalid credentials.',
  INTERNAL: 'An unexpected internal failure (a bug).',
} as const;

/** A code from the registry. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Structured, JSON-serialisable context of an error (file, line, column, value …). */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/** The one error class: a registry code, a human message and structured details. */
export class BallastError extends Error {
  override readonly name = 'BallastError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }

  /** The wire shape `{ code, message, details }` used by the CLI's JSON output and the API. */
  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Shorthand for the most common error: bad input naming the field and the value. */
export function invalidInput(field: string, value: unknown, why: string): BallastError {
  return new BallastError('INVALID_INPUT', `${field}: ${why} (got ${JSON.stringify(value)})`, {
    field,
    value,
  });
}

/** Normalises anything thrown into a {@link BallastError} (unknown throws become INTERNAL). */
export function toBallastError(thrown: unknown): BallastError {
  if (thrown instanceof BallastError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new BallastError('INTERNAL', message);
}
