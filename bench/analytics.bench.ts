/**
 * Analytics benchmark: the full metric set (`computeMetrics`, CLI contract, with a
 * benchmark series so beta/alpha/TE/IR/capture are computed too) on 30 years of daily data
 * (7560 periods) for 500 series, plus the rolling metrics (window 252) on the same data.
 *
 * The returns are SYNTHETIC BENCHMARK DATA from a seeded formula (no market data):
 * r_tj = 0.0003 + β_j·m_t + 0.01·ε_tj with a fat-tailed market m_t = 0.01·z/√(χ²₄/4),
 * β_j ∈ [0.5, 1.5), xoshiro128** seed 20260607; dates are a synthetic weekday sequence.
 *
 * Run: `npx tsx bench/analytics.bench.ts` (or `npm run bench -- analytics`).
 */

import { cpus } from 'node:os';
import { createRng, normalSampler } from '../src/core/random/index.ts';
import { addDays } from '../src/domain/calendar/iso-date.ts';
import { computeMetrics } from '../src/domain/analytics/metric-set.ts';
import {
  rollingBeta,
  rollingMaxDrawdown,
  rollingReturn,
  rollingSharpe,
  rollingVolatility,
} from '../src/domain/analytics/rolling.ts';
import type { ReturnSeries } from '../src/domain/series/types.ts';

const PERIODS = 30 * 252;
const SERIES = 500;

function syntheticPanel(seed: number): { series: Float64Array[]; market: Float64Array } {
  const rng = createRng(seed);
  const z = normalSampler(rng);
  const beta = Float64Array.from({ length: SERIES }, () => 0.5 + rng.nextFloat());
  const market = new Float64Array(PERIODS);
  const series = Array.from({ length: SERIES }, () => new Float64Array(PERIODS));
  for (let t = 0; t < PERIODS; t++) {
    let chi = 0;
    for (let k = 0; k < 4; k++) chi += z() ** 2;
    market[t] = (0.01 * z()) / Math.sqrt(chi / 4);
    for (let j = 0; j < SERIES; j++) series[j]![t] = 0.0003 + beta[j]! * market[t]! + 0.01 * z();
  }
  return { series, market };
}

/** Weekday dates from 1995-01-02 (synthetic labels, no holidays). */
function weekdays(count: number): string[] {
  const out: string[] = [];
  for (let day = 0; out.length < count; day++)
    if (day % 7 < 5) out.push(addDays('1995-01-02', day));
  return out;
}

const dated = (dates: readonly string[], values: Float64Array): ReturnSeries =>
  Array.from(values, (value, t) => ({ date: dates[t]!, value }));

const t0 = performance.now();
const { series, market } = syntheticPanel(20260607);
const dates = weekdays(PERIODS);
const inputs = series.map((s) => dated(dates, s));
const benchmark = dated(dates, market);
const tData = performance.now() - t0;

console.log(
  `Analytics benchmark — synthetic data, ${SERIES} series × ${PERIODS} daily periods, Node ${process.version}, ${cpus()[0]?.model ?? '?'}`,
);
console.log(`  data generation                     ${tData.toFixed(0).padStart(7)} ms`);

const options = { periodsPerYear: 252, riskFreeRateAnnual: 0.02, confidence: 0.95, benchmark };
computeMetrics(inputs[0]!, options); // warm-up
let checksum = 0;
const t1 = performance.now();
for (const s of inputs) checksum += computeMetrics(s, options).metrics.annualizedVolatility;
const tMetrics = performance.now() - t1;
console.log(
  `  computeMetrics (with benchmark)     ${tMetrics.toFixed(0).padStart(7)} ms  (${(tMetrics / SERIES).toFixed(2)} ms/series)`,
);

const t2 = performance.now();
for (const s of inputs) computeMetrics(s, { periodsPerYear: 252, riskFreeRateAnnual: 0.02 });
const tNoBench = performance.now() - t2;
console.log(
  `  computeMetrics (no benchmark)       ${tNoBench.toFixed(0).padStart(7)} ms  (${(tNoBench / SERIES).toFixed(2)} ms/series)`,
);

const rolling = { window: 252, periodsPerYear: 252, riskFreePerPeriod: 0.02 / 252 };
const t3 = performance.now();
for (const s of series) {
  rollingReturn(s, rolling);
  rollingVolatility(s, rolling);
  rollingSharpe(s, rolling);
  rollingBeta({ returns: s, benchmark: market }, rolling);
}
const tRolling = performance.now() - t3;
console.log(`  rolling return/vol/Sharpe/beta N=252 ${tRolling.toFixed(0).padStart(6)} ms`);
const t4 = performance.now();
for (const s of series) rollingMaxDrawdown(s, rolling);
const tRollDd = performance.now() - t4;
console.log(`  rolling max drawdown N=252 (O(nN))  ${tRollDd.toFixed(0).padStart(7)} ms`);
console.log(`  (checksum of annualised vols: ${(checksum / SERIES).toFixed(6)})`);
