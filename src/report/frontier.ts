/**
 * The efficient frontier in (annualised volatility, annualised expected return) space, both
 * in percent: the frontier points as a line, each asset as a labelled dot (σ_i = √Σ_ii,
 * μ_i), the tangency portfolio as a diamond (its Sharpe ratio in the legend) and the capital allocation line
 * E(σ) = rf + Sharpe_tangency · σ from σ = 0 to beyond the widest point (`EfficientFrontier`).
 * Without a tangency point (nothing beats rf) the CAL and star are omitted and the subtitle
 * says so.
 */

import type { EfficientFrontier } from '../domain/optimize/mean-variance/frontier.ts';
import { invalidInput } from '../domain/errors.ts';
import { asPercent, baseOption, paletteColor, valueAxis, type ChartOption } from './chart-style.ts';

/** One asset's stand-alone risk and return (annual decimals). */
export interface AssetPoint {
  readonly name: string;
  readonly volatilityAnnual: number;
  readonly expectedReturnAnnual: number;
}

/** Input of {@link efficientFrontierOption}. */
export interface FrontierChartInput {
  readonly frontier: Pick<EfficientFrontier, 'points' | 'tangency' | 'capitalAllocationLine'>;
  readonly assets: readonly AssetPoint[];
}

/** Frontier + assets + tangency + CAL chart (see the module comment). */
export function efficientFrontierOption(input: FrontierChartInput): ChartOption {
  const { points, tangency, capitalAllocationLine: cal } = input.frontier;
  if (points.length === 0) throw invalidInput('frontier.points', 0, 'no frontier points');
  const sigmaMax = Math.max(
    ...points.map((p) => p.volatilityAnnual),
    ...input.assets.map((a) => a.volatilityAnnual),
  );
  const xy = (sigma: number, mu: number): [number, number] => [asPercent(sigma), asPercent(mu)];
  const series: Record<string, unknown>[] = [
    {
      type: 'line',
      name: 'Efficient frontier',
      data: points.map((p) => xy(p.volatilityAnnual, p.expectedReturnAnnual)),
      symbol: 'circle',
      symbolSize: 5,
      lineStyle: { width: 2, color: paletteColor(0) },
      itemStyle: { color: paletteColor(0) },
    },
    {
      type: 'scatter',
      name: 'Assets',
      data: input.assets.map((a) => ({
        name: a.name,
        value: xy(a.volatilityAnnual, a.expectedReturnAnnual),
      })),
      symbolSize: 9,
      itemStyle: { color: paletteColor(1) },
      label: { show: true, formatter: '{b}', position: 'right', color: '#374151' },
    },
  ];
  if (tangency && cal) {
    const end = sigmaMax * 1.1;
    series.push(
      {
        type: 'line',
        name: 'Capital allocation line',
        data: [xy(0, cal.riskFreeRateAnnual), xy(end, cal.riskFreeRateAnnual + cal.slope * end)],
        showSymbol: false,
        lineStyle: { width: 1.5, type: 'dashed', color: paletteColor(6) },
        itemStyle: { color: paletteColor(6) },
      },
      {
        type: 'scatter',
        name: `Tangency (Sharpe ${tangency.sharpe.toFixed(2)})`,
        data: [
          { name: 'Tangency', value: xy(tangency.volatilityAnnual, tangency.expectedReturnAnnual) },
        ],
        symbol: 'diamond',
        symbolSize: 16,
        itemStyle: { color: paletteColor(3) },
        z: 5,
      },
    );
  }
  const subtitle =
    tangency && cal
      ? `${points.length} points; CAL: E(σ) = ${(cal.riskFreeRateAnnual * 100).toFixed(2)} % + ${cal.slope.toFixed(3)} σ`
      : `${points.length} points; no portfolio beats the risk-free rate: no tangency point or CAL`;
  return {
    ...baseOption('Efficient frontier', subtitle),
    tooltip: { trigger: 'item' },
    legend: { bottom: 8, data: series.map((s) => s['name'] as string) },
    grid: { left: 72, right: 40, top: 72, bottom: 88 },
    xAxis: { ...valueAxis('Volatility (annualised)', { percent: true }), nameGap: 30, min: 0 },
    yAxis: valueAxis('Expected return (annualised)', { percent: true, scale: true }),
    series,
  };
}
