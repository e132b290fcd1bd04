/**
 * The correlation of the exposures held, as the risk document gives it (`correlation`: labels
 * and matrix, from the covariance its figures use): a heatmap (`correlationHeatmapOption`) and
 * the same matrix as a table. An exposure whose correlation is undefined (a zero variance:
 * `null` in the document) is left out of the heatmap and named; the table shows it as "—".
 */
import { useMemo } from 'react';
import { fromRows } from '../../../../src/core/linalg/matrix.ts';
import { correlationHeatmapOption } from '../../../../src/report/correlation.ts';
import type { RiskDocument } from '../../api/documents.ts';
import { Chart } from '../../charts/chart.tsx';
import { quantity } from '../../format.ts';
import { labelOf } from '../exposures/labels.ts';
import { laidOut } from './chart-layout.ts';
import { useNarrow } from './narrow.ts';

type Labels = Readonly<Record<string, string>>;

/** `0.79`, `−0.27`: a correlation to two decimals (the heatmap's cell labels). */
const rho = (x: number | null): string => (x === null ? '—' : quantity(x, 2));

/** The correlation matrix as a table (rows and columns in the document's order). */
function CorrelationTable({ doc, labels }: { doc: RiskDocument; labels: Labels }) {
  const { labels: ids, matrix } = doc.correlation;
  return (
    <details className="correlation-table">
      <summary>The matrix as a table</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>
                <span className="sr-only">Exposure</span>
              </th>
              {ids.map((id) => (
                <th key={id} className="num" title={id}>
                  {labelOf(labels, id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.map((id, i) => (
              <tr key={id} data-exposure={id}>
                <th scope="row" title={id}>
                  {labelOf(labels, id)}
                </th>
                {ids.map((other, j) => (
                  <td key={other} className="num">
                    {rho(matrix[i]?.[j] ?? null)}
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

/** The correlation heatmap and table (see the module comment). */
export function CorrelationHeatmap({ doc, labels }: { doc: RiskDocument; labels: Labels }) {
  const narrow = useNarrow();
  const view = useMemo(() => {
    const { labels: ids, matrix } = doc.correlation;
    const keep = ids.map((_, i) => i).filter((i) => (matrix[i] ?? []).every((v) => v !== null));
    const dropped = ids.filter((_, i) => !keep.includes(i));
    const rows = keep.map((i) => keep.map((j) => matrix[i]![j]!));
    const names = keep.map((i) => labelOf(labels, ids[i]!));
    const option =
      names.length === 0
        ? null
        : laidOut(
            correlationHeatmapOption({ names, correlation: fromRows(rows), title: 'Correlation' }),
            narrow,
          );
    return { option, names, dropped };
  }, [doc, labels, narrow]);
  if (doc.correlation.labels.length === 0)
    return (
      <p className="muted empty-state">
        No exposure is held through a fund definition, so there is no correlation to show.
      </p>
    );
  return (
    <>
      {view.option === null ? (
        <p className="muted">No exposure with a non-zero variance: no correlation to draw.</p>
      ) : (
        <Chart
          option={view.option}
          height={`${Math.max(280, 120 + view.names.length * 44)}px`}
          label={`Correlation heatmap of ${view.names.length} exposures: ${view.names.join(', ')}`}
        />
      )}
      {view.dropped.length === 0 ? null : (
        <p className="muted">
          Left out (zero variance, correlation undefined):{' '}
          {view.dropped.map((id) => labelOf(labels, id)).join(', ')}.
        </p>
      )}
      <CorrelationTable doc={doc} labels={labels} />
    </>
  );
}
