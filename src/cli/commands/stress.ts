import type { Command } from 'commander';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { ExposureRegistry } from '../../domain/exposures/registry.ts';
import type { FundUniverse } from '../../domain/exposures/fund-types.ts';
import { centsToDollars, roundQuantity } from '../../domain/ledger/money.ts';
import type { LotMethod } from '../../domain/ledger/types.ts';
import {
  BUILT_IN_SCENARIOS,
  parseWindow,
  type StressWindow,
} from '../../domain/stress/historical.ts';
import type { StressHolding } from '../../domain/stress/propagate.ts';
import type { DurationInfo } from '../../domain/stress/resolve-shocks.ts';
import {
  historicalScenario,
  hypotheticalScenario,
  type ScenarioResult,
  type StressPortfolio,
} from '../../domain/stress/scenario.ts';
import { parseDurations, parseShocks } from '../../domain/stress/shock-spec.ts';
import { loadExposureRegistry } from '../../data/config/load-exposure-config.ts';
import { loadFundUniverse } from '../../data/config/load-fund-universe.ts';
import { contextOf, type CommandContext, type Runtime } from '../context.ts';
import type { Io } from '../io.ts';
import { loadPortfolio } from '../portfolio-input.ts';
import {
  sampleExposureReturns,
  storedExposureReturns,
  type ExposureReturnSource,
} from '../stress/exposure-returns.ts';
import {
  failedLine,
  scenarioJson,
  scenarioList,
  scenarioTable,
  type FailedScenario,
} from '../stress/stress-report.ts';
import { requireOneOf, withPortfolioOptions } from './options.ts';

export interface StressOptions {
  holdings?: string;
  transactions?: string;
  prices?: string;
  funds?: string;
  lotMethod: LotMethod;
  asOf?: string;
  scenario?: string;
  shock?: string;
  window?: string;
  duration?: string;
  source: string;
  allowPartial?: boolean;
  format: string;
}

const NOTES = [
  'fund definitions are economic exposure per $1 of NAV (leverage included): a 2x fund moves 2x the exposure shock; cash does not move but is in the total value',
  'historical windows apply compounded exposure returns to the exposures held today; daily-reset leveraged funds would differ over multi-day windows (volatility drag not represented)',
];

function durationsOf(registry: ExposureRegistry, cli?: string): Map<string, DurationInfo> {
  const out = new Map<string, DurationInfo>();
  for (const e of registry.exposures) {
    if (e.duration)
      out.set(e.id, {
        years: e.duration.years,
        ...(e.duration.convexity === undefined ? {} : { convexity: e.duration.convexity }),
        source: `config/exposures.yaml (${e.duration.source}, as of ${e.duration.asOf})`,
      });
  }
  if (cli) {
    for (const [id, d] of parseDurations(cli)) {
      if (!registry.has(id)) throw invalidInput('--duration', id, 'not an exposure id');
      out.set(id, d);
    }
  }
  return out;
}

export function buildStressPortfolio(
  options: StressOptions,
  config: { registry: ExposureRegistry; funds: FundUniverse },
): { portfolio: StressPortfolio; notes: string[] } {
  const portfolio = loadPortfolio(options);
  const { valuation } = portfolio;
  if (valuation.unpriced.length > 0 && !options.allowPartial) {
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `no price for ${valuation.unpriced.map((u) => u.symbol).join(', ')} (give --prices or a price column, or --allow-partial to leave them out)`,
      { symbols: valuation.unpriced.map((u) => u.symbol) },
    );
  }
  const price = new Map(valuation.positions.map((p) => [p.symbol, p.price]));
  const quantities = new Map<string, StressHolding>();
  for (const lot of portfolio.lots) {
    const key = `${lot.account}\u0000${lot.symbol}`;
    const prior = quantities.get(key);
    quantities.set(key, {
      account: lot.account,
      symbol: lot.symbol,
      value: (prior?.value ?? 0) + lot.quantity,
    });
  }
  const holdings: StressHolding[] = [];
  for (const h of quantities.values()) {
    const quantity = roundQuantity(h.value);
    const p = price.get(h.symbol);
    if (quantity === 0 || p === undefined) continue;
    holdings.push({ account: h.account, symbol: h.symbol, value: quantity * p });
  }
  holdings.sort((a, b) => a.account.localeCompare(b.account) || a.symbol.localeCompare(b.symbol));
  const notes = valuation.unpriced.map(
    (u) => `UNPRICED (left out, no P&L, not in total value): ${u.symbol} ${u.quantity} shares`,
  );
  const stress: StressPortfolio = {
    holdings,
    cashByAccount: new Map([...portfolio.cashCents].map(([a, c]) => [a, centsToDollars(c)])),
    funds: config.funds,
    universe: {
      exposures: config.registry.exposures.map((e) => ({ id: e.id, category: e.category })),
      durations: durationsOf(config.registry, options.duration),
    },
    ...(options.allowPartial ? { allowPartial: true } : {}),
  };
  return { portfolio: stress, notes };
}

