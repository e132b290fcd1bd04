/**
 * Component risk contributions RC_i = w_i(Σw)_i/σ_p (`decomposeRisk`; Σ_i RC_i = σ_p, Euler)
 * as horizontal bars in volatility percentage points, largest first, each labelled with its
 * share RC_i/σ_p. Negative contributions (hedges) point left.
 */

import type { RiskDecomposition } from '../domain/analytics/risk-decomposition.ts';
import { invalidInput } from '../domain/errors.ts';
import { asPercent, baseOption, paletteColor, valueAxis, type ChartOption } from './chart-style.ts';

/** Input of {@link riskContributionsOption}. */
export interface RiskContributionsChartInput {
  /** Position or exposure names, one per entry of the decomposition. */
  readonly names: readonly string[];
  readonly decomposition: Pick<RiskDecomposition, 'volatility' | 'component' | 'share'>;
  /** What σ_p is, e.g. "annualised volatility" (default). */
  readonly volatilityLabel?: string;
}

/** Horizontal bars of component contributions (see the module comment). */
export function riskContributionsOption(input: RiskContributionsChartInput): ChartOption {
  const { names, decomposition: d } = input;
  if (names.length !== d.component.length || names.length === 0)
    throw invalidInput('names', names.length, `must name each of ${d.component.length} entries`);
  const order = names.map((_, i) => i).sort((a, b) => d.component[a]! - d.component[b]!);
  const what = input.volatilityLabel ?? 'annualised volatility';
  return {
    ...baseOption(
      'Risk contributions',
      `σ = ${(d.volatility * 100).toFixed(2)} % ${what}; contributions add up to σ`,
    ),
    tooltip: { trigger: 'item' },
    grid: { left: 16, right: 96, top: 72, bottom: 56 },
    xAxis: { ...valueAxis('Contribution to volatility', { percent: true }), nameGap: 30 },
    yAxis: {
      type: 'category',
      data: order.map((i) => names[i]!),
      axisLabel: { color: '#374151', width: 160, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: 'Contribution',
        data: order.map((i) => ({
          value: asPercent(d.component[i]!),
          itemStyle: { color: d.component[i]! < 0 ? paletteColor(2) : paletteColor(0) },
          label: {
            show: true,
            position: d.component[i]! < 0 ? 'left' : 'right',
            formatter: `${(d.share[i]! * 100).toFixed(1)} % of σ`,
            color: '#374151',
          },
        })),
        barMaxWidth: 36,
      },
    ],
  };
}
