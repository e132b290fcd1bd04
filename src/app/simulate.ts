/**
 * Use case `simulate`: Monte Carlo paths of a portfolio rebalanced every period, with
 * withdrawals or contributions (docs/simulate.md). The config names the returns (a wide returns
 * file or symbols from the store, read by `loadReturnsPanel`), the weights, the method, the
 * horizon and the withdrawals; the document gives the value quantiles at every year end, the
 * terminal distribution, the probability of depletion, max drawdowns and the safe withdrawal
 * rate. Money is rounded to cents, other figures to 12 significant digits.
 *
 * Cash rates are annual and become per-period rates as (1 + y)^(1/k) − 1 (docs/conventions.md,
 * "Returns"): the cash rate on 1 − Σw > 0, cash rate + spread on Σw − 1 > 0.
 *
 * @example
 * ```ts
 * const doc = await simulate({ config: { path: 'examples/simulate/simulate.yaml' } }, deps);
 * doc.successProbability; // share of paths never depleted
 * ```
 */

import { dirname } from 'node:path';
import * as z from 'zod';
import { invalidInput } from '../domain/errors.ts';
import {
  buildGenerator,
  summarise,
  type GeneratorFit,
  type SimulationModel,
  type SimulationSummary,
} from '../domain/simulate/index.ts';
import { inferPeriodsPerYear } from '../domain/series/infer-frequency.ts';
import type { Warning } from '../domain/warnings.ts';
import {
  parseSimulateConfig,
  simulateConfigSchema,
  toSimulateConfig,
  type SimulateConfig,
} from '../data/simulate/simulate-config.ts';
import type { ChartOption } from '../report/chart-style.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { loadReturnsPanel, type ReturnsPanel } from './returns-panel.ts';
import { roundCents, roundFine } from './rounding.ts';
import { autoThreads, runPaths } from './simulate-threads.ts';
import { readSource, textSourceSchema } from './sources.ts';

/** Input of {@link simulate}: the config (a file, YAML/JSON text, or the object). */
export const simulateInputSchema = z.strictObject({
  config: z.union([textSourceSchema, simulateConfigSchema]),
  /** Also build the fan chart option ({@link simulateWithChart}). */
  chart: z.boolean().default(false),
  /** Worker threads (1: this thread); absent, chosen from the work and the cores. */
  threads: z.number().int().min(1).max(64).optional(),
});

/** What callers pass to {@link simulate}. */
export type SimulateInput = z.input<typeof simulateInputSchema>;

/** The `simulate` document (the CLI's `--format json`). */
export interface SimulateDocument extends SimulationSummary {
  readonly paths: number;
  readonly periods: number;
  readonly years: number;
  readonly periodsPerYear: number;
  readonly periodsPerYearInferred: boolean;
  readonly method: SimulateConfig['method'];
  readonly blockLength?: number;
  readonly blockType?: SimulateConfig['blockType'];
  readonly seed: number;
  readonly initial: number;
  readonly weights: Readonly<Record<string, number>>;
  readonly withdrawal: {
    readonly amount: number;
    readonly every: 'monthly' | 'quarterly' | 'annual';
    readonly inflation: number;
  } | null;
  /** Per-period cash return c·(1 − Σw) added to every period (0 without `cash`). */
  readonly cashReturnPerPeriod: number;
  /** The history the model was fitted to. */
  readonly history: { readonly from: string; readonly to: string; readonly rows: number };
  readonly fit: GeneratorFit;
  readonly warnings: readonly Warning[];
}

const PER_YEAR = { monthly: 12, quarterly: 4, annual: 1 } as const;

/** The outer input, the config left for {@link readConfig} (so a bad field is named exactly). */
const outerSchema = simulateInputSchema.extend({ config: z.record(z.string(), z.unknown()) });

function readConfig(raw: Record<string, unknown>): SimulateConfig {
  if ('path' in raw || 'text' in raw) {
    const source = parseInput(textSourceSchema, raw);
    const { text, name } = readSource(source, 'config');
    const base = 'path' in source ? dirname(source.path) : process.cwd();
    return parseSimulateConfig(text, name, base);
  }
  return toSimulateConfig(parseInput(simulateConfigSchema, raw), process.cwd());
}

async function loadPanel(config: SimulateConfig, deps: AppDeps): Promise<ReturnsPanel> {
  const r = config.returns;
  if (r.kind === 'file') return loadReturnsPanel({ kind: 'file', file: r.source }, deps);
  return loadReturnsPanel(
    {
      kind: 'symbols',
      symbols: [...r.symbols],
      frequency: r.frequency,
      ...(r.from ? { from: r.from } : {}),
      ...(r.to ? { to: r.to } : {}),
    },
    deps,
  );
}

/** The panel's columns in the order of the weights; INVALID_INPUT names an unknown weight. */
function columnsOf(config: SimulateConfig, panel: ReturnsPanel): Float64Array[] {
  const { ids, columns } = panel.table;
  return [...config.weights.keys()].map((key) => {
    const at = ids.findIndex((id) => id.toUpperCase() === key);
    if (at < 0)
      throw invalidInput(
        `weights.${config.weightKeys.get(key)!}`,
        config.weightKeys.get(key),
        `no such column in the returns (columns: ${ids.join(', ')})`,
      );
    return columns[at]!;
  });
}