async function returnSource(
  source: string,
  ctx: CommandContext,
  registry: ExposureRegistry,
): Promise<ExposureReturnSource> {
  if (source === 'sample') return sampleExposureReturns();
  try {
    return await storedExposureReturns(await ctx.store(), registry);
  } catch (e) {
    // auto: a store without universe data falls back to the bundled sample (stated in notes).
    if (source === 'store' || !(e instanceof BallastError) || e.code !== 'DATA_UNAVAILABLE')
      throw e;
    return sampleExposureReturns();
  }
}

function pickScenario(name: string): StressWindow & { name: string } {
  const s = BUILT_IN_SCENARIOS.find((b) => b.name === name.trim().toLowerCase());
  if (!s) {
    throw new BallastError(
      'NOT_FOUND',
      `--scenario: unknown scenario "${name}"; built-in: ${BUILT_IN_SCENARIOS.map((b) => b.name).join(', ')}`,
      { field: '--scenario', value: name },
    );
  }
  return s;
}

async function runScenarios(
  options: StressOptions,
  ctx: CommandContext,
): Promise<{ results: (ScenarioResult | FailedScenario)[]; notes: string[]; source?: string }> {
  const [registry, funds] = await Promise.all([
    loadExposureRegistry(),
    options.funds ? loadFundUniverse(options.funds) : loadFundUniverse(),
  ]);
  const { portfolio, notes: portfolioNotes } = buildStressPortfolio(options, { registry, funds });
  if (options.shock !== undefined) {
    const specs = parseShocks(options.shock);
    return {
      results: [hypotheticalScenario(portfolio, { name: options.shock, specs })],
      notes: [...NOTES, ...portfolioNotes],
    };
  }
  const windows = options.window
    ? [{ name: `window ${options.window}`, ...parseWindow(options.window) }]
    : options.scenario
      ? [pickScenario(options.scenario)]
      : BUILT_IN_SCENARIOS;
  const data = await returnSource(options.source, ctx, registry);
  const runAll = options.window === undefined && options.scenario === undefined;
  const results = windows.map((w): ScenarioResult | FailedScenario => {
    try {
      return historicalScenario(portfolio, {
        name: w.name,
        window: { from: w.from, to: w.to },
        frequency: data.frequency,
        series: data.series,
        source: data.label,
      });
    } catch (e) {
      if (!runAll || !(e instanceof BallastError) || e.code !== 'DATA_UNAVAILABLE') throw e;
      return {
        name: w.name,
        kind: 'historical',
        window: { from: w.from, to: w.to },
        error: { code: e.code, message: e.message },
      };
    }
  });
  return { results, notes: [...NOTES, ...portfolioNotes, ...data.notes], source: data.source };
}

/** Registers `ballast stress` (and `ballast regimes`, its regime companion). */
export function registerStress(program: Command, io: Io, runtime: Runtime): void {
  withPortfolioOptions(
    program
      .command('stress')
      .description(
        'Stress tests: hypothetical shocks or historical windows propagated through fund definitions to positions, accounts and exposures',
      ),
  )
    .option(
      '--scenario <name>',
      `built-in historical scenario: ${BUILT_IN_SCENARIOS.map((s) => s.name).join(', ')}`,
    )
    .option('--shock <list>', 'hypothetical shocks: equity=-0.3,us_large_equity=-0.35,rates=+200bp')
    .option('--window <from:to>', 'user historical window, e.g. 2020-02-19:2020-03-23')
    .option(
      '--duration <list>',
      'modified duration per exposure for yield shocks: broad_ust=6.5[:convexity]',
    )
    .option(
      '--source <source>',
      'auto | store | sample (historical data; auto: the store, else the bundled sample)',
      'auto',
    )
    .option(
      '--allow-partial',
      'run without exposures lacking data / positions lacking a definition or price (listed, no P&L)',
    )
    .option('--format <format>', 'table | json', 'table')
    .action(async (options: StressOptions, command: Command) => {
      requireOneOf(options as unknown as Record<string, unknown>, ['holdings', 'transactions']);
      if (!['table', 'json'].includes(options.format))
        throw invalidInput('--format', options.format, 'expected table or json');
      if (!['auto', 'store', 'sample'].includes(options.source))
        throw invalidInput('--source', options.source, 'expected auto, store or sample');
      const chosen = [options.scenario, options.shock, options.window].filter(
        (x) => x !== undefined,
      );
      if (chosen.length > 1)
        throw invalidInput('--scenario|--shock|--window', chosen, 'give at most one of them');
      const ctx = contextOf(command, runtime);
      try {
        const { results, notes, source } = await runScenarios(options, ctx);
        if (options.format === 'json') {
          io.out(
            JSON.stringify(
              {
                ...(source ? { source } : {}),
                scenarios: results.map((r) => ('error' in r ? r : scenarioJson(r))),
                notes,
              },
              null,
              2,
            ),
          );
          return;
        }
        if (options.shock === undefined && !options.scenario && !options.window)
          io.out(`Built-in scenarios:\n${scenarioList(BUILT_IN_SCENARIOS)}\n`);
        io.out(results.map((r) => ('error' in r ? failedLine(r) : scenarioTable(r))).join('\n\n'));
        io.out(`\nNotes:\n${notes.map((n) => `  - ${n}`).join('\n')}`);
      } finally {
        await ctx.close();
      }
    });
}
