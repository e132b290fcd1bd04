/**
 * The fan chart of a simulation — the 5–95 % and 25–75 % bands and the median of the value at
 * each year end, drawn by the `src/report/simulate.ts` builder (the CLI's `--chart` figure) — and
 * the same numbers as a table (year 0 = the initial value), so the chart's data can be read.
 */
import { useMemo } from 'react';
import type { SimulateDocument } from '../../api/documents.ts';
import { Chart } from '../../charts/chart.tsx';
import { money } from '../../format.ts';
import { simulateFanOption } from '../../../../src/report/simulate.ts';
import { laidOut } from '../backtest/backtest-charts.ts';
import { useNarrow } from '../risk/narrow.ts';

/** The quantiles of the table, in order. */
export const QUANTILES = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;

/** One line saying what was simulated. */
export function runLine(doc: SimulateDocument): string {
  return `${doc.paths.toLocaleString()} paths × ${doc.years} years, ${doc.method}, seed ${doc.seed}`;
}

/** The percentiles by year end as a table (see the module comment). */
function PercentileTable({ doc }: { doc: SimulateDocument }) {
  const p = doc.percentiles;
  return (
    <details className="fan-data">
      <summary>The chart's numbers: value percentiles by year end</summary>
      <div className="table-wrap">
        <table aria-label="Value percentiles by year">
          <thead>
            <tr>
              <th scope="col">Year</th>
              {QUANTILES.map((q) => (
                <th key={q} scope="col" className="num">
                  {q}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.p50.map((_, year) => (
              <tr key={year} data-year={year}>
                <th scope="row">{year}</th>
                {QUANTILES.map((q) => (
                  <td key={q} data-col={q} className="num">
                    {money(p[q][year])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The fan chart and its table (see the module comment). */
export function FanChart({ doc }: { doc: SimulateDocument }) {
  const narrow = useNarrow();
  const option = useMemo(
    () => laidOut(simulateFanOption({ percentiles: doc.percentiles }), narrow),
    [doc, narrow],
  );
  const fitted = useMemo(
    () => (narrow ? { ...option, grid: { ...(option.grid as object), left: 64 } } : option),
    [option, narrow],
  );
  return (
    <>
      <Chart
        option={fitted}
        height={narrow ? '320px' : '420px'}
        label={`Fan chart of the portfolio value by year: ${runLine(doc)}`}
      />
      <PercentileTable doc={doc} />
    </>
  );
}
