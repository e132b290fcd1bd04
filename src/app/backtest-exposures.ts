/**
 * Exposure targets mapped to funds, two-stage (docs/backtest.md, "Exposure targets"): a
 * strategy with `exposures` (exposure id → economic exposure per $1 of value) and candidate
 * `funds` has its targets mapped ONCE, before the run, to fixed fund weights with stage 2 of
 * the leverage-aware pipeline (`mapExposuresToFunds`, the mapping `ballast plan` uses). The
 * engine then runs those weights as any fixed-weight strategy.
 *
 * Conventions: the fund definitions are the config's `funds:` source or config/funds.yaml
 * (`loadFunds`); the distance is unweighted least squares (Σ = the identity over the targeted
 * ids and every id a candidate carries: the backtest has no exposure moments before its
 * run), exposures a candidate carries but the strategy does not target are targeted at 0;
 * weights are ≥ 0 and may sum above 1 (the rest is borrowed cash, up to
 * {@link MAX_MAPPED_BORROWING}); no cash exposure. `residual` = √Σ_k (achieved_k − target_k)²
 * over those ids: 0 when the funds reach the targets exactly.
 */

import { identity } from '../core/linalg/matrix.ts';
import { invalidInput } from '../domain/errors.ts';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import { mapExposuresToFunds } from '../domain/optimize/fund-mapping/mapping.ts';
import type { FundExposureTable } from '../domain/optimize/fund-mapping/types.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import type { BacktestConfig, BacktestStrategyConfig } from '../data/backtest/backtest-config.ts';
import type { StrategyExposuresConfig } from '../data/backtest/exposure-config.ts';
import type { AppDeps } from './deps.ts';
import { fundsSourceName, loadFunds } from './funds-source.ts';
import { withSolver } from './lazy-solver.ts';
import { roundFine } from './rounding.ts';

/** Largest borrowing the mapping may choose, a decimal of value (10 = 1 000 %). */
export const MAX_MAPPED_BORROWING = 10;

/** Weights below this (solver rounding) are taken as 0. */
const ZERO = 1e-12;

/** What the document reports of a mapped strategy (`exposureTargets`). */
export interface ExposureTargetsDocument {
  /** The targets as given: exposure id → exposure per $1. */
  readonly targets: Readonly<Record<string, number>>;
  /** The mapped fund weights the engine runs (every candidate, 0 when unused). */
  readonly funds: Readonly<Record<string, number>>;
  /** Exposure per $1 the weights reach, over the targeted and carried ids. */
  readonly achieved: Readonly<Record<string, number>>;
  /** √Σ (achieved − target)² over those ids (module comment). */
  readonly residual: number;
}

/** The config with mapped weights, and per strategy its document part (undefined: weights). */
export interface MappedExposures {
  readonly config: BacktestConfig;
  readonly documents: readonly (ExposureTargetsDocument | undefined)[];
  readonly warnings: readonly Warning[];
}

function definitionOf(universe: FundUniverse, symbol: string) {
  return Object.entries(universe.funds).find(([k]) => k.trim().toUpperCase() === symbol)?.[1];
}

/** The candidates' exposure table; INVALID_INPUT naming a fund without a definition. */
function candidateTable(
  e: StrategyExposuresConfig,
  i: number,
  defs: { readonly universe: FundUniverse; readonly source: string },
): FundExposureTable {
  const { universe, source } = defs;
  const table: Record<string, Readonly<Record<string, number>>> = {};
  e.funds.forEach((f, j) => {
    const definition = definitionOf(universe, f);
    if (definition === undefined)
      throw invalidInput(`strategies[${i}].funds[${j}]`, f, `no definition of ${f} in ${source}`);
    table[f] = definition.exposures;
  });
  for (const [id, target] of Object.entries(e.targets))
    if (!Object.values(table).some((row) => (row[id] ?? 0) !== 0))
      throw invalidInput(
        `strategies[${i}].exposures.${e.keys[id]}`,
        target,
        `no fund of ${e.funds.join(', ')} carries ${id} (${source})`,
      );
  return table;
}

