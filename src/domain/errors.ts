/**
 * The one error type of Ballast and its code registry (docs/conventions.md, "Errors").
 *
 * Every failure a user can cause or meet carries a code from {@link ERROR_CODES}, a message that
 * names the offending input field and value, and optional structured details. Each code's row
 * carries the process exit code (CLI) and the HTTP status (API), so every face maps errors the
 * same way, once; unknown throws are normalised at the boundary with {@link toBallastError}.
 * Domain errors name input fields (`shocks[2].size`), never command-line flags.
 */

/** One row of the registry: what the code means and how each face reports it. */
export interface ErrorCodeRow {
  readonly meaning: string;
  /** Process exit code of the CLI: 2 bad input, 3 not found, 4 data, 5 optimisation, 6 access, 1 bug. */
  readonly exitCode: number;
  /** HTTP status of the API. */
  readonly httpStatus: number;
}

/** Registry of error codes: meaning, exit code, HTTP status. */
export const ERROR_CODES = {
  INVALID_INPUT: {
    meaning: 'An argument, file or field is malformed or out of range.',
    exitCode: 2,
    httpStatus: 400,
  },
  NOT_FOUND: {
    meaning: 'A named thing (file, symbol, lot, fund, exposure) does not exist.',
    exitCode: 3,
    httpStatus: 404,
  },
  CONFLICT: {
    meaning: 'The request contradicts data already stored.',
    exitCode: 2,
    httpStatus: 409,
  },
  DATA_UNAVAILABLE: {
    meaning: 'No provider and no stored data could supply the requested series.',
    exitCode: 4,
    httpStatus: 424,
  },
  DATA_STALE: {
    meaning: 'Only stored data older than requested is available.',
    exitCode: 4,
    httpStatus: 424,
  },
  INSUFFICIENT_DATA: {
    meaning: 'Too few observations for the requested computation.',
    exitCode: 4,
    httpStatus: 422,
  },
  INFEASIBLE: { meaning: 'The constraints admit no solution.', exitCode: 5, httpStatus: 422 },
  UNBOUNDED: {
    meaning: 'The objective is unbounded under the constraints.',
    exitCode: 5,
    httpStatus: 422,
  },
  SOLVER_FAILED: {
    meaning: 'The numerical solver did not converge.',
    exitCode: 5,
    httpStatus: 500,
  },
  NO_ASSET_ABOVE_RISK_FREE: {
    meaning: 'No asset has an expected return above the risk-free rate.',
    exitCode: 5,
    httpStatus: 422,
  },
  RATE_LIMITED: {
    meaning:
      'A rate limit refused the request: a provider’s, or the HTTP API’s own (per key or address).',
    exitCode: 4,
    httpStatus: 429,
  },
  TOO_LARGE: {
    meaning: 'A request body is larger than the limit allowed.',
    exitCode: 2,
    httpStatus: 413,
  },
  UNAUTHORIZED: { meaning: 'Missing or invalid credentials.', exitCode: 6, httpStatus: 401 },
  FORBIDDEN: {
    meaning: 'The credentials are valid but do not allow this (a read-only key writing).',
    exitCode: 6,
    httpStatus: 403,
  },
  UNAVAILABLE: {
    meaning: 'The service cannot do this now (no job queue here, or it is shutting down).',
    exitCode: 1,
    httpStatus: 503,
  },
  INTERNAL: { meaning: 'An unexpected internal failure (a bug).', exitCode: 1, httpStatus: 500 },
} as const satisfies Record<string, ErrorCodeRow>;

/** A code from the registry. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Structured, JSON-serialisable context of an error (file, line, column, value …). */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/** The one error class: a registry code, a human message, structured details and a cause. */
export class BallastError extends Error {
  override readonly name = 'BallastError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  /**
   * @param code - registry code
   * @param message - names the field and the value
   * @param details - structured context (`field`, `value`, `file`, `line` …)
   * @param options - `cause`: the underlying error, kept for diagnosis (never shown as the message)
   */
  // eslint-disable-next-line max-params -- (code, message, details, options) mirrors Error's own (message, options)
  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
    options?: { readonly cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
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

/** Normalises anything thrown into a {@link BallastError} (unknown throws become INTERNAL, with the original as `cause`). */
export function toBallastError(thrown: unknown): BallastError {
  if (thrown instanceof BallastError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new BallastError('INTERNAL', message, {}, { cause: thrown });
}

/** The process exit code of an error code (from its registry row). */
export const exitCodeOf = (code: ErrorCode): number => ERROR_CODES[code].exitCode;

/** The HTTP status of an error code (from its registry row). */
export const httpStatusOf = (code: ErrorCode): number => ERROR_CODES[code].httpStatus;
