/**
 * Use case `stress`: hypothetical shocks or historical windows propagated through the fund
 * definitions (economic exposure per $1 of NAV, leverage included) to positions, accounts and
 * exposures (docs/conventions.md, "Holdings, ledger and exposures"). One of `shocks`,
 * `scenario` or `window`; none runs every built-in scenario (a scenario the data does not cover
 * is listed with its error instead of failing the run). Money rounded to cents, ratios to 12
 * significant digits.
 *
 * Prices as in `exposures` (prices file, stored close on or before the as-of date, holdings
 * file, last trade); `pricing` and `warnings` (`STALE_PRICE`) appear when a stored close is used.
 *
 * Missing data: an unpriced holding is an error unless `allowPartial` (then it is left out, no
 * P&L, not in total value, and named in `notes`); likewise a holding without a fund definition
 * and, for historical windows, a held exposure without data for the whole window.
 *
 * @example
 * ```ts
 * const doc = await stress(
 *   { holdings: { path: 'h.csv' }, shocks: [{ target: 'equity', kind: 'return', size: -0.3 }] },
 *   deps,
 * );
 * doc.scenarios[0]; // { totalPnl, byPosition, byAccount, byExposure, … }
 * ```
 */

import * as z from 'zod';
import { BallastError, invalidInput } from '../domain/errors.ts';
import type { ExposureRegistry } from '../domain/exposures/registry.ts';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import { holdingLines, valueHoldingLines } from '../domain/ledger/holding-lines.ts';
import { centsToDollars } from '../domain/ledger/money.ts';
import {
  BUILT_IN_SCENARIOS,
  type HistoricalScenario,
  type StressWindow,
} from '../domain/stress/historical.ts';
import type { DurationInfo } from '../domain/stress/resolve-shocks.ts';
import {
  historicalScenario,
  hypotheticalScenario,
  type ScenarioResult,
  type StressPortfolio,
} from '../domain/stress/scenario.ts';
import { shockText, type ShockSpec } from '../domain/stress/shock-spec.ts';
import type { Warning } from '../domain/warnings.ts';
import type { AppDeps } from './deps.ts';
import { exposureReturnSource, UNIVERSE_SOURCES } from './exposure-returns.ts';
import { parseInput } from './input.ts';
import {
  loadExposureConfig,
  loadPortfolio,
  portfolioInputShape,
  type LoadedPortfolio,
} from './portfolio-input.ts';
import { pricingFields, type PricingDocument } from './portfolio-pricing.ts';
import { isoDateSchema } from './schemas.ts';
import { scenarioDocument, type FailedScenario, type ScenarioDocument } from './stress-document.ts';

export { BUILT_IN_SCENARIOS, type HistoricalScenario } from '../domain/stress/historical.ts';
export type { FailedScenario, ScenarioDocument } from './stress-document.ts';

/** Units a shock's `size` may be written in. */
export const SHOCK_UNITS = ['decimal', 'percent', 'bp'] as const;

const UNIT_SCALE = { decimal: 1, percent: 100, bp: 10_000 } as const;

/**
 * One hypothetical shock of the input. `size` is written in `unit`: `decimal` (−0.3 = −30 %;
 * 0.02 of yield = +200 bp), `percent` (−30; a yield change of 2 = +200 bp) or `bp` (yield
 * changes only: 200). A yield shock must carry its unit — a bare number is ambiguous (200 meant
 * as bp would be read as a 20 000 % move) — while a return shock defaults to `decimal`.
 */
export const shockInputSchema = z
  .object({
    /** Exposure id, category id, or `equity` / `rates` (case-insensitive). */
    target: z.string().trim().toLowerCase().min(1),
    /** `return`: a simple return of the exposure; `yield`: a yield change (through duration). */
    kind: z.enum(['return', 'yield']),
    /** The shock in `unit` (see the schema comment). */
    size: z.number(),
    /** `decimal`, `percent` or `bp`; required for yield shocks, default `decimal` for returns. */
    unit: z.enum(SHOCK_UNITS).optional(),
    /** How the shock is shown in rules (default `equity=-0.3`, `rates=+200bp`). */
    text: z.string().min(1).optional(),
  })
  .superRefine((shock, ctx) => {
    if (shock.kind === 'yield' && shock.unit === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        input: shock.unit,
        message: `a yield shock carries its unit: bp (200 = +200bp), percent (2 = +2 points of yield) or decimal (0.02); ${shock.size} alone is ambiguous`,
      });
    if (shock.kind === 'return' && shock.unit === 'bp')
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        input: shock.unit,
        message: 'bp measures a yield change; a return shock is written as a decimal or percent',
      });
  });

