/**
 * Exposure targets in a sweep (docs/backtest.md, "Sweeps" and "Exposure targets"): each
 * variant's targets are mapped to fund weights on the calling thread, before any variant runs,
 * by the mapping `backtest` uses (`mapStrategyExposures`, two-stage, HiGHS loaded only when the
 * mapping needs it), so a variant runs exactly the weights a plain `backtest` of its config runs
 * and the threads see fixed weights only. Variants whose mapping inputs are equal — the targets,
 * the candidates, and the cost, margin and leverage rules the mapped weights are checked against
 * — share one mapping (a sweep of bands or costs over a mapped strategy solves it once per
 * distinct input).
 */

import type { BacktestConfig, BacktestStrategyConfig } from '../data/backtest/backtest-config.ts';
import { BallastError } from '../domain/errors.ts';
import type { Warning } from '../domain/warnings.ts';
import { mapStrategyExposures, type ExposureTargetsDocument } from './backtest-exposures.ts';
import type { SweepVariant } from './backtest-sweep-grid.ts';
import type { AppDeps } from './deps.ts';

/** The variants with mapped weights, each variant's mapping document, and the warnings. */
export interface SweepExposures {
  readonly variants: readonly SweepVariant[];
  /** Per variant: what its targets were mapped to (undefined: it has weights). */
  readonly documents: readonly (ExposureTargetsDocument | undefined)[];
  readonly warnings: readonly Warning[];
}

/** What a variant's mapping depends on (module comment). */
function mappingKey(s: BacktestStrategyConfig): string {
  return JSON.stringify([s.exposures, s.costBps, s.margin ?? null, s.leverageMode]);
}

/**
 * A mapping error of the `k`-th distinct variant, named after that variant and its strategy's
 * field in the config (`sweep: the variant mapped [costBps=900]: strategies[0].exposures: …`).
 */
function variantError(error: unknown, variant: SweepVariant, k: number): unknown {
  if (!(error instanceof BallastError) || error.code !== 'INVALID_INPUT') return error;
  const field = error.details['field'];
  if (typeof field !== 'string' || !field.startsWith(`strategies[${k}]`)) return error;
  const configField = `strategies[${variant.strategyIndex}]${field.slice(`strategies[${k}]`.length)}`;
  return new BallastError(
    'INVALID_INPUT',
    `sweep: the variant ${variant.name}: ${configField}${error.message.slice(field.length)}`,
    {
      field: 'sweep',
      value: error.details['value'],
      variant: variant.name,
      configField,
    },
  );
}

/**
 * The variants of `config` with their exposure targets mapped to fund weights (module
 * comment); the variants themselves when none has targets.
 *
 * @throws BallastError INVALID_INPUT naming the variant and its field when its mapped weights
 *   break a rule of the config (`strategies[i].exposures`) or a candidate has no definition.
 */
export async function mapSweepExposures(
  config: BacktestConfig,
  variants: readonly SweepVariant[],
  deps: AppDeps,
): Promise<SweepExposures> {
  if (!variants.some((v) => v.config.exposures))
    return { variants, documents: variants.map(() => undefined), warnings: [] };
  const keys = variants.map((v) => (v.config.exposures ? mappingKey(v.config) : ''));
  const distinct = [...new Set(keys.filter((k) => k !== ''))];
  const first = distinct.map((k) => variants[keys.indexOf(k)]!);
  let mapped: Awaited<ReturnType<typeof mapStrategyExposures>>;
  try {
    mapped = await mapStrategyExposures(
      { ...config, strategies: first.map((v) => v.config) },
      deps,
    );
  } catch (error) {
    const at = /^strategies\[(\d+)\]/.exec(
      error instanceof BallastError ? String(error.details['field']) : '',
    );
    throw at === null ? error : variantError(error, first[Number(at[1])]!, Number(at[1]));
  }
  const index = new Map(distinct.map((k, i) => [k, i]));
  const out = variants.map((v, i) => {
    const k = index.get(keys[i]!);
    if (k === undefined) return v;
    const s = mapped.config.strategies[k]!;
    return { ...v, config: { ...v.config, weights: s.weights, weightKeys: s.weightKeys } };
  });
  return {
    variants: out,
    documents: keys.map((key) => {
      const k = index.get(key);
      return k === undefined ? undefined : mapped.documents[k];
    }),
    warnings: mapped.warnings,
  };
}
