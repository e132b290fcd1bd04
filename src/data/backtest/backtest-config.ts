/**
 * The backtest config (`ballast backtest --config FILE.yaml`; docs/backtest.md, "Config"):
 * YAML (or JSON, which is YAML) parsed into a validated {@link BacktestConfig}. A bad field is
 * one INVALID_INPUT naming the file, the field path (`strategies[1].weights.A`) and the value.
 * Symbols (weight keys, `symbols`, `benchmark`) are trimmed and upper-cased; a `prices` path is
 * relative to the config file's directory.
 */

import { isAbsolute, resolve } from 'node:path';
import * as z from 'zod';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import { invalidInput } from '../../domain/errors.ts';
import { parseWithSchema, parseYamlText } from '../config/read-yaml.ts';
import { checkWeighting, weightingSchema, type WeightingConfig } from './weighting-config.ts';
import {
  backtestFundsConfigOf,
  backtestFundsFields,
  checkBacktestFunds,
  strategyDividendsField,
  type BacktestFundsConfig,
} from './backtest-config-funds.ts';
import {
  checkStrategyExposures,
  strategyExposureFields,
  strategyExposuresOf,
  type StrategyExposuresConfig,
} from './exposure-config.ts';
import { backtestTaxOf, strategyTaxField } from './backtest-config-tax.ts';
import type { BacktestTax } from '../../domain/backtest/tax-lots.ts';

const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'annual'] as const;
const SCHEDULES = ['never', ...FREQUENCIES] as const;
const LEVERAGE_MODES = ['fixed-ratio', 'fixed-debt'] as const;

const isoDate = z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });
const symbol = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.toUpperCase());

/** One strategy of the config. */
export const backtestStrategySchema = z
  .strictObject({
    name: z.string().trim().min(1),
    /** Target weight per symbol, ≥ 0; the sum may exceed 1 (the rest is borrowed cash). */
    weights: z.record(z.string(), z.number().finite().min(0)).optional(),
    /** Or exposure targets mapped onto candidate funds (exposure-config.ts). */
    ...strategyExposureFields,
    rebalance: z.enum(SCHEDULES).default('never'),
    /** Exactly one of `absolute` (|w − t| > a) or `relative` (|w − t| > r·t). */
    bands: z
      .strictObject({
        absolute: z.number().finite().positive().optional(),
        relative: z.number().finite().positive().optional(),
      })
      .refine((b) => (b.absolute === undefined) !== (b.relative === undefined), {
        message: 'give exactly one of absolute or relative',
      })
      .optional(),
    /** Cost in basis points of the traded value, on every trade including the first. */
    costBps: z.number().finite().min(0).max(1000).default(0),
    /** A recurring flow: amount > 0 deposits, < 0 withdraws, on each period's scheduled row. */
    flows: z
      .strictObject({
        amount: z
          .number()
          .finite()
          .refine((a) => a !== 0, { message: 'must not be 0' }),
        every: z.enum(FREQUENCIES),
      })
      .optional(),
    wholeShares: z.boolean().default(false),
    /** How the targets are set on each rebalance (default: the fixed `weights`). */
    weighting: weightingSchema.optional(),
    /** With unadjusted closes: dividends to `cash` or `reinvest` (default). */
    dividends: strategyDividendsField,
    /** Equity / gross ≥ maintenance, else a forced sale back to initial (docs/backtest.md). */
    margin: z
      .strictObject({
        maintenance: z.number().finite().gt(0).max(1),
        initial: z.number().finite().gt(0).max(1).optional(),
      })
      .refine((m) => m.initial === undefined || m.initial >= m.maintenance, {
        message: 'must be at least the maintenance',
        path: ['initial'],
      })
      .optional(),
    /** What rebalances hold constant: the weights or the loan (docs/backtest.md). */
    leverageMode: z.enum(LEVERAGE_MODES).default('fixed-ratio'),
    /** Tax lots and yearly tax paid from cash (docs/backtest.md, "Taxes"). */
    tax: strategyTaxField,
  })
  .superRefine((s, ctx) => {
    checkStrategyExposures(s, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
    if (s.weights === undefined) return;
    const keys = Object.keys(s.weights);
    if (keys.length === 0)
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'needs at least one symbol' });
    const seen = new Map<string, string>();
    for (const key of keys) {
      const upper = key.trim().toUpperCase();
      if (upper === '')
        ctx.addIssue({ code: 'custom', path: ['weights', key], message: 'empty symbol' });
      const before = seen.get(upper);
      if (before !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['weights', key],
          message: `the same symbol as ${before}`,
        });
      seen.set(upper, key);
    }
    const gross = Object.values(s.weights).reduce((a, w) => a + w, 0);
    if ((s.costBps / 10_000) * gross >= 1)
      ctx.addIssue({
        code: 'custom',
        path: ['costBps'],
        message: `costs times the gross weight (${gross}) must stay below 100 %`,
      });
    if (s.weighting)
      checkWeighting(
        s.weighting,
        {
          symbols: keys.map((k) => k.trim().toUpperCase()),
          costBps: s.costBps,
          rebalance: s.rebalance,
        },
        (path, message) => ctx.addIssue({ code: 'custom', path, message }),
      );
    if (s.margin && gross * s.margin.maintenance > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['margin', 'maintenance'],
        message: `the weights (gross ${gross}) start at equity / gross ${Number((1 / gross).toPrecision(6))}, below it`,
      });
    if (s.leverageMode === 'fixed-debt' && !(gross > 1))
      ctx.addIssue({
        code: 'custom',
        path: ['leverageMode'],
        message: `fixed-debt needs weights summing above 1 (a loan to keep); they sum to ${gross}`,
      });
  });

