/**
 * Backtest benchmark: 20 years of daily closes (5,040 weekdays) × 50 assets, a 50-asset
 * strategy rebalanced monthly with 10 bps costs and a monthly contribution, plus a banded and
 * levered variant, a walk-forward inverse-volatility weighting (a 252-row window re-estimated
 * at every monthly rebalance) and a benchmark — the engine alone (target < 50 ms for one
 * strategy), the engine with its summary (TWR, MWR, metric set, drawdowns), and the whole
 * command `ballast backtest --format json` on a generated file (target < 1 s).
 *
 * The prices are SYNTHETIC BENCHMARK DATA: a seeded random walk (mulberry32, seed 16) built in
 * memory and written to a temporary directory for the command (removed at the end); never
 * committed.
 *
 * The command runs `node bin/ballast.mjs`, which runs the compiled CLI in dist/ when it has
 * been built (`npm run build`) and the TypeScript sources through tsx otherwise; the output
 * says which.
 *
 * Run: `npx tsx bench/backtest.bench.ts` (or `npm run bench -- backtest`).
 */

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBacktest } from '../src/domain/backtest/run-backtest.ts';
import { runStrategy } from '../src/domain/backtest/engine.ts';
import type { PriceMatrix, StrategySpec } from '../src/domain/backtest/types.ts';
import { fixedWeights } from '../src/domain/backtest/weighting.ts';
import { ruleWeighting } from '../src/domain/backtest/weightings/rule.ts';
import { best, measure, type CallTiming } from './call-timing.ts';
import { timeCommands } from './process-timing.ts';
import { mulberry32, tradingDays } from './synthetic-bars.ts';

const ROWS = 20 * 252;
const ASSETS = 50;

const ms = (t: CallTiming): string =>
  `${t.wall.toFixed(1).padStart(8)} ms  (cpu ${t.cpu.toFixed(1).padStart(7)} ms)`;

/** Synthetic closes: a market factor plus noise per asset, daily vol about 1 %. */
function syntheticMatrix(seed: number): PriceMatrix {
  const random = mulberry32(seed);
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const dates = tradingDays('2004-01-05', ROWS);
  const symbols = Array.from({ length: ASSETS }, (_, j) => `S${String(j).padStart(2, '0')}`);
  const closes = symbols.map(() => new Float64Array(ROWS));
  const level = symbols.map(() => 20 + 180 * random());
  for (let t = 0; t < ROWS; t++) {
    const market = normal();
    for (let j = 0; j < ASSETS; j++) {
      if (t > 0) level[j] = level[j]! * (1 + 0.0003 + 0.008 * market + 0.006 * normal());
      closes[j]![t] = level[j]!;
    }
  }
  return { dates, symbols, closes };
}

function strategy(market: PriceMatrix, over: Partial<StrategySpec> = {}): StrategySpec {
  return {
    name: 'equal-weight monthly',
    assets: market.symbols,
    weighting: fixedWeights(market.symbols.map(() => 1 / ASSETS)),
    rebalance: 'monthly',
    costRate: 0.001,
    flow: { amount: 1000, every: 'monthly' },
    wholeShares: false,
    ...over,
  };
}

