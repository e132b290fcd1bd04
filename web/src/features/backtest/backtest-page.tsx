/**
 * The Backtest page: a config in the YAML of `ballast backtest --config` (prefilled with an
 * example over the demo's funds from the store), run as a job (`POST /api/v1/runs`, kind
 * `backtest`, with a progress bar and a Cancel button), then the strategies compared in one
 * table and the charts — growth of $1 over drawdown, and the rolling 12-month return. A bad
 * config shows the API's error with the field it names. Conventions: docs/backtest.md.
 */
import { useMemo } from 'react';
import type { BacktestDocument } from '../../api/documents.ts';
import { Chart } from '../../charts/chart.tsx';
import { Panel } from '../../components/panel.tsx';
import { ConfigRunControls, useConfigRun } from '../../components/config-run.tsx';
import { date } from '../../format.ts';
import { BACKTEST_EXAMPLES } from './backtest-examples.ts';
import { useNarrow } from '../risk/narrow.ts';
import { chartInput, growthChart, laidOut, ROLLING_ROWS, rollingChart } from './backtest-charts.ts';
import { ComparisonView } from './comparison-view.tsx';
import { ConfigEditor } from './config-editor.tsx';
import './backtest.css';

function who(doc: BacktestDocument): string {
  const names = doc.strategies.map((s) => s.name).join(', ');
  const bench = doc.benchmark === undefined ? '' : ` and the benchmark ${doc.benchmark.symbol}`;
  return `${names}${bench}, ${date(doc.window.from)} to ${date(doc.window.to)}`;
}

function Charts({ doc }: { doc: BacktestDocument }) {
  const narrow = useNarrow();
  const input = useMemo(() => chartInput(doc), [doc]);
  const growth = useMemo(() => laidOut(growthChart(input), narrow), [input, narrow]);
  const rolling = useMemo(() => {
    const option = rollingChart(input);
    return option === null ? null : laidOut(option, narrow);
  }, [input, narrow]);
  return (
    <>
      <Panel
        title="Growth of $1 and drawdown"
        size="wide"
        note="Each strategy's time-weighted return from the first close, and its fall from the running peak; the benchmark grey and dashed. Flows move a TWR only by their trading costs, so a saving plan's line stays close to that of the same strategy without flows."
      >
        {() => (
          <Chart
            option={growth}
            height="480px"
            label={`Growth of $1 and drawdown of ${who(doc)}`}
          />
        )}
      </Panel>
      <Panel
        title="Rolling 12-month return"
        size="wide"
        note={`The compounded time-weighted return of the trailing ${ROLLING_ROWS} rows (a year of trading days), dated by its last row.`}
      >
        {() =>
          rolling === null ? (
            <p className="muted">
              The window has fewer than {ROLLING_ROWS} daily returns: there is no 12-month window to
              roll.
            </p>
          ) : (
            <Chart
              option={rolling}
              height="360px"
              label={`Rolling 12-month return of ${who(doc)}`}
            />
          )
        }
      </Panel>
    </>
  );
}

/** The Backtest page (see the module comment). */
export default function BacktestPage() {
  const state = useConfigRun<BacktestDocument>('backtest', BACKTEST_EXAMPLES);
  const { runId, run, current, document } = state;

  return (
    <div className="page">
      <Panel
        title="Backtest config"
        size="wide"
        note={
          <>
            Strategies of target weights run day by day over daily closes, with rebalancing, bands,
            flows, trading costs and cash interest (<code>ballast backtest</code>). Prices come from
            the store (<code>symbols</code>) or inline (<code>prices: {'{ text }'}</code>, a wide
            CSV); no file on the server is read.
          </>
        }
      >
        {() => (
          <ConfigRunControls
            state={state}
            what="Backtest"
            editor={(props) => <ConfigEditor {...props} />}
          />
        )}
      </Panel>
      <Panel
        title="Strategies compared"
        size="wide"
        {...(runId === null ? {} : { query: run })}
        note="Money in dollars; returns as the document states them: TWR and MWR side by side, never annualised over a year or less."
      >
        {() =>
          document === undefined ? (
            <p className="muted">
              {current === undefined
                ? 'Run the config above to compare its strategies.'
                : current.status === 'failed'
                  ? 'The backtest failed: see the error under the config.'
                  : current.status === 'cancelled'
                    ? 'The backtest was cancelled: run it again to compare its strategies.'
                    : 'The backtest is running: see its progress under the config.'}
            </p>
          ) : (
            <div className="run-result" data-run={current?.id}>
              <ComparisonView doc={document} />
            </div>
          )
        }
      </Panel>
      {document === undefined ? null : <Charts doc={document} />}
    </div>
  );
}