/** Where the prices come from, as written in the config. */
const pricesField = z.union([
  z.string().trim().min(1),
  z.strictObject({ text: z.string(), name: z.string().min(1).default('prices') }),
]);

/** The config as written (YAML keys), validated. */
export const backtestConfigSchema = z
  .strictObject({
    /** Wide closes `date,SYM,...` (a path relative to the config, or `{ text, name }`). */
    prices: pricesField.optional(),
    /** Or symbols from the store (total-return closes). */
    symbols: z.array(symbol).min(1).optional(),
    start: isoDate.optional(),
    end: isoDate.optional(),
    initial: z.number().finite().positive().default(10_000),
    cash: z
      .strictObject({
        rate: z.number().finite().gt(-1).default(0),
        borrowSpread: z.number().finite().min(0).default(0),
      })
      .default({ rate: 0, borrowSpread: 0 }),
    strategies: z.array(backtestStrategySchema).min(1),
    benchmark: symbol.optional(),
    ...backtestFundsFields,
  })
  .superRefine((c, ctx) => {
    if ((c.prices === undefined) === (c.symbols === undefined))
      ctx.addIssue({
        code: 'custom',
        path: c.prices === undefined ? ['prices'] : ['symbols'],
        message: 'give exactly one of prices (a file) or symbols (from the store)',
      });
    if (c.start !== undefined && c.end !== undefined && c.start > c.end)
      ctx.addIssue({ code: 'custom', path: ['end'], message: `is before start (${c.start})` });
    const names = new Set<string>();
    c.strategies.forEach((s, i) => {
      if (names.has(s.name))
        ctx.addIssue({
          code: 'custom',
          path: ['strategies', i, 'name'],
          message: 'two strategies have this name',
        });
      names.add(s.name);
    });
    checkBacktestFunds(c, ctx);
  });

/** The config object a caller may pass instead of text (input form). */
export type BacktestConfigInput = z.input<typeof backtestConfigSchema>;
type Parsed = z.output<typeof backtestConfigSchema>;

/** A strategy of the validated config, symbols upper-cased. */
export interface BacktestStrategyConfig {
  readonly name: string;
  /** Upper-cased symbol → weight, in the order written. */
  readonly weights: ReadonlyMap<string, number>;
  /** The weight keys as written (for error paths). */
  readonly weightKeys: ReadonlyMap<string, string>;
  readonly rebalance: (typeof SCHEDULES)[number];
  readonly bands?: { readonly kind: 'absolute' | 'relative'; readonly width: number };
  readonly costBps: number;
  readonly flows?: { readonly amount: number; readonly every: (typeof FREQUENCIES)[number] };
  readonly wholeShares: boolean;
  /** The weighting, when not the fixed `weights` (docs/backtest.md, "Weightings"). */
  readonly weighting?: WeightingConfig;
  readonly dividends?: 'cash' | 'reinvest';
  /** The margin rule; `initial` defaults to the maintenance. */
  readonly margin?: { readonly maintenance: number; readonly initial: number };
  readonly leverageMode: (typeof LEVERAGE_MODES)[number];
  /** Exposure targets instead of weights: `weights` is empty until the app maps them. */
  readonly exposures?: StrategyExposuresConfig;
  /** Taxes in a taxable account (backtest-config-tax.ts). */
  readonly tax?: BacktestTax;
}

/** Where the prices are: a file, inline text, or the store. */
export type BacktestPricesSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'text'; readonly text: string; readonly name: string }
  | { readonly kind: 'symbols'; readonly symbols: readonly string[] };

