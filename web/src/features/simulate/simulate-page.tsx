/**
 * The Simulate page: a Monte Carlo config in the YAML of `ballast simulate --config` (prefilled
 * with an example over the repository's sample returns, inline), run as a job
 * (`POST /api/v1/runs`, kind `simulate`, with a progress bar and a Cancel button), then the
 * summary tiles, each with its definition, and the fan chart of the value percentiles by year
 * with its numbers in a table. A bad config shows the API's error with the field it names.
 * Conventions: docs/simulate.md.
 */
import type { SimulateDocument } from '../../api/documents.ts';
import { Panel } from '../../components/panel.tsx';
import { ConfigRunControls, useConfigRun } from '../../components/config-run.tsx';
import { date, money, percent } from '../../format.ts';
import { Warnings } from '../optimize/warnings.tsx';
import { FanChart, runLine } from './simulate-chart.tsx';
import { SimulateEditor } from './simulate-editor.tsx';
import { SIMULATE_EXAMPLES } from './simulate-examples.ts';
import { SimulateTiles } from './simulate-tiles.tsx';
import './simulate.css';

/** What was simulated, in one sentence. */
function describe(doc: SimulateDocument): string {
  const w = doc.withdrawal;
  const flow =
    w === null
      ? 'no withdrawal'
      : `${w.amount < 0 ? 'contributing' : 'withdrawing'} ${money(Math.abs(w.amount))} ${w.every}` +
        (w.inflation === 0 ? '' : `, grown ${percent(w.inflation)} a year`);
  const h = doc.history;
  return `${runLine(doc)}; ${money(doc.initial)} initial, ${flow}; fitted to ${h.rows} periods (${date(h.from)} – ${date(h.to)}, ${doc.periodsPerYear} a year).`;
}

function Results({ doc, id }: { doc: SimulateDocument; id: string | undefined }) {
  return (
    <div className="run-result" data-run={id}>
      <p className="muted run-line">{describe(doc)}</p>
      <SimulateTiles doc={doc} />
      <Warnings warnings={doc.warnings} />
    </div>
  );
}

/** The Simulate page (see the module comment). */
export default function SimulatePage() {
  const state = useConfigRun<SimulateDocument>('simulate', SIMULATE_EXAMPLES);
  const { runId, run, current, document } = state;

  return (
    <div className="page">
      <Panel
        title="Simulation config"
        size="wide"
        note={
          <>
            Monte Carlo paths of a portfolio rebalanced every period, with withdrawals (
            <code>ballast simulate</code>). Returns inline (<code>returns: {'{ text }'}</code>, a
            wide CSV of periodic returns) or from the store (<code>returns: {'{ symbols }'}</code>
            ); no file on the server is read. The examples' returns are derived from a bundled
            sample of 57 months: far too short a history to plan on.
          </>
        }
      >
        {() => (
          <ConfigRunControls
            state={state}
            what="Simulation"
            editor={(props) => <SimulateEditor {...props} />}
          />
        )}
      </Panel>
      <Panel
        title="Outcomes"
        size="wide"
        {...(runId === null ? {} : { query: run })}
        note="Money in the returns' units (real returns: today's money); quantiles of type 7 over the paths; depleted paths count as 0."
      >
        {() =>
          document === undefined ? (
            <p className="muted">
              {current === undefined
                ? 'Run the config above to see its outcomes.'
                : current.status === 'failed'
                  ? 'The simulation failed: see the error under the config.'
                  : current.status === 'cancelled'
                    ? 'The simulation was cancelled: run it again to see its outcomes.'
                    : 'The simulation is running: see its progress under the config.'}
            </p>
          ) : (
            <Results doc={document} id={current?.id} />
          )
        }
      </Panel>
      {document === undefined ? null : (
        <Panel
          title="Value by year"
          size="wide"
          note="The 5–95 % and 25–75 % bands and the median of the portfolio value at each year end, after that year's withdrawals; year 0 is the initial value."
        >
          {() => <FanChart doc={document} />}
        </Panel>
      )}
    </div>
  );
}
