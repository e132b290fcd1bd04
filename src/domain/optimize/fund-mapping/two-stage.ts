/**
 * The leverage-aware pipeline after stage 1 ("Exposures → funds → trades"):
 * target exposures x* (from any exposure-space objective, borrowing via the cash exposure)
 * → fund weights (stage 2, {@link mapExposuresToFunds}) → trades from current holdings
 * ({@link planTrades}). Current fund weights come from the holdings (value incl. cash), so
 * transaction costs in stage 2 are measured from what is actually held.
 *
 * The trade targets are the fund weights and the mapping's cash line (negative = borrowing),
 * passed on unchanged: no renormalisation anywhere. Funds with |w| ≤ 1e-9 that are not held
 * are left out of the targets (they need no price and no trade); held funds without a target
 * are sold. Trades are planned portfolio-wide: per-account positions of the mapping are
 * reported, and new shares go to the account `planTrades` chooses.
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { quantityBySymbol, snapshotHoldings } from '../../trades/holdings-snapshot.ts';
import { planTrades } from '../../trades/plan-trades.ts';
import type {
  CurrentHoldings,
  TradePlan,
  TradePlanOptions,
  TradeTargets,
} from '../../trades/types.ts';
import { mapExposuresToFunds } from './mapping.ts';
import type {
  ExposureCovariance,
  FundExposureTable,
  FundMappingOptions,
  FundMappingResult,
} from './types.ts';

/** Weights below this (absolute) on a fund that is not held are not traded. */
export const NEGLIGIBLE_WEIGHT = 1e-9;

/** Inputs of {@link planTwoStage}. */
export interface TwoStageInput {
  /** Stage-1 target exposures x* by exposure id (decimals; negative cash = borrowing). */
  readonly targetExposures: Readonly<Record<string, number>>;
  /** Annualised exposure covariance (its ids order every exposure vector). */
  readonly covariance: ExposureCovariance;
  readonly funds: FundExposureTable;
  readonly holdings: CurrentHoldings;
}

/** Options of {@link planTwoStage}: stage-2 options and trade options. */
export interface TwoStageOptions {
  readonly mapping?: FundMappingOptions;
  readonly trades: TradePlanOptions;
}

/** Result of {@link planTwoStage}: every stage's output, for reports. */
export interface TwoStagePlan {
  /** Current weight per held symbol (value / total value including cash). */
  readonly currentWeights: Readonly<Record<string, number>>;
  readonly mapping: FundMappingResult;
  /** The trade targets derived from the mapping (fund weights and cash line). */
  readonly targets: TradeTargets;
  readonly trades: TradePlan;
}

/** Weight of every held symbol: quoted value / total value including cash (sorted by symbol). */
export function currentWeights(holdings: CurrentHoldings): Record<string, number> {
  const snapshot = snapshotHoldings(holdings, []);
  return Object.fromEntries(
    snapshot.symbols.map((s) => [s.symbol, s.valueCents / snapshot.totalValueCents]),
  );
}

/** Trade targets from a mapping (see the module comment for which funds are kept). */
export function tradeTargetsFromMapping(
  mapping: FundMappingResult,
  held: ReadonlySet<string>,
): TradeTargets {
  const weightsBySymbol = Object.fromEntries(
    Object.entries(mapping.weightsByFund).filter(
      ([fund, w]) => Math.abs(w) > NEGLIGIBLE_WEIGHT || held.has(fund),
    ),
  );
  return { weightsBySymbol, cashWeight: mapping.cashWeight };
}

/**
 * Runs stage 2 and the trade planner. Stage-2 transaction costs, when given without current
 * weights, are measured from the holdings' current weights.
 *
 * @throws BallastError as {@link mapExposuresToFunds} and {@link planTrades} do (INVALID_INPUT,
 *   INFEASIBLE, SOLVER_FAILED, DATA_UNAVAILABLE for a fund to buy without a price, …).
 */
export function planTwoStage(
  highs: HighsRuntime,
  input: TwoStageInput,
  options: TwoStageOptions,
): TwoStagePlan {
  const current = currentWeights(input.holdings);
  const mappingOptions = options.mapping ?? {};
  const costs = mappingOptions.costs;
  const withCurrent: FundMappingOptions =
    costs?.transaction !== undefined && costs.currentWeights === undefined
      ? { ...mappingOptions, costs: { ...costs, currentWeights: current } }
      : mappingOptions;
  const mapping = mapExposuresToFunds(
    highs,
    { targetExposures: input.targetExposures, covariance: input.covariance, funds: input.funds },
    withCurrent,
  );
  const held = new Set(
    [...quantityBySymbol(input.holdings.lots)].filter(([, q]) => q !== 0).map(([s]) => s),
  );
  const targets = tradeTargetsFromMapping(mapping, held);
  const trades = planTrades(input.holdings, targets, options.trades);
  return { currentWeights: current, mapping, targets, trades };
}