/** The validated config (module comment). */
export interface BacktestConfig extends BacktestFundsConfig {
  readonly prices: BacktestPricesSource;
  readonly start?: string;
  readonly end?: string;
  readonly initial: number;
  readonly cash: { readonly rate: number; readonly borrowSpread: number };
  readonly strategies: readonly BacktestStrategyConfig[];
  readonly benchmark?: string;
}

function strategyConfig(s: Parsed['strategies'][number]): BacktestStrategyConfig {
  const entries = Object.entries(s.weights ?? {});
  const exposures = strategyExposuresOf(s);
  const bands =
    s.bands === undefined
      ? undefined
      : s.bands.absolute !== undefined
        ? { kind: 'absolute' as const, width: s.bands.absolute }
        : { kind: 'relative' as const, width: s.bands.relative! };
  return {
    name: s.name,
    weights: new Map(entries.map(([k, w]) => [k.trim().toUpperCase(), w])),
    weightKeys: new Map(entries.map(([k]) => [k.trim().toUpperCase(), k])),
    rebalance: s.rebalance,
    ...(bands ? { bands } : {}),
    costBps: s.costBps,
    ...(s.flows ? { flows: s.flows } : {}),
    wholeShares: s.wholeShares,
    ...(s.weighting ? { weighting: s.weighting } : {}),
    ...(s.dividends ? { dividends: s.dividends } : {}),
    ...(s.margin
      ? {
          margin: {
            maintenance: s.margin.maintenance,
            initial: s.margin.initial ?? s.margin.maintenance,
          },
        }
      : {}),
    leverageMode: s.leverageMode,
    ...(exposures ? { exposures } : {}),
    ...(s.tax ? { tax: backtestTaxOf(s.tax) } : {}),
  };
}

/** The {@link BacktestConfig} of a schema-checked object; paths resolve against `baseDir`. */
export function toBacktestConfig(parsed: Parsed, baseDir: string): BacktestConfig {
  const p = parsed.prices;
  const prices: BacktestPricesSource =
    p === undefined
      ? { kind: 'symbols', symbols: parsed.symbols! }
      : typeof p === 'string'
        ? { kind: 'file', path: isAbsolute(p) ? p : resolve(baseDir, p) }
        : { kind: 'text', text: p.text, name: p.name };
  return {
    prices,
    ...(parsed.start === undefined ? {} : { start: parsed.start }),
    ...(parsed.end === undefined ? {} : { end: parsed.end }),
    initial: parsed.initial,
    cash: parsed.cash,
    strategies: parsed.strategies.map(strategyConfig),
    ...(parsed.benchmark === undefined ? {} : { benchmark: parsed.benchmark }),
    ...backtestFundsConfigOf(parsed, baseDir),
  };
}

/**
 * Parses config text read from `name` (YAML 1.2; JSON is YAML too). Errors: INVALID_INPUT
 * naming the file and line on a syntax error, or the file, the field path and the value on a
 * schema error.
 */
export function parseBacktestConfig(text: string, name: string, baseDir: string): BacktestConfig {
  const parsed = parseWithSchema(backtestConfigSchema, parseYamlText(text, name), name);
  return toBacktestConfig(parsed, baseDir);
}

/**
 * Checks that every symbol the config uses is a column of the prices: a missing weight symbol
 * is INVALID_INPUT naming `strategies[i].weights.KEY`, a missing benchmark `benchmark`.
 */
export function checkConfigSymbols(
  config: BacktestConfig,
  prices: { readonly symbols: readonly string[]; readonly name: string },
): void {
  const have = new Set(prices.symbols);
  const columns = prices.symbols.join(', ');
  config.strategies.forEach((s, i) => {
    for (const [sym, key] of s.weightKeys)
      if (!have.has(sym))
        throw invalidInput(
          s.exposures
            ? `strategies[${i}].funds[${s.exposures.funds.indexOf(sym)}]`
            : `strategies[${i}].weights.${key}`,
          key,
          `${sym} is not in the prices ${prices.name} (it has ${columns})`,
        );
  });
  if (config.benchmark !== undefined && !have.has(config.benchmark))
    throw invalidInput(
      'benchmark',
      config.benchmark,
      `not in the prices ${prices.name} (it has ${columns})`,
    );
}

/** Every symbol a config needs, in first-use order (strategies, then the benchmark). */
export function configSymbols(config: BacktestConfig): string[] {
  const out = new Set<string>();
  for (const s of config.strategies) for (const sym of s.weights.keys()) out.add(sym);
  if (config.benchmark !== undefined) out.add(config.benchmark);
  return [...out];
}
