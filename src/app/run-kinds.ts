/**
 * What a run can be: the use cases long enough to go through the job queue, by kind. A kind's
 * input is its use case's input (the same zod schema: `POST /api/v1/runs` with
 * `{ kind: 'frontier', input }` takes exactly what `POST /api/v1/frontier` takes), and its
 * result is the use case's document.
 */

import type * as z from 'zod';
import { analyze, analyzeInputSchema, type AnalyzeInput } from './analyze.ts';
import { backtestRequest, backtestRequestSchema } from './backtest-request.ts';
import {
  backtestSweep,
  backtestSweepPiece,
  backtestSweepPieceSchema,
  backtestSweepRunInputSchema,
} from './backtest-sweep.ts';
import { SWEEP_PIECE_KIND } from './backtest-sweep-execute.ts';
import { dataFetch, dataFetchInputSchema, type DataFetchInput } from './data-fetch.ts';
import type { DataRefreshInput } from './data-refresh.ts';
import { dataRefreshRun, dataRefreshRunInputSchema } from './data-refresh-run.ts';
import type { AppDeps } from './deps.ts';
import { estimate, estimateInputSchema, type EstimateInput } from './estimate.ts';
import { frontier, frontierInputSchema, type FrontierInput } from './frontier.ts';
import { parseInput } from './input.ts';
import { optimize, optimizeInputSchema, type OptimizeInput } from './optimize.ts';
import { simulateRequest, simulateRequestSchema } from './simulate-request.ts';

/** One kind of run: its input schema and its use case. */
export interface RunKind {
  readonly schema: z.ZodType;
  /** One line for the API's documentation. */
  readonly summary: string;
  /**
   * The kind writes market data (a fetch, a refresh): it cannot run as known at a past time, so
   * a submission with `knownAt` is refused.
   */
  readonly writesMarketData?: boolean;
  run(input: unknown, deps: AppDeps): Promise<unknown>;
}

/** The kinds of run, by name. */
export const RUN_KINDS = {
  frontier: {
    schema: frontierInputSchema,
    summary: 'the efficient frontier (`frontier`)',
    run: (input, deps) => frontier(input as FrontierInput, deps),
  },
  optimize: {
    schema: optimizeInputSchema,
    summary: 'one optimisation (`optimize`)',
    run: (input, deps) => optimize(input as OptimizeInput, deps),
  },
  estimate: {
    schema: estimateInputSchema,
    summary: 'expected returns and covariance (`estimate`)',
    run: (input, deps) => estimate(input as EstimateInput, deps),
  },
  analyze: {
    schema: analyzeInputSchema,
    summary: 'performance and risk measures of a return series (`analyze`)',
    run: (input, deps) => analyze(input as AnalyzeInput, deps),
  },
  backtest: {
    schema: backtestRequestSchema,
    summary: 'strategies run day by day over historical closes (`backtest`)',
    run: (input, deps) => backtestRequest(input, deps),
  },
  'data-fetch': {
    schema: dataFetchInputSchema,
    summary: 'fetch and store market data (`data fetch`)',
    writesMarketData: true,
    run: (input, deps) => dataFetch(input as DataFetchInput, deps),
  },
  'data-refresh': {
    schema: dataRefreshRunInputSchema,
    summary:
      'bring stored symbols and series up to today, checking new bars and storing alerts (`data refresh`; no webhook over HTTP)',
    writesMarketData: true,
    run: (input, deps) => dataRefreshRun(input as DataRefreshInput, deps),
  },
  'backtest-sweep': {
    schema: backtestSweepRunInputSchema,
    summary: 'a grid of backtest variants on worker threads (`backtest --sweep`)',
    run: (input, deps) => backtestSweep(parseInput(backtestSweepRunInputSchema, input), deps),
  },
  simulate: {
    schema: simulateRequestSchema,
    summary: 'Monte Carlo paths of a rebalanced portfolio with withdrawals (`simulate`)',
    run: (input, deps) => simulateRequest(input, deps),
  },
} as const satisfies Record<string, RunKind>;

/**
 * Kinds a run creates for itself and never submitted through the API (absent from
 * {@link RUN_KIND_NAMES}): the pieces of a sweep spread over the queue's workers.
 */
export const INTERNAL_RUN_KINDS = {
  [SWEEP_PIECE_KIND]: {
    schema: backtestSweepPieceSchema,
    summary: 'a piece of a `backtest-sweep` run, executed by any worker',
    run: (input, deps) => backtestSweepPiece(parseInput(backtestSweepPieceSchema, input), deps),
  },
} as const satisfies Record<string, RunKind>;

/** A kind of run. */
export type RunKindName = keyof typeof RUN_KINDS;

/** The names of the kinds, in the order above. */
export const RUN_KIND_NAMES = Object.keys(RUN_KINDS) as RunKindName[];

/** The kind named `name`, or undefined. */
export function runKind(name: string): RunKind | undefined {
  if (Object.hasOwn(RUN_KINDS, name)) return RUN_KINDS[name as RunKindName];
  return Object.hasOwn(INTERNAL_RUN_KINDS, name)
    ? INTERNAL_RUN_KINDS[name as keyof typeof INTERNAL_RUN_KINDS]
    : undefined;
}
