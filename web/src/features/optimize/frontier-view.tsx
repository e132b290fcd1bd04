/**
 * The efficient frontier of a succeeded `frontier` run, drawn by the CLI's own builder
 * (`efficientFrontierOption`): the frontier, each asset at (volatility, expected return) from the
 * estimate of the same universe under the same models, the tangency portfolio and the capital
 * allocation line; then the end points and the tangency as tiles and every point in a table.
 */
import { useMemo } from 'react';
import type { FrontierDocument } from '../../api/documents.ts';
import { Chart } from '../../charts/chart.tsx';
import { ErrorBox, Tile } from '../../components/panel.tsx';
import { percent, quantity } from '../../format.ts';
import { efficientFrontierOption, type AssetPoint } from '../../../../src/report/frontier.ts';
import { Warnings } from './warnings.tsx';

export interface FrontierViewProps {
  readonly doc: FrontierDocument;
  /** The assets' points (null while the estimate is on its way or when it failed). */
  readonly assets: readonly AssetPoint[] | null;
  /** Why there are no asset points (the estimate's error), if it failed. */
  readonly assetsError?: unknown;
}

const riskReturn = (p: { volatilityAnnual: number; expectedReturnAnnual: number }): string =>
  `σ ${percent(p.volatilityAnnual)} · μ ${percent(p.expectedReturnAnnual)}`;

/** The frontier (see the module comment). */
export function FrontierView({ doc, assets, assetsError }: FrontierViewProps) {
  const option = useMemo(
    () => efficientFrontierOption({ frontier: doc, assets: assets ?? [] }),
    [doc, assets],
  );
  const { tangency, capitalAllocationLine: cal } = doc;
  return (
    <>
      <Chart
        option={option}
        height="380px"
        label={`Efficient frontier: ${quantity(doc.points.length, 0)} portfolios from volatility ${percent(doc.minVariance.volatilityAnnual)} to ${percent(doc.maxReturn.volatilityAnnual)}${tangency === undefined ? '' : `, tangency Sharpe ${quantity(tangency.sharpe, 2)}`}`}
      />
      {assetsError === undefined || assetsError === null ? null : (
        <>
          <p className="muted">The assets are not drawn: their estimate failed.</p>
          <ErrorBox error={assetsError} />
        </>
      )}
      <div className="tiles">
        <Tile
          label="Minimum variance"
          value={percent(doc.minVariance.volatilityAnnual)}
          sub={riskReturn(doc.minVariance)}
        />
        <Tile
          label="Tangency (max Sharpe)"
          value={tangency === undefined ? '—' : quantity(tangency.sharpe, 2)}
          sub={
            tangency === undefined ? 'no portfolio beats the risk-free rate' : riskReturn(tangency)
          }
        />
        <Tile
          label="Maximum return"
          value={percent(doc.maxReturn.expectedReturnAnnual)}
          sub={riskReturn(doc.maxReturn)}
        />
        <Tile
          label="Capital allocation line"
          value={cal === undefined ? '—' : `${quantity(cal.slope, 3)} σ`}
          sub={cal === undefined ? 'no tangency' : `from rf ${percent(cal.riskFreeRateAnnual)}`}
        />
      </div>
      <Warnings warnings={doc.warnings} />
      <details>
        <summary>The {quantity(doc.points.length, 0)} frontier portfolios</summary>
        <div className="table-wrap">
          <table aria-label="Frontier points">
            <thead>
              <tr>
                <th className="num">#</th>
                <th className="num">Volatility</th>
                <th className="num">Expected return</th>
                <th className="num">Sharpe</th>
              </tr>
            </thead>
            <tbody>
              {doc.points.map((p, i) => (
                <tr key={i}>
                  <td className="num">{quantity(i + 1, 0)}</td>
                  <td className="num">{percent(p.volatilityAnnual)}</td>
                  <td className="num">{percent(p.expectedReturnAnnual)}</td>
                  <td className="num">{quantity(p.sharpe, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
