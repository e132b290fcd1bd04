/**
 * Whole stress scenarios: hypothetical shocks or a historical window, resolved to one shock
 * per exposure and propagated to the portfolio (see `resolve-shocks.ts`, `historical.ts`,
 * `propagate.ts` for the conventions).
 */

import { BallastError } from '../errors.ts';
import type { FundUniverse } from '../exposures/fund-types.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { checkWindow, windowShocks, type ReturnPoint, type StressWindow } from './historical.ts';
import { propagateShocks, type StressHolding, type StressOutcome } from './propagate.ts';
import { resolveShocks, type ShockUniverse } from './resolve-shocks.ts';
import type { ShockSpec } from './shock-spec.ts';

/** The portfolio and universe every scenario runs on. */
export interface StressPortfolio {
  readonly holdings: readonly StressHolding[];
  readonly cashByAccount: ReadonlyMap<string, number>;
  readonly funds: FundUniverse;
  readonly universe: ShockUniverse;
  /** Report unexplained positions and uncovered exposures instead of failing. */
  readonly allowPartial?: boolean;
}

/** A scenario's result (the `ballast stress` JSON entry, before rounding). */
export interface ScenarioResult extends StressOutcome {
  readonly name: string;
  readonly kind: 'hypothetical' | 'historical';
  readonly window?: StressWindow & { effectiveFrom: IsoDate; effectiveTo: IsoDate };
  /** Shock per exposure (only exposures with a shock), universe order. */
  readonly shocks: Readonly<Record<string, number>>;
  /** How each shock was derived (spec text, duration, periods compounded). */
  readonly rules: Readonly<Record<string, string>>;
  /** Held exposures with no data over the window (only with `allowPartial`). */
  readonly uncovered: readonly { readonly exposure: string; readonly reason: string }[];
}

/** Exposure ids reached by the portfolio's fund definitions (set). */
export function heldExposures(portfolio: StressPortfolio): Set<string> {
  const held = new Set<string>();
  for (const h of portfolio.holdings) {
    const definition = Object.hasOwn(portfolio.funds.funds, h.symbol)
      ? portfolio.funds.funds[h.symbol]
      : undefined;
    for (const id of Object.keys(definition?.exposures ?? {})) held.add(id);
  }
  return held;
}

function order(portfolio: StressPortfolio): string[] {
  return portfolio.universe.exposures.map((e) => e.id);
}

/** Runs hypothetical shocks (checked as `checkShockSpecs` says) on the portfolio. */
export function hypotheticalScenario(
  portfolio: StressPortfolio,
  scenario: { name: string; specs: readonly ShockSpec[] },
): ScenarioResult {
  const resolved = resolveShocks(scenario.specs, portfolio.universe, heldExposures(portfolio));
  const shocks = new Map(resolved.map((r) => [r.exposure, r.shock]));
  const outcome = propagateShocks({
    ...portfolio,
    exposureOrder: order(portfolio),
    shocks,
  });
  return {
    name: scenario.name,
    kind: 'hypothetical',
    shocks: Object.fromEntries(shocks),
    rules: Object.fromEntries(resolved.map((r) => [r.exposure, r.rule])),
    uncovered: [],
    ...outcome,
  };
}

/** Input of {@link historicalScenario}. */
export interface HistoricalScenarioInput {
  readonly name: string;
  readonly window: StressWindow;
  readonly frequency: 'daily' | 'monthly';
  readonly series: ReadonlyMap<string, readonly ReturnPoint[]>;
  /** Label of the data (e.g. `bundled sample (monthly real returns)`), used in messages. */
  readonly source: string;
}

/**
 * Replays a window on the portfolio's current exposures. Throws DATA_UNAVAILABLE naming every
 * held exposure without data for the whole window unless `allowPartial` (then they are listed
 * in `uncovered` and contribute nothing).
 */
export function historicalScenario(
  portfolio: StressPortfolio,
  input: HistoricalScenarioInput,
): ScenarioResult {
  const held = heldExposures(portfolio);
  const ids = order(portfolio).filter((id) => held.has(id));
  const w = windowShocks({
    window: checkWindow(input.window),
    frequency: input.frequency,
    ids,
    series: input.series,
  });
  if (w.uncovered.length > 0 && !portfolio.allowPartial) {
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `scenario ${input.name} (${input.window.from} → ${input.window.to}): no ${input.source} data for the whole window for ${w.uncovered.map((u) => `${u.exposure} (${u.reason})`).join('; ')}; allow partial results (allowPartial) to run without them`,
      { scenario: input.name, exposures: w.uncovered.map((u) => u.exposure) },
    );
  }
  const outcome = propagateShocks({
    ...portfolio,
    exposureOrder: order(portfolio),
    shocks: w.shocks,
    uncovered: new Set(w.uncovered.map((u) => u.exposure)),
  });
  return {
    name: input.name,
    kind: 'historical',
    window: { ...input.window, effectiveFrom: w.effectiveFrom, effectiveTo: w.effectiveTo },
    shocks: Object.fromEntries(w.shocks),
    rules: Object.fromEntries(
      [...w.periods].map(([id, n]) => [
        id,
        `${n} ${input.frequency} returns compounded (${input.source})`,
      ]),
    ),
    uncovered: w.uncovered,
    ...outcome,
  };
}
