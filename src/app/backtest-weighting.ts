/**
 * The weightings of `backtest` (docs/backtest.md, "Weightings"): a strategy's `weighting`
 * config as the engine's weighting function, and what the document and the warnings say
 * about it (`weighting`, `weightingLog`, `REBALANCE_FALLBACK`). The optimiser's objectives are
 * those of `ballast optimize` (`optimize-input.ts`); HiGHS comes from `deps.solver()` only when
 * a solve needs it (`lazy-solver.ts`).
 */

import type { HighsRuntime } from '../core/solvers/highs.ts';
import type { StrategyRun, Weighting } from '../domain/backtest/types.ts';
import { fixedWeights } from '../domain/backtest/weighting.ts';
import type { WindowObjective } from '../domain/backtest/weightings/methods.ts';
import type { WeightingRecord } from '../domain/backtest/weightings/record.ts';
import type { TacticalSignal } from '../domain/backtest/weightings/tactical.ts';
import { ruleWeighting } from '../domain/backtest/weightings/rule.ts';
import type { WindowCovariance } from '../domain/backtest/weightings/window.ts';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import type { BacktestStrategyConfig } from '../data/backtest/backtest-config.ts';
import type {
  WeightingConfig,
  WeightingObjectiveConfig,
} from '../data/backtest/weighting-config.ts';
import { roundFine } from './rounding.ts';

/** One entry of a strategy's `weightingLog` in the document. */
export interface WeightingLogEntry {
  readonly date: IsoDate;
  readonly method: string;
  /** Targets by symbol, after any target-volatility scaling. */
  readonly weights: Readonly<Record<string, number>>;
  readonly exAnteVol?: number;
  readonly scale?: number;
  readonly fallback?: { readonly code: string; readonly reason: string; readonly used: string };
  /** The tactical overlay's signal on the row (values rounded). */
  readonly signal?: TacticalSignal;
}

/** The weighting fields of a strategy in the document (none for plain fixed weights). */
export interface WeightingDocument {
  readonly weighting?: WeightingConfig & { readonly fallbacks: number };
  readonly weightingLog?: readonly WeightingLogEntry[];
}

const COVARIANCE: Readonly<Record<WeightingConfig['covariance'], WindowCovariance>> = {
  sample: { method: 'sample' },
  'ledoit-wolf': { method: 'ledoitWolf' },
  oas: { method: 'oas' },
};

/** The domain objective of a config objective; budgets keyed by upper-cased symbol. */
export function windowObjective(o: WeightingObjectiveConfig): WindowObjective {
  const target = (t: number | undefined) => (t === undefined ? {} : { targetReturnAnnual: t });
  switch (o.kind) {
    case 'min-variance':
      return { kind: 'minVariance' };
    case 'max-sharpe':
      return { kind: 'maxSharpe' };
    case 'efficient-return':
      return { kind: 'efficientReturn', targetReturnAnnual: o.targetReturnAnnual };
    case 'efficient-risk':
      return { kind: 'efficientRisk', targetVolatilityAnnual: o.targetVolatilityAnnual };
    case 'utility':
      return { kind: 'utility', riskAversion: o.riskAversion };
    case 'max-return':
      return { kind: 'maxReturn' };
    case 'max-diversification':
      return { kind: 'maxDiversification' };
    case 'risk-parity':
      return { kind: 'riskParity' };
    case 'risk-budget':
      return {
        kind: 'riskBudget',
        budgets: Object.fromEntries(
          Object.entries(o.budgets).map(([k, b]) => [k.trim().toUpperCase(), b]),
        ),
      };
    case 'hrp':
      return { kind: 'hrp', ...(o.linkage === undefined ? {} : { linkage: o.linkage }) };
    case 'herc':
      return { kind: 'herc', ...(o.linkage === undefined ? {} : { linkage: o.linkage }) };
    case 'min-cvar':
      return { kind: 'minCvar', confidence: o.confidence, ...target(o.targetReturnAnnual) };
    case 'min-cdar':
      return { kind: 'minCdar', confidence: o.confidence, ...target(o.targetReturnAnnual) };
    case 'min-semivariance':
      return { kind: 'minSemivariance', ...target(o.targetReturnAnnual) };
  }
}

/** The engine's weighting of a strategy (its fixed `weights` without a `weighting`). */
export function strategyWeighting(
  s: BacktestStrategyConfig,
  context: { readonly highs: HighsRuntime; readonly riskFreeRateAnnual: number },
): Weighting {
  const weights = [...s.weights.values()];
  const w = s.weighting;
  if (w === undefined) return fixedWeights(weights);
  const bounds = {
    ...(w.minWeight === undefined ? {} : { minWeight: w.minWeight }),
    ...(w.maxWeight === undefined ? {} : { maxWeight: w.maxWeight }),
  };
  return ruleWeighting({
    method: w.method,
    assets: [...s.weights.keys()],
    weights,
    lookback: w.lookback,
    covariance: COVARIANCE[w.covariance],
    optimizer: {
      highs: context.highs,
      riskFreeRateAnnual: context.riskFreeRateAnnual,
      ...(w.objective === undefined ? {} : { objective: windowObjective(w.objective) }),
      ...(Object.keys(bounds).length === 0 ? {} : { constraints: bounds }),
    },
    ...(w.targetVol === undefined ? {} : { targetVol: w.targetVol }),
    ...(w.maxLeverage === undefined ? {} : { maxLeverage: w.maxLeverage }),
    fallback: w.fallback,
    ...(w.method === 'multi-period' ? { multiPeriod: multiPeriodOf(s, w) } : {}),
    ...(w.tactical === undefined ? {} : { tactical: w.tactical }),
    cashRateAnnual: context.riskFreeRateAnnual,
  });
}

