/**
 * The messages between the solve pool (`solve-pool.ts`) and its workers (`solve-worker.ts`).
 * Everything crosses the thread boundary by structured clone: plain objects, numbers, strings
 * and Float64Arrays (a `Matrix` is a plain `{ rows, cols, data }` object), so a job is sent as
 * is and a result comes back as is. Errors are not cloneable with their class, so a worker sends
 * `{ code, message, details }` and the pool rebuilds the BallastError with the same code and
 * message ({@link decodeError}).
 */

import { BallastError, toBallastError, type ErrorCode } from '../app/errors.ts';
import type { OptimizationProblem, OptimizationResult } from '../app/solve.ts';

/** One solve: the problem of the domain's `optimize(highs, problem)`. */
export interface SolveJob {
  readonly problem: OptimizationProblem;
}

/** Pool → worker: run job `id`. */
export interface SolveRequest {
  readonly id: number;
  readonly job: SolveJob;
}

/** A BallastError in its cloneable wire shape. */
export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Worker → pool: the result of job `id`, or its error. */
export type SolveResponse =
  | { readonly id: number; readonly ok: true; readonly result: OptimizationResult }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/**
 * The wire shape of anything thrown (non-BallastErrors become INTERNAL, as at the CLI
 * boundary). Details that cannot be cloned (functions, class instances) are dropped through a
 * JSON round trip, the same representation the CLI's JSON output uses.
 */
export function encodeError(thrown: unknown): WireError {
  const error = toBallastError(thrown);
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(JSON.stringify(error.details)) as Record<string, unknown>;
  } catch {
    details = {};
  }
  return { code: error.code, message: error.message, details };
}

/** The BallastError of a {@link WireError}: same code, message and (JSON) details. */
export function decodeError(wire: WireError): BallastError {
  return new BallastError(wire.code, wire.message, wire.details);
}
