/**
 * Overview: what the portfolio is worth and carries (value, cash, unrealised gain, gross and
 * net economic leverage), its change over the last day, month, quarter, year to date and year
 * at stored closes (each window the store cannot measure says why), how it has done — time-weighted and money-weighted return side by side with their
 * definitions — growth of $1 against a benchmark, and the drawdown. Performance needs stored
 * closes for every holding; without them the panels say which data is missing (never an
 * estimate).
 */
import { useMemo } from 'react';
import { Chart } from '../../charts/chart.tsx';
import { Panel, Tile } from '../../components/panel.tsx';
import { date, money, signedMoney, signedPercent, times, tone } from '../../format.ts';
import { Link, setQuery, useRoute } from '../../router.tsx';
import type { PerformanceDocument, PortfolioSummaryDocument } from '../../api/documents.ts';
import { chartInput, drawdownChart, growthChart } from './overview-charts.ts';
import { usePerformance, useSummary } from './overview-queries.ts';

const BENCHMARKS = ['SPY', 'VT', 'AOR', 'none'] as const;

function BenchmarkPicker({ value }: { value: string }) {
  return (
    <label>
      Benchmark
      <select value={value} onChange={(e) => setQuery({ bench: e.target.value })}>
        {BENCHMARKS.map((b) => (
          <option key={b} value={b}>
            {b === 'none' ? 'None' : b}
          </option>
        ))}
      </select>
    </label>
  );
}

function Returns({ doc }: { doc: PerformanceDocument }) {
  const mwrLabel = doc.mwrBasis === 'annual' ? 'MWR (per year)' : 'MWR (period)';
  return (
    <>
      <div className="tiles">
        <Tile
          label="TWR"
          value={signedPercent(doc.twr)}
          tone={tone(doc.twr)}
          sub={
            doc.twrAnnualized === null
              ? 'not annualised (≤ 1 year)'
              : `${signedPercent(doc.twrAnnualized)} per year`
          }
        />
        <Tile label={mwrLabel} value={signedPercent(doc.mwr)} tone={tone(doc.mwr)} />
        {doc.benchmark === undefined ? null : (
          <Tile
            label={`${doc.benchmark.symbol} (benchmark)`}
            value={signedPercent(doc.benchmark.twr)}
            sub={`excess ${signedPercent(doc.benchmark.excess)}`}
          />
        )}
        <Tile
          label="Net contributions"
          value={money(doc.netFlows)}
          sub={`${date(doc.from)} – ${date(doc.to)}`}
        />
      </div>
      <dl className="definitions">
        <dt>TWR</dt>
        <dd>
          Time-weighted return: daily returns chained, so deposits and withdrawals do not move it —
          how the investments did.
        </dd>
        <dt>MWR</dt>
        <dd>
          Money-weighted return: the internal rate of return of your own cash flows — how your money
          did, timing included. Not annualised for a year or less.
        </dd>
      </dl>
    </>
  );
}