/** A modified duration (years, optional convexity in years²) with its provenance. */
export const durationInputSchema = z.object({
  years: z.number().nonnegative(),
  convexity: z.number().nonnegative().optional(),
  /** Where the figure comes from (default `input`), shown in the shock's rule. */
  source: z.string().min(1).optional(),
});

/** Input of {@link stress}. */
export const stressInputSchema = z.object({
  ...portfolioInputShape,
  /** Hypothetical shocks. */
  shocks: z.array(shockInputSchema).optional(),
  /** Name of the hypothetical scenario (default: the shocks' texts joined by commas). */
  name: z.string().min(1).optional(),
  /** A built-in historical scenario by name (`gfc-2008`, `covid-2020`, `rates-2022`). */
  scenario: z.string().optional(),
  /** A user historical window, end dates inclusive. */
  window: z.object({ from: isoDateSchema, to: isoDateSchema }).optional(),
  /** Modified durations by exposure id, over config/exposures.yaml's. */
  durations: z.record(z.string(), durationInputSchema).default({}),
  /** Historical data: `auto` (the store, else the bundled sample), `store` or `sample`. */
  source: z.enum(UNIVERSE_SOURCES).default('auto'),
  /** Leave out, and list, what has no price, definition or data instead of failing. */
  allowPartial: z.boolean().default(false),
});

/** What callers pass to {@link stress}. */
export type StressInput = z.input<typeof stressInputSchema>;
type ParsedStressInput = z.output<typeof stressInputSchema>;

/** The `stress` document (the CLI's `--format json`). */
export interface StressDocument {
  /** Where historical returns came from (absent for hypothetical shocks). */
  readonly source?: 'store' | 'sample';
  readonly scenarios: readonly (ScenarioDocument | FailedScenario)[];
  /** Conventions, data provenance and what was left out. */
  readonly notes: readonly string[];
  /** Stored closes used and their provenance; present only when a stored close priced something. */
  readonly pricing?: PricingDocument;
  /** Valuation warnings (`STALE_PRICE`); present with `pricing`. */
  readonly warnings?: readonly Warning[];
}

const NOTES = [
  'fund definitions are economic exposure per $1 of NAV (leverage included): a 2x fund moves 2x the exposure shock; cash does not move but is in the total value',
  'historical windows apply compounded exposure returns to the exposures held today; daily-reset leveraged funds would differ over multi-day windows (volatility drag not represented)',
];

function durationsOf(
  registry: ExposureRegistry,
  given: ParsedStressInput['durations'],
): Map<string, DurationInfo> {
  const out = new Map<string, DurationInfo>();
  for (const e of registry.exposures) {
    if (e.duration)
      out.set(e.id, {
        years: e.duration.years,
        ...(e.duration.convexity === undefined ? {} : { convexity: e.duration.convexity }),
        source: `config/exposures.yaml (${e.duration.source}, as of ${e.duration.asOf})`,
      });
  }
  for (const [raw, d] of Object.entries(given)) {
    const id = raw.trim().toLowerCase();
    if (!registry.has(id)) throw invalidInput(`durations.${raw}`, raw, 'not an exposure id');
    out.set(id, {
      years: d.years,
      ...(d.convexity === undefined ? {} : { convexity: d.convexity }),
      source: d.source ?? 'input',
    });
  }
  return out;
}

/**
 * The stress portfolio of a loaded portfolio: one holding per (account, symbol), sorted, at
 * its valuation price; cash per account. Unpriced holdings are DATA_UNAVAILABLE unless
 * `allowPartial` (then named in the returned notes).
 */