/** The model of `config` over `panel`. */
function modelOf(config: SimulateConfig, panel: ReturnsPanel) {
  const dates = panel.table.dates;
  const given = config.periodsPerYear ?? panel.periodsPerYear;
  const periodsPerYear = given ?? inferPeriodsPerYear(dates);
  const w = config.withdrawal;
  if (w && PER_YEAR[w.every] > periodsPerYear)
    throw invalidInput(
      'withdrawal.every',
      w.every,
      `more often than the returns' ${periodsPerYear} periods a year`,
    );
  const perPeriod = (annual: number) => (1 + annual) ** (1 / periodsPerYear) - 1;
  const cash = config.cash
    ? {
        rate: perPeriod(config.cash.rate),
        borrow: perPeriod(config.cash.rate + config.cash.borrowSpread),
      }
    : undefined;
  const { generator, fit } = buildGenerator({
    columns: columnsOf(config, panel),
    weights: Float64Array.from(config.weights.values()),
    method: config.method,
    blockLength: config.blockLength,
    blockType: config.blockType,
    ...(cash ? { cash } : {}),
  });
  const model: SimulationModel = {
    generator,
    periodsPerYear,
    years: config.years,
    paths: config.paths,
    initial: config.initial,
    ...(w
      ? { withdrawal: { amount: w.amount, perYear: PER_YEAR[w.every], inflation: w.inflation } }
      : {}),
    rateSchedule: w
      ? { perYear: PER_YEAR[w.every], inflation: w.inflation }
      : { perYear: 1, inflation: 0 },
    seed: config.seed,
  };
  return { model, fit, inferred: given === undefined };
}

function roundedSummary(s: SimulationSummary): SimulationSummary {
  const cents = (xs: readonly number[]) => xs.map(roundCents);
  return {
    percentiles: {
      p5: cents(s.percentiles.p5),
      p25: cents(s.percentiles.p25),
      p50: cents(s.percentiles.p50),
      p75: cents(s.percentiles.p75),
      p95: cents(s.percentiles.p95),
    },
    terminal: {
      mean: roundCents(s.terminal.mean),
      standardError: roundCents(s.terminal.standardError),
      median: roundCents(s.terminal.median),
      p5: roundCents(s.terminal.p5),
      p95: roundCents(s.terminal.p95),
    },
    successProbability: roundFine(s.successProbability),
    depletion: {
      probability: roundFine(s.depletion.probability),
      medianYear: s.depletion.medianYear,
    },
    maxDrawdown: { p50: roundFine(s.maxDrawdown.p50), p95: roundFine(s.maxDrawdown.p95) },
    safeWithdrawalRate: { p95: roundFine(s.safeWithdrawalRate.p95) },
  };
}

function roundedFit(fit: GeneratorFit): GeneratorFit {
  return {
    ...(fit.df === undefined ? {} : { df: roundFine(fit.df) }),
    ...(fit.regime
      ? {
          regime: {
            ...fit.regime,
            transition: fit.regime.transition.map(roundFine) as unknown as [
              number,
              number,
              number,
              number,
            ],
            stressedStart: roundFine(fit.regime.stressedStart),
          },
        }
      : {}),
  };
}

/** The document and, when asked, the fan chart (module comment). */
export async function simulateWithChart(
  raw: SimulateInput,
  deps: AppDeps,
): Promise<{ document: SimulateDocument; chart?: ChartOption }> {
  const input = parseInput(outerSchema, raw);
  const config = readConfig(input.config);
  const panel = await loadPanel(config, deps);
  const { model, fit, inferred } = modelOf(config, panel);
  const threads = input.threads ?? autoThreads(model);
  deps.log.debug(
    `simulate: ${model.paths} paths × ${model.years * model.periodsPerYear} periods, ${threads} thread(s)`,
  );
  const task = deps.progress.start('simulating paths', model.paths);
  let results: Awaited<ReturnType<typeof runPaths>>;
  try {
    results = await runPaths(model, threads, (n) => task.tick(n));
  } finally {
    task.done();
  }
  const summary = roundedSummary(summarise(results, model));
  const dates = panel.table.dates;
  const document: SimulateDocument = {
    paths: model.paths,
    periods: model.years * model.periodsPerYear,
    years: model.years,
    periodsPerYear: model.periodsPerYear,
    periodsPerYearInferred: inferred,
    method: config.method,
    ...(config.method === 'block-bootstrap'
      ? { blockLength: config.blockLength, blockType: config.blockType }
      : {}),
    seed: config.seed,
    initial: config.initial,
    weights: Object.fromEntries([...config.weights].map(([k, v]) => [k, v])),
    withdrawal: config.withdrawal ?? null,
    cashReturnPerPeriod: roundFine(model.generator.cashReturn),
    history: { from: dates[0]!, to: dates.at(-1)!, rows: dates.length },
    fit: roundedFit(fit),
    ...summary,
    warnings: panel.warnings,
  };
  if (!input.chart) return { document };
  const { simulateFanOption } = await import('../report/simulate.ts');
  const subtitle = `${document.method}, ${document.paths} paths, seed ${document.seed}`;
  return { document, chart: simulateFanOption({ percentiles: summary.percentiles, subtitle }) };
}

/** {@link simulateWithChart} without the chart. */
export async function simulate(raw: SimulateInput, deps: AppDeps): Promise<SimulateDocument> {
  return (await simulateWithChart({ ...raw, chart: false }, deps)).document;
}
