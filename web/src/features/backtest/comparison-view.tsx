/**
 * The comparison of a backtest's strategies and its benchmark, as the document gives them: the
 * window, the money and the cash terms in tiles, then one row per strategy (the benchmark last)
 * with the columns of `ballast backtest --format table` — final value, TWR, MWR, CAGR,
 * volatility, maximum drawdown, Sharpe, costs, net interest and rebalances — the sentence saying
 * whether the figures are annualised, and the document's warnings. Nothing is computed here.
 */
import type { BacktestDocument, BacktestStrategyDocument } from '../../api/documents.ts';
import { Tile } from '../../components/panel.tsx';
import { date, money, percent, quantity, signedMoney, signedPercent, tone } from '../../format.ts';
import { Warnings } from '../optimize/warnings.tsx';

/** One column of the table: its title, its key (`data-col`) and its formatted cell. */
interface Column {
  readonly key: string;
  readonly title: string;
  readonly cell: (s: BacktestStrategyDocument) => string;
  /** The cell's colour follows the sign of this value. */
  readonly signOf?: (s: BacktestStrategyDocument) => number | null | undefined;
}

/** The table's columns (as the CLI's table; max drawdown shown as a fall, −x %). */
export const COLUMNS: readonly Column[] = [
  { key: 'final', title: 'Final value', cell: (s) => money(s.finalValue) },
  { key: 'twr', title: 'TWR', cell: (s) => signedPercent(s.twr), signOf: (s) => s.twr },
  { key: 'mwr', title: 'MWR', cell: (s) => signedPercent(s.mwr), signOf: (s) => s.mwr },
  {
    key: 'cagr',
    title: 'CAGR',
    cell: (s) => signedPercent(s.twrAnnualized),
    signOf: (s) => s.twrAnnualized,
  },
  { key: 'vol', title: 'Volatility', cell: (s) => percent(s.metrics?.annualizedVolatility) },
  {
    key: 'maxdd',
    title: 'Max drawdown',
    cell: (s) => signedPercent(s.metrics === null ? null : -s.metrics.maxDrawdown),
    signOf: (s) => (s.metrics === null ? null : -s.metrics.maxDrawdown),
  },
  { key: 'sharpe', title: 'Sharpe', cell: (s) => quantity(s.metrics?.sharpe, 2) },
  { key: 'costs', title: 'Costs', cell: (s) => money(s.costs) },
  {
    key: 'interest',
    title: 'Interest',
    cell: (s) => signedMoney(s.interest),
    signOf: (s) => s.interest,
  },
  { key: 'rebalances', title: 'Rebalances', cell: (s) => quantity(s.rebalances.length, 0) },
];

/** How the returns are stated (GIPS: nothing annualised over a year or less), as the CLI says. */
function basisLine(doc: BacktestDocument): string {
  const first = doc.strategies[0];
  if (first === undefined) return '';
  const days = quantity(first.windowDays, 0);
  return first.mwrBasis === 'period'
    ? `TWR and MWR are for the ${days}-day window, not annualised (a year or less, GIPS), so no CAGR is given.`
    : `TWR is the window's own return; CAGR is the TWR annualised on 252 rows a year; MWR is the annual XIRR (Actual/365) of the flows, over ${days} days. Volatility and Sharpe are annualised from daily returns, the risk-free rate being the cash rate.`;
}

function StrategyRow({ s, benchmark }: { s: BacktestStrategyDocument; benchmark: boolean }) {
  return (
    <tr data-strategy={s.name} className={benchmark ? 'benchmark' : undefined}>
      <th scope="row">
        {s.name}
        {s.stopped === undefined ? null : (
          <span className="badge short" title={`value ${money(s.stopped.value)}`}>
            {s.stopped.reason === 'wipedOut' ? 'wiped out' : 'depleted'} {date(s.stopped.date)}
          </span>
        )}
      </th>
      {COLUMNS.map((c) => (
        <td key={c.key} data-col={c.key} className={`num ${tone(c.signOf?.(s))}`}>
          {c.cell(s)}
        </td>
      ))}
    </tr>
  );
}

/** The comparison (see the module comment). */
export function ComparisonView({ doc }: { doc: BacktestDocument }) {
  const flows = doc.strategies.some((s) => s.flows.length > 0);
  return (
    <>
      <div className="tiles comparison-tiles">
        <Tile
          label="Window"
          value={`${quantity(doc.window.rows, 0)} trading days`}
          sub={`${date(doc.window.from)} – ${date(doc.window.to)}`}
        />
        <Tile
          label="Initial"
          value={money(doc.initial)}
          sub={flows ? 'plus the flows' : 'no flows'}
        />
        <Tile
          label="Cash rate"
          value={percent(doc.cash.rate)}
          sub={`borrowing at + ${percent(doc.cash.borrowSpread)}`}
        />
        <Tile label="Prices" value={doc.prices} tone="text-value" />
      </div>
      <div className="table-wrap">
        <table className="comparison" aria-label="Strategies compared">
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.strategies.map((s) => (
              <StrategyRow key={s.name} s={s} benchmark={false} />
            ))}
            {doc.benchmark === undefined ? null : (
              <StrategyRow s={doc.benchmark} benchmark={true} />
            )}
          </tbody>
        </table>
      </div>
      <p className="muted basis">{basisLine(doc)}</p>
      <Warnings warnings={doc.warnings} />
    </>
  );
}
