/**
 * The proposed weights of a succeeded `optimize` run, as its document gives them: expected
 * return, volatility, Sharpe ratio and objective value, then every asset's weight and risk
 * contribution (largest weight first), the sum of the weights and the cash line (negative =
 * borrowing), the economic exposures when fund definitions were used, and every constraint the
 * solver checked with its slack.
 */
import type { OptimizeDocument } from '../../api/documents.ts';
import { Tile } from '../../components/panel.tsx';
import { percent, quantity, tone } from '../../format.ts';
import { Breakable } from './breakable.tsx';
import { Warnings } from './warnings.tsx';

export interface WeightsViewProps {
  readonly doc: OptimizeDocument;
  /** Exposure id → its name (the exposure universe), for the assets that are exposures. */
  readonly names: Readonly<Record<string, string>>;
}

/** Σ of the weights as the table's total row shows it. */
export const weightsTotal = (weights: Readonly<Record<string, number>>): number =>
  Object.values(weights).reduce((sum, w) => sum + w, 0);

function ExposureTable({ exposures }: { exposures: Readonly<Record<string, number>> }) {
  return (
    <div className="table-wrap">
      <table aria-label="Economic exposures">
        <thead>
          <tr>
            <th>Exposure</th>
            <th className="num">x = Eᵀw</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(exposures).map(([id, x]) => (
            <tr key={id}>
              <td>{id}</td>
              <td className="num">{percent(x)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The optimisation's weights (see the module comment). */
export function WeightsView({ doc, names }: WeightsViewProps) {
  const rows = Object.entries(doc.weights).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <div className="tiles">
        <Tile label="Expected return" value={percent(doc.expectedReturnAnnual)} sub="annual" />
        <Tile label="Volatility" value={percent(doc.volatilityAnnual)} sub="annual" />
        <Tile label="Sharpe ratio" value={quantity(doc.sharpe, 2)} sub={doc.objective} />
        <Tile
          label="Cash line"
          value={percent(doc.cash)}
          tone={tone(doc.cash)}
          sub={
            doc.riskFree === undefined
              ? 'lending + / borrowing −'
              : `rf: ${doc.riskFree.column} ${percent(doc.riskFree.rateAnnual)}`
          }
        />
      </div>
      <div className="table-wrap">
        <table aria-label="Weights">
          <thead>
            <tr>
              <th>Asset</th>
              <th className="num">Weight</th>
              <th className="num">Risk contribution</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([asset, w]) => (
              <tr key={asset} data-asset={asset} className={w === 0 ? 'zero' : undefined}>
                <td className="asset">
                  <Breakable id={asset} />
                  {names[asset] === undefined ? null : (
                    <span className="asset-name">{names[asset]}</span>
                  )}
                </td>
                <td className="num">{percent(w)}</td>
                <td className="num">{percent(doc.riskContributions[asset])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total" data-total="weights">
              <th scope="row">Σ weights</th>
              <td className="num">{percent(weightsTotal(doc.weights))}</td>
              <td />
            </tr>
            <tr data-total="cash">
              <th scope="row">Cash line</th>
              <td className="num">{percent(doc.cash)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {doc.exposures === undefined ? null : <ExposureTable exposures={doc.exposures} />}
      <Warnings warnings={doc.warnings} />
      <details>
        <summary>
          Constraints checked ({quantity(doc.constraintsChecked.length, 0)}) and solver
        </summary>
        <div className="table-wrap">
          <table aria-label="Constraints checked">
            <thead>
              <tr>
                <th>Constraint</th>
                <th>Holds</th>
                <th className="num">Slack</th>
              </tr>
            </thead>
            <tbody>
              {doc.constraintsChecked.map((c) => (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td>{c.ok ? 'yes' : <span className="down">no</span>}</td>
                  <td className="num">{quantity(c.slack, 6)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">
          {doc.diagnostics.solver}: {doc.diagnostics.message} ({quantity(doc.diagnostics.solves, 0)}{' '}
          solve{doc.diagnostics.solves === 1 ? '' : 's'}, objective value{' '}
          {quantity(doc.objectiveValue, 6)})
        </p>
      </details>
    </>
  );
}