/** The mapping-derived weights must pass the rules fixed weights pass (backtest-config.ts). */
function checkMapped(s: BacktestStrategyConfig, i: number, gross: number): void {
  const field = `strategies[${i}].exposures`;
  const why =
    (s.costBps / 10_000) * gross >= 1
      ? `costs times the mapped gross weight (${gross}) must stay below 100 %`
      : s.margin && gross * s.margin.maintenance > 1
        ? `the mapped weights (gross ${gross}) start below the margin maintenance`
        : s.leverageMode === 'fixed-debt' && !(gross > 1)
          ? `fixed-debt needs mapped weights summing above 1; they sum to ${gross}`
          : undefined;
  if (why !== undefined) throw invalidInput(field, gross, why);
}

/**
 * Maps every strategy's exposure targets to fund weights (module comment); strategies with
 * `weights` pass through. Loads the fund definitions only when a strategy has targets.
 *
 * @throws BallastError INVALID_INPUT naming `strategies[i].funds[j]` (no definition) or
 *   `strategies[i].exposures.ID` (no candidate carries it); NOT_FOUND for a missing funds file.
 */
export async function mapStrategyExposures(
  config: BacktestConfig,
  deps: AppDeps,
): Promise<MappedExposures> {
  if (!config.strategies.some((s) => s.exposures)) {
    return { config, documents: config.strategies.map(() => undefined), warnings: [] };
  }
  const universe = await loadFunds(config.funds, deps, 'funds');
  const source = fundsSourceName(config.funds);
  const tables = config.strategies.map((s, i) =>
    s.exposures ? candidateTable(s.exposures, i, { universe, source }) : undefined,
  );
  const results = await withSolver(deps, (highs) =>
    config.strategies.map((s, i) => {
      const e = s.exposures;
      const table = tables[i];
      if (!e || !table) return undefined;
      const ids = [
        ...new Set([...Object.keys(e.targets), ...Object.values(table).flatMap(Object.keys)]),
      ];
      return mapExposuresToFunds(
        highs,
        {
          targetExposures: e.targets,
          covariance: { ids, matrix: identity(ids.length) },
          funds: table,
        },
        { borrowing: { maxFraction: MAX_MAPPED_BORROWING }, cashExposureId: null },
      );
    }),
  );
  const warnings: Warning[] = [];
  const documents = results.map((r, i) => {
    const s = config.strategies[i]!;
    if (!r || !s.exposures) return undefined;
    const funds = Object.fromEntries(
      s.exposures.funds.map((f) => {
        const w = r.weightsByFund[f] ?? 0;
        return [f, Math.abs(w) < ZERO ? 0 : w];
      }),
    );
    const residual = Math.sqrt(Object.values(r.exposureGaps).reduce((a, g) => a + g * g, 0));
    for (const w of r.warnings)
      warnings.push(warning(w.code, `${s.name}: ${w.message}`, { strategy: s.name, ...w.details }));
    return { funds, residual, achieved: r.achievedExposures };
  });
  const strategies = config.strategies.map((s, i) => {
    const d = documents[i];
    if (!d) return s;
    const gross = Object.values(d.funds).reduce((a, w) => a + w, 0);
    checkMapped(s, i, gross);
    const symbols = Object.keys(d.funds);
    return {
      ...s,
      weights: new Map(symbols.map((f) => [f, d.funds[f]!])),
      weightKeys: new Map(symbols.map((f) => [f, f])),
    };
  });
  return {
    config: { ...config, strategies },
    documents: documents.map((d, i) =>
      d === undefined
        ? undefined
        : {
            targets: config.strategies[i]!.exposures!.targets,
            funds: Object.fromEntries(Object.entries(d.funds).map(([f, w]) => [f, roundFine(w)])),
            achieved: Object.fromEntries(
              Object.entries(d.achieved).map(([k, x]) => [k, roundFine(x)]),
            ),
            residual: roundFine(d.residual),
          },
    ),
    warnings,
  };
}