/** Rebalances a year of a schedule (bands without a schedule are checked every row). */
const PERIODS_PER_YEAR: Readonly<Record<BacktestStrategyConfig['rebalance'], number>> = {
  never: 252,
  daily: 252,
  weekly: 52,
  monthly: 12,
  quarterly: 4,
  annual: 1,
};

/** The multi-period settings of a strategy (docs/backtest.md, "Multi-period"). */
function multiPeriodOf(s: BacktestStrategyConfig, w: WeightingConfig) {
  return {
    horizon: w.horizon ?? 4,
    riskAversion: w.riskAversion ?? 1,
    tradeCost: w.tradeCost ?? s.costBps / 10_000,
    periodsPerYear: PERIODS_PER_YEAR[s.rebalance],
  };
}

function logEntry(r: WeightingRecord, assets: readonly string[]): WeightingLogEntry {
  return {
    date: r.date,
    method: r.method,
    weights: Object.fromEntries(assets.map((a, i) => [a, roundFine(r.weights[i]!)])),
    ...(r.exAnteVol === undefined ? {} : { exAnteVol: roundFine(r.exAnteVol) }),
    ...(r.scale === undefined ? {} : { scale: roundFine(r.scale) }),
    ...(r.fallback ? { fallback: { ...r.fallback } } : {}),
    ...(r.signal
      ? {
          signal: {
            ...r.signal,
            values: Object.fromEntries(
              Object.entries(r.signal.values).map(([k, v]) => [k, roundFine(v)]),
            ),
          },
        }
      : {}),
  };
}

/** `weighting` (the config and the number of fallbacks) and `weightingLog` of a strategy. */
export function weightingDocument(s: BacktestStrategyConfig, run: StrategyRun): WeightingDocument {
  if (s.weighting === undefined) return {};
  const log = run.weightingLog ?? [];
  const assets = [...s.weights.keys()];
  return {
    weighting: { ...s.weighting, fallbacks: log.filter((r) => r.fallback).length },
    weightingLog: log.map((r) => logEntry(r, assets)),
  };
}

/** Counts by code, and the first and last date, of `records`. */
function tally(records: readonly WeightingRecord[], code: (r: WeightingRecord) => string) {
  const codes: Record<string, number> = {};
  for (const r of records) codes[code(r)] = (codes[code(r)] ?? 0) + 1;
  const counts = Object.entries(codes).map(([c, n]) => `${c} ×${n}`);
  return { codes, counts, first: records[0]!.date, last: records.at(-1)!.date };
}

/**
 * One `REBALANCE_FALLBACK` per strategy whose weighting fell back, and one
 * `SIGNAL_UNAVAILABLE` per strategy whose tactical signal could not be computed on some rows
 * (the weights were then held as the method gave them); counts by code.
 */
export function weightingWarnings(
  runs: readonly { readonly name: string; readonly run: StrategyRun }[],
): Warning[] {
  return runs.flatMap(({ name, run }) => {
    const log = run.weightingLog ?? [];
    const out: Warning[] = [];
    const failed = log.filter((r) => r.fallback);
    if (failed.length > 0) {
      const t = tally(failed, (r) => r.fallback!.code);
      const used = failed[0]!.fallback!.used;
      out.push(
        warning(
          'REBALANCE_FALLBACK',
          `${name}: the weighting used its fallback (${used}) on ${failed.length} of ${log.length} rows (${t.counts.join(', ')}; first ${t.first}, last ${t.last}); see weightingLog`,
          {
            strategy: name,
            fallbacks: failed.length,
            rows: log.length,
            codes: t.codes,
            used,
            first: t.first,
            last: t.last,
          },
        ),
      );
    }
    const skipped = log.filter((r) => r.signal?.skipped);
    if (skipped.length > 0) {
      const t = tally(skipped, (r) => r.signal!.skipped!.code);
      out.push(
        warning(
          'SIGNAL_UNAVAILABLE',
          `${name}: the ${skipped[0]!.signal!.signal} signal could not be computed on ${skipped.length} of ${log.length} rows (${t.counts.join(', ')}; first ${t.first}, last ${t.last}); the weights were held unchanged there; see weightingLog`,
          {
            strategy: name,
            rows: skipped.length,
            of: log.length,
            codes: t.codes,
            first: t.first,
            last: t.last,
          },
        ),
      );
    }
    return out;
  });
}
