/**
 * Exposure breakdown as a treemap: categories → exposures, tile area |economic weight| (a
 * short exposure takes room like a long one), label the signed weight in percent of
 * portfolio value (`ExposureValue.economicWeight`, 2.0 = 200 %). Short exposures are drawn in
 * red-grey and their label carries the minus sign. The subtitle gives gross Σ|x| and net Σx.
 * Labels get explicit widths from the tile (ECharts SSR estimates text widths) and tiles too
 * small for text stay unlabelled.
 */

import type { ExposureValue } from '../domain/exposures/decompose.ts';
import { invalidInput } from '../domain/errors.ts';
import { baseOption, paletteColor, type ChartOption } from './chart-style.ts';

/** Input of {@link exposureTreemapOption}. */
export interface ExposureChartInput {
  /** Non-zero exposures with their category (e.g. `HoldingsDecomposition.exposures`). */
  readonly exposures: readonly Pick<ExposureValue, 'id' | 'category' | 'economicWeight'>[];
  /** Display names by exposure or category id (default: the id). */
  readonly labels?: Readonly<Record<string, string>>;
}

const pct = (x: number): string => `${x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)} %`;

/** Treemap of exposures grouped by category (see the module comment). */
export function exposureTreemapOption(input: ExposureChartInput): ChartOption {
  if (input.exposures.length === 0)
    throw invalidInput('exposures', 0, 'at least one exposure is needed to chart');
  const label = (id: string): string => input.labels?.[id] ?? id;
  const categories = [...new Set(input.exposures.map((e) => e.category))];
  let gross = 0;
  let net = 0;
  const data = categories.map((category, k) => {
    const members = input.exposures.filter((e) => e.category === category);
    const sum = members.reduce((s, e) => s + e.economicWeight, 0);
    return {
      name: `${label(category)} ${pct(sum)}`,
      itemStyle: { color: paletteColor(k) },
      children: members.map((e) => {
        if (!Number.isFinite(e.economicWeight))
          throw invalidInput(`exposures.${e.id}.economicWeight`, e.economicWeight, 'not finite');
        gross += Math.abs(e.economicWeight);
        net += e.economicWeight;
        return {
          name: `${label(e.id)}\n${pct(e.economicWeight)}`,
          value: Math.abs(e.economicWeight) * 100,
          ...(e.economicWeight < 0 ? { itemStyle: { color: '#9b6b6b' } } : {}),
        };
      }),
    };
  });
  return {
    ...baseOption(
      'Economic exposure by category',
      `gross ${pct(gross)}, net ${pct(net)} of portfolio value; tile area = |exposure|`,
    ),
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'treemap',
        name: 'Exposure',
        top: 72,
        bottom: 16,
        left: 16,
        right: 16,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        visibleMin: 1,
        label: {
          show: true,
          formatter: '{b}',
          fontSize: 12,
          lineHeight: 15,
          overflow: 'truncate',
          ellipsis: '…',
        },
        levels: [
          // the root, the categories (header strip with name and net weight), the exposures
          { itemStyle: { borderWidth: 0, gapWidth: 4 }, upperLabel: { show: false } },
          {
            itemStyle: { borderColor: '#e5e7eb', borderWidth: 2, gapWidth: 1 },
            upperLabel: {
              show: true,
              height: 22,
              color: '#111827',
              fontWeight: 'bold',
              overflow: 'truncate',
              ellipsis: '…',
            },
          },
          { colorSaturation: [0.45, 0.7], itemStyle: { borderColor: '#ffffff', borderWidth: 1 } },
        ],
        data,
      },
    ],
  };
}