console.log(
  `Backtest benchmark — synthetic prices, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()[0]!.toFixed(1)}`,
);
const gen = measure(() => syntheticMatrix(16));
const market = gen.value;
console.log(
  `\n${ROWS.toLocaleString('en-US')} rows × ${ASSETS} assets (${market.dates[0]} .. ${market.dates.at(-1)}), generated in ${gen.wall.toFixed(0)} ms`,
);
const settings = { initial: 100_000, cashRate: 0.03, borrowSpread: 0.01 };
const monthly = strategy(market);
const engine = best(9, () => runStrategy(market, monthly, settings));
console.log(
  `  engine, monthly rebalance, 10 bps, monthly deposit   ${ms(engine)}  (target < 50 ms)  ${engine.value.rebalanceRows.length} rebalances, ${engine.value.trades.length.toLocaleString('en-US')} trades`,
);
const quiet = best(9, () => runStrategy(market, monthly, { ...settings, recordTrades: false }));
console.log(`  engine, same, trades not recorded                   ${ms(quiet)}`);
const banded = strategy(market, {
  rebalance: 'never',
  bands: { kind: 'absolute', width: 0.005 },
  weighting: fixedWeights(market.symbols.map(() => 1.5 / ASSETS)),
});
const daily = best(9, () => runStrategy(market, banded, settings));
console.log(
  `  engine, bands checked daily, 150 % levered         ${ms(daily)}  ${daily.value.rebalanceRows.length} rebalances`,
);
const whole = best(9, () =>
  runBacktest({ market, strategies: [monthly], settings, benchmark: 'S00' }),
);
console.log(`  engine + summary (TWR, MWR, metrics, drawdowns) + benchmark ${ms(whole)}`);
const walkForward = strategy(market, {
  weighting: ruleWeighting({
    method: 'inverse-vol',
    assets: market.symbols,
    weights: market.symbols.map(() => 1 / ASSETS),
    lookback: 252,
  }),
});
const inverseVol = best(5, () => runStrategy(market, walkForward, settings));
console.log(
  `  engine, walk-forward inverse vol (252-row sample Σ), monthly ${ms(inverseVol)}  ${inverseVol.value.weightingLog?.length ?? 0} weightings`,
);

// The whole command on a generated file.
const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = existsSync(join(root, 'dist', 'bin', 'bin.js'));
const dir = mkdtempSync(join(tmpdir(), 'ballast-backtest-bench-'));
const lines = [`date,${market.symbols.join(',')}`];
for (let t = 0; t < ROWS; t++)
  lines.push(`${market.dates[t]},${market.closes.map((c) => c[t]!.toFixed(4)).join(',')}`);
writeFileSync(join(dir, 'prices.csv'), `${lines.join('\n')}\n`);
const weights = market.symbols.map((s) => `${s}: 0.02`).join(', ');
writeFileSync(
  join(dir, 'bt.yaml'),
  [
    'prices: prices.csv',
    'initial: 100000',
    'cash: { rate: 0.03, borrowSpread: 0.01 }',
    'strategies:',
    `  - { name: equal-weight, weights: { ${weights} }, rebalance: monthly, costBps: 10, flows: { amount: 1000, every: monthly } }`,
    'benchmark: S00',
  ].join('\n'),
);
const args = ['backtest', '--config', join(dir, 'bt.yaml'), '--format', 'json'];
const quietly = (argv: string[]): string[] => ['sh', '-c', 'exec "$@" >/dev/null', 'sh', ...argv];
const [command, fromSource] = timeCommands(
  [
    { name: 'bin', argv: quietly([process.execPath, join(root, 'bin', 'ballast.mjs'), ...args]) },
    {
      name: 'tsx',
      argv: quietly([
        process.execPath,
        '--import',
        'tsx',
        join(root, 'src', 'cli', 'bin.ts'),
        ...args,
      ]),
    },
  ],
  5,
);
const mb = (lines.join('\n').length / 1e6).toFixed(1);
console.log(
  `\n  ballast backtest --format json on ${mb} MB of prices, whole process, median of 5 (target < 1 s):`,
);
console.log(
  `    node bin/ballast.mjs (${compiled ? 'the compiled dist/' : 'no dist/ build: tsx from src/'})   ${(command!.wallSeconds * 1000).toFixed(0).padStart(5)} ms, peak RSS ${command!.peakMb.toFixed(0)} MB`,
);
console.log(
  `    node --import tsx src/cli/bin.ts (no build)  ${(fromSource!.wallSeconds * 1000).toFixed(0).padStart(5)} ms, peak RSS ${fromSource!.peakMb.toFixed(0)} MB`,
);
rmSync(dir, { recursive: true, force: true });