function Periods({ doc }: { doc: PerformanceDocument }) {
  const rows = doc.periods.slice(-12).reverse();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Period</th>
            <th className="num">TWR</th>
            {doc.benchmark === undefined ? null : <th className="num">{doc.benchmark.symbol}</th>}
            <th className="num">Flows</th>
            <th className="num">End value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.period}>
              <td>{p.period}</td>
              <td className={`num ${tone(p.twr)}`}>{signedPercent(p.twr)}</td>
              {doc.benchmark === undefined ? null : (
                <td className="num">{signedPercent(p.benchmarkTwr)}</td>
              )}
              <td className="num">{signedMoney(p.flows)}</td>
              <td className="num">{money(p.endValue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Summary = PortfolioSummaryDocument;

const WINDOWS = [
  ['oneDay', 'Day'],
  ['oneMonth', '1 month'],
  ['threeMonths', '3 months'],
  ['yearToDate', 'Year to date'],
  ['oneYear', '1 year'],
] as const;

/** The reason every window shares when none can be measured, else null. */
function sameReason(doc: Summary): string | null {
  const reasons = new Set(
    WINDOWS.map(([key]) => doc.changes[key]).map((w) => ('reason' in w ? w.reason : null)),
  );
  const [only] = [...reasons];
  return reasons.size === 1 && typeof only === 'string' ? only : null;
}

function Value({ doc }: { doc: Summary }) {
  const { gross, net, reason } = doc.leverage;
  return (
    <>
      <div className="tiles">
        <Tile label="Total value" value={money(doc.totalValue)} sub={`as of ${date(doc.asOf)}`} />
        <Tile
          label="Cash"
          value={money(doc.cash.total)}
          tone={tone(doc.cash.total)}
          sub={doc.cash.total < 0 ? 'borrowed (margin)' : undefined}
        />
        <Tile
          label="Unrealised gain"
          value={signedMoney(doc.unrealizedGain)}
          tone={tone(doc.unrealizedGain)}
          sub={`on ${money(doc.costBasis)} cost`}
        />
        <Tile
          label="Gross economic leverage"
          value={times(gross)}
          sub={reason ?? 'Σ |economic exposure| ÷ value'}
        />
        <Tile label="Net economic leverage" value={times(net)} sub="Σ economic exposure ÷ value" />
      </div>
      {sameReason(doc) !== null ? (
        <p className="warning">No change in value can be measured yet: {sameReason(doc)}.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Change in value">
            <thead>
              <tr>
                <th>Change</th>
                <th>From</th>
                <th className="num">Change</th>
                <th className="num">Return</th>
              </tr>
            </thead>
            <tbody>
              {WINDOWS.map(([key, label]) => {
                const w = doc.changes[key];
                return (
                  <tr key={key}>
                    <td>{label}</td>
                    <td>{w.from === null ? '—' : date(w.from)}</td>
                    {w.change === null ? (
                      <td colSpan={2} className="muted">
                        {'reason' in w ? w.reason : 'not measured'}
                      </td>
                    ) : (
                      <>
                        <td className={`num ${tone(w.change)}`}>{signedMoney(w.change)}</td>
                        <td className={`num ${tone(w.return)}`}>{signedPercent(w.return)}</td>
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        Changes are measured between stored closes with deposits and withdrawals taken out; returns
        are Modified Dietz. Valuation: {doc.valuation.note}.
      </p>
    </>
  );
}

/** The Overview page (see the module comment). */
export default function OverviewPage({ portfolio }: { portfolio: string }) {
  const { query } = useRoute();
  const bench = query.get('bench') ?? 'SPY';
  const summary = useSummary(portfolio);
  const performance = usePerformance(portfolio, bench === 'none' ? null : bench);
  const input = useMemo(() => chartInput(performance.data?.daily), [performance.data]);
  const growth = useMemo(() => (input === null ? null : growthChart(input)), [input]);
  const drawdown = useMemo(() => (input === null ? null : drawdownChart(input)), [input]);
  return (
    <>
      <Panel
        title="Value"
        size="wide"
        query={summary}
        note="Holdings at the latest stored close, else at the ledger's last trade price (the Holdings page says which, per lot)."
      >
        {(doc) => <Value doc={doc} />}
      </Panel>
      {performance.isError ? (
        <Panel
          title="Performance"
          size="wide"
          query={performance}
          note={
            <>
              Returns, growth and drawdown need a close for every holding on every day since the
              first transaction. Import or fetch them on the <Link href="/data">Data</Link> page (or{' '}
              <code>ballast data fetch SYMBOL</code>), or choose another benchmark.
            </>
          }
          actions={<BenchmarkPicker value={bench} />}
        >
          {() => null}
        </Panel>
      ) : (
        <>
          <Panel title="Returns" query={performance} actions={<BenchmarkPicker value={bench} />}>
            {(doc) => <Returns doc={doc} />}
          </Panel>
          <Panel title="By month" query={performance} note="The last 12 months, newest first.">
            {(doc) => <Periods doc={doc} />}
          </Panel>
          <Panel title="Growth of $1" size="wide" query={performance}>
            {() =>
              growth === null ? (
                <p className="muted">No daily returns in the window.</p>
              ) : (
                <Chart option={growth} label="Growth of $1 of the portfolio and the benchmark" />
              )
            }
          </Panel>
          <Panel title="Drawdown" size="wide" query={performance}>
            {() =>
              drawdown === null ? (
                <p className="muted">No daily returns in the window.</p>
              ) : (
                <Chart
                  option={drawdown}
                  label="Drawdown of the portfolio and the benchmark"
                  height="260px"
                />
              )
            }
          </Panel>
        </>
      )}
    </>
  );
}
