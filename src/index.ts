/**
 * Ballast as a library: the use cases the CLI and the HTTP API run, and the finance they are
 * built on. Subpath exports (`ballast/optimize`, `ballast/analytics`, `ballast/ledger`, …) give
 * the domain modules on their own.
 *
 * @example
 * ```ts
 * import { positions } from 'ballast';
 * const doc = positions({ transactions: { path: 'ledger.csv' } });
 * ```
 */

export { BallastError, ERROR_CODES, type ErrorCode } from './domain/errors.ts';
export type { Warning } from './domain/warnings.ts';
export { createDeps, type CreateDepsOptions, type OwnedDeps } from './app/create-deps.ts';
export type { AppDeps, Logger, ProgressReporter, ProgressTask } from './app/deps.ts';
export {
  positions,
  positionsInputSchema,
  type PositionsDocument,
  type PositionsInput,
} from './app/positions.ts';