export function stressPortfolio(
  loaded: LoadedPortfolio,
  input: Pick<ParsedStressInput, 'durations' | 'allowPartial'>,
  config: { registry: ExposureRegistry; funds: FundUniverse },
): { portfolio: StressPortfolio; notes: string[] } {
  const { lots, cashCents, valuation } = loaded;
  if (valuation.unpriced.length > 0 && !input.allowPartial) {
    const symbols = valuation.unpriced.map((u) => u.symbol);
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `no price for ${symbols.join(', ')} (add it to the prices file or a price column, or allow partial results (allowPartial) to leave it out)`,
      { field: 'prices', symbols },
    );
  }
  const price = new Map(valuation.positions.map((p) => [p.symbol, p.price]));
  const holdings = valueHoldingLines(holdingLines(lots), (s) => price.get(s))
    .priced.map((l) => ({ account: l.account, symbol: l.symbol, value: l.marketValue }))
    .sort((a, b) => a.account.localeCompare(b.account) || a.symbol.localeCompare(b.symbol));
  return {
    portfolio: {
      holdings,
      cashByAccount: new Map([...cashCents].map(([a, c]) => [a, centsToDollars(c)])),
      funds: config.funds,
      universe: {
        exposures: config.registry.exposures.map((e) => ({ id: e.id, category: e.category })),
        durations: durationsOf(config.registry, input.durations),
      },
      ...(input.allowPartial ? { allowPartial: true } : {}),
    },
    notes: valuation.unpriced.map(
      (u) => `UNPRICED (left out, no P&L, not in total value): ${u.symbol} ${u.quantity} shares`,
    ),
  };
}

/** Shock specs of the input, sizes converted to decimals, each with its text. */
export function shockSpecs(shocks: readonly z.output<typeof shockInputSchema>[]): ShockSpec[] {
  return shocks.map((s) => {
    const spec = { target: s.target, kind: s.kind, size: s.size / UNIT_SCALE[s.unit ?? 'decimal'] };
    return { ...spec, text: s.text ?? shockText(spec) };
  });
}

function pickScenario(name: string): HistoricalScenario {
  const s = BUILT_IN_SCENARIOS.find((b) => b.name === name.trim().toLowerCase());
  if (s) return s;
  throw new BallastError(
    'NOT_FOUND',
    `scenario: unknown scenario "${name}"; built-in: ${BUILT_IN_SCENARIOS.map((b) => b.name).join(', ')}`,
    { field: 'scenario', value: name },
  );
}

function windowsOf(input: ParsedStressInput): { name: string; window: StressWindow }[] {
  if (input.window)
    return [{ name: `window ${input.window.from}:${input.window.to}`, window: input.window }];
  const chosen = input.scenario === undefined ? BUILT_IN_SCENARIOS : [pickScenario(input.scenario)];
  return chosen.map((s) => ({ name: s.name, window: { from: s.from, to: s.to } }));
}

/** Stress tests of a portfolio (see the module comment). */
export async function stress(raw: StressInput, deps: AppDeps): Promise<StressDocument> {
  const input = parseInput(stressInputSchema, raw);
  const chosen = (['shocks', 'scenario', 'window'] as const).filter((k) => input[k] !== undefined);
  if (chosen.length > 1)
    throw invalidInput(chosen[1]!, input[chosen[1]!], `give at most one of ${chosen.join(', ')}`);
  const config = await loadExposureConfig(input.funds, deps);
  const loaded = await loadPortfolio(input, deps);
  const { portfolio, notes } = stressPortfolio(loaded, input, config);
  const valuation = pricingFields(loaded.pricing);
  if (input.shocks !== undefined) {
    const specs = shockSpecs(input.shocks);
    const name = input.name ?? specs.map((s) => s.text).join(',');
    const result = hypotheticalScenario(portfolio, { name, specs });
    return { scenarios: [scenarioDocument(result)], notes: [...NOTES, ...notes], ...valuation };
  }
  const data = await exposureReturnSource(input.source, {
    store: () => deps.store(),
    registry: config.registry,
    progress: deps.progress,
  });
  const runAll = input.window === undefined && input.scenario === undefined;
  const scenarios = windowsOf(input).map(({ name, window }): ScenarioDocument | FailedScenario => {
    let result: ScenarioResult;
    try {
      result = historicalScenario(portfolio, {
        name,
        window,
        frequency: data.frequency,
        series: data.series,
        source: data.label,
      });
    } catch (e) {
      if (!runAll || !(e instanceof BallastError) || e.code !== 'DATA_UNAVAILABLE') throw e;
      return { name, kind: 'historical', window, error: { code: e.code, message: e.message } };
    }
    return scenarioDocument(result);
  });
  return {
    source: data.source,
    scenarios,
    notes: [...NOTES, ...notes, ...data.notes],
    ...valuation,
  };
}
