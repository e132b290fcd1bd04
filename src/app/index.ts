/**
 * The use cases of Ballast — what the CLI, the HTTP API and jobs run. Each takes one input
 * validated by its zod schema (exported beside it) and {@link AppDeps}, and returns the JSON
 * document the CLI prints with `--format json`. Build the dependencies once with
 * {@link createDeps}.
 *
 * @example
 * ```ts
 * import { createDeps, estimate, systemClock } from 'ballast';
 * const deps = createDeps({ env: process.env, clock: systemClock, offline: true });
 * try {
 *   const doc = await estimate({ panel: { kind: 'file', file: { path: 'returns.csv' } } }, deps);
 *   console.log(doc.volatility);
 * } finally {
 *   await deps.close();
 * }
 * ```
 */

export * from './errors.ts';
export { createDeps, type CreateDepsOptions, type OwnedDeps } from './create-deps.ts';
export { knownAtDeps } from './known-at-deps.ts';
export {
  silentLogger,
  silentProgress,
  type AppDeps,
  type Logger,
  type ProgressReporter,
  type ProgressTask,
} from './deps.ts';
export { fixedClock, systemClock, type Clock, type FetchFn } from './runtime.ts';
export { textSourceSchema, type TextSource } from './sources.ts';
export { fieldPath, parseInput } from './input.ts';

export * from './positions.ts';
export * from './tax-forms.ts';
export * from './tax-gains.ts';
export * from './tax-ledger.ts';
export * from './portfolio-create.ts';
export * from './portfolio-list.ts';
export * from './portfolio-import.ts';
export * from './portfolio-export.ts';
export * from './portfolio-export-csv.ts';
export * from './portfolio-positions.ts';
export * from './portfolio-get.ts';
export * from './portfolio-transactions.ts';
export * from './portfolio-append.ts';
export * from './portfolio-append-preview.ts';
export * from './portfolio-transaction-update.ts';
export * from './portfolio-transaction-delete.ts';
export * from './portfolio-holdings.ts';
export * from './portfolio-summary.ts';
export * from './tax-harvest.ts';
export * from './portfolio-rename.ts';
export * from './portfolio-delete.ts';
export * from './store-ready.ts';
export * from './key-create.ts';
export * from './key-list.ts';
export * from './key-revoke.ts';
export * from './authenticate.ts';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  parsePortfolioBackup,
  portfolioBackupSchema,
} from './portfolio-backup.ts';
export { TAX_TYPES, type AccountInfo, type TaxType } from '../domain/ledger/accounts.ts';
export * from './exposures.ts';
export * from './funds.ts';
export * from './funds-check.ts';
export * from './funds-save.ts';
export * from './funds-stored.ts';
export * from './universe-stored.ts';
export {
  definitionNameSchema,
  fundsSourceSchema,
  fundsSourceName,
  type DefinitionDeps,
  type FundsSource,
} from './funds-source.ts';
export * from './universe.ts';
export * from './rebalance.ts';
export * from './risk.ts';
export * from './stress.ts';
export * from './regimes.ts';
export * from './demo.ts';
export * from './demo-portfolio.ts';
export * from './analyze.ts';
export * from './performance.ts';
export * from './backtest.ts';
export * from './factors.ts';
export * from './data-fetch.ts';
export * from './data-import.ts';
export * from './data-list.ts';
export * from './data-prices.ts';
export * from './data-lookup.ts';
export * from './data-quality.ts';
export * from './data-refresh.ts';
export * from './data-alerts.ts';
export * from './data-schedule.ts';
export * from './returns.ts';
export * from './estimate.ts';
export * from './estimate-evaluate.ts';
export * from './estimate-universe.ts';
export * from './returns-panel.ts';
export * from './estimation-spec.ts';
export * from './estimate-moments.ts';
export * from './moments.ts';
export * from './load-moments.ts';
export * from './portfolio-input.ts';
export type { FanOutOptions, RunFanOut, RunQueue } from './deps.ts';
export * from './run-submit.ts';
export * from './run-read.ts';
export * from './run-document.ts';
export { executeRun, type ExecuteRunOptions } from './run-execute.ts';
export { RUN_KINDS, RUN_KIND_NAMES, runKind, type RunKind, type RunKindName } from './run-kinds.ts';
export type { RunError, RunOutcome, RunProgress, StoredRun } from '../data/store/run-store.ts';
export * from './transactions-convert.ts';
export * from './simulate.ts';
export * from './asset-location.ts';
export * from './corporate-actions.ts';
