/**
 * Stress views of the Risk page: the built-in scenarios of a `stress` document as a table
 * (total P&L and P&L by account per scenario, a failed scenario with its error, details on
 * demand), and the result of a custom shock. Every figure is the document's.
 */
import { Fragment, useState } from 'react';
import type { FailedScenario, ScenarioDocument, StressDocument } from '../../api/documents.ts';
import { ErrorBox } from '../../components/panel.tsx';
import { date, money, signedMoney, signedPercent, tone } from '../../format.ts';
import { labelOf } from '../exposures/labels.ts';

type Labels = Readonly<Record<string, string>>;
type Scenario = ScenarioDocument | FailedScenario;

const failed = (s: Scenario): s is FailedScenario => 'error' in s;

/** The window of a scenario: dates as given, and the effective ones when data snapped them. */
function WindowText({ s }: { s: Scenario }) {
  const w = s.window;
  if (w === undefined) return <span className="muted">hypothetical shock</span>;
  const effective = 'effectiveFrom' in w ? w : null;
  return (
    <>
      {date(w.from)} → {date(w.to)}
      {effective === null ||
      (effective.effectiveFrom === w.from && effective.effectiveTo === w.to) ? null : (
        <span className="cell-sub">
          data: {date(effective.effectiveFrom)} → {date(effective.effectiveTo)}
        </span>
      )}
    </>
  );
}

/** A money P&L with its return below. */
function Pnl({ pnl, ret }: { pnl: number; ret: number | null }) {
  return (
    <>
      <span className={tone(pnl)}>{signedMoney(pnl)}</span>
      {ret === null ? null : <span className="cell-sub">{signedPercent(ret)}</span>}
    </>
  );
}

/** One scenario's detail: P&L by exposure (with the shock and its rule) and by position. */
export function ScenarioDetail({ s, labels }: { s: ScenarioDocument; labels: Labels }) {
  return (
    <div className="scenario-detail">
      <div className="table-wrap">
        <table>
          <caption>By exposure</caption>
          <thead>
            <tr>
              <th>Exposure</th>
              <th className="num">Exposure held</th>
              <th className="num">Shock</th>
              <th className="num">P&amp;L</th>
            </tr>
          </thead>
          <tbody>
            {s.byExposure.map((e) => (
              <tr key={e.exposure}>
                <td title={s.rules[e.exposure] ?? e.exposure}>{labelOf(labels, e.exposure)}</td>
                <td className="num">{money(e.exposureValue)}</td>
                <td className="num">{e.shock === null ? 'no data' : signedPercent(e.shock)}</td>
                <td className={`num ${tone(e.pnl)}`}>{signedMoney(e.pnl)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table>
          <caption>By position</caption>
          <thead>
            <tr>
              <th>Account</th>
              <th>Symbol</th>
              <th className="num">Value</th>
              <th className="num">P&amp;L</th>
              <th className="num">Return</th>
            </tr>
          </thead>
          <tbody>
            {s.byPosition.map((p) => (
              <tr key={`${p.account}-${p.symbol}`}>
                <td>{p.account}</td>
                <td>{p.symbol}</td>
                <td className="num">{money(p.value)}</td>
                <td className={`num ${tone(p.pnl)}`}>{signedMoney(p.pnl)}</td>
                <td className="num">{signedPercent(p.return)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {[...s.uncovered.map((u) => `${labelOf(labels, u.exposure)}: ${u.reason}`)]
        .concat(s.unexplained.map((u) => `${u.symbol} (${u.account}): ${u.reason}`))
        .map((text) => (
          <p key={text} className="warning">
            {text}
          </p>
        ))}
    </div>
  );
}

/** Accounts in first-seen order over the scenarios that ran. */
function accountsOf(scenarios: readonly Scenario[]): string[] {
  const accounts: string[] = [];
  for (const s of scenarios)
    if (!failed(s))
      for (const a of s.byAccount) if (!accounts.includes(a.account)) accounts.push(a.account);
  return accounts;
}

/** The scenarios of a stress document: one row each, details on demand. */
export function StressTable({ doc, labels }: { doc: StressDocument; labels: Labels }) {
  const [open, setOpen] = useState<string | null>(null);
  if (doc.scenarios.length === 0) return <p className="muted">The document lists no scenario.</p>;
  const accounts = accountsOf(doc.scenarios);
  const columns = 5 + accounts.length;
  return (
    <>
      <div className="table-wrap">
        <table className="stress">
          <thead>
            <tr>
              <th>Scenario</th>
              <th>Window</th>
              <th className="num">Total P&amp;L</th>
              {accounts.map((a) => (
                <th key={a} className="num">
                  {a}
                </th>
              ))}
              <th className="num">Value before</th>
              <th className="details-head">
                <span className="sr-only">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {doc.scenarios.map((s) => (
              <Fragment key={s.name}>
                <tr className="scenario" data-scenario={s.name}>
                  <th scope="row">{s.name}</th>
                  <td data-label="Window">
                    <WindowText s={s} />
                  </td>
                  {failed(s) ? (
                    <td colSpan={columns - 2} className="scenario-error">
                      <span role="note">{s.error.message}</span> <code>{s.error.code}</code>
                    </td>
                  ) : (
                    <>
                      <td className="num total-pnl" data-label="Total P&L">
                        <Pnl pnl={s.totalPnl} ret={s.totalReturn} />
                      </td>
                      {accounts.map((a) => {
                        const row = s.byAccount.find((b) => b.account === a);
                        return (
                          <td key={a} className="num" data-label={a}>
                            {row === undefined ? '—' : <Pnl pnl={row.pnl} ret={row.return} />}
                          </td>
                        );
                      })}
                      <td className="num" data-label="Value before">
                        {money(s.totalValue)}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="secondary small"
                          aria-expanded={open === s.name}
                          aria-label={`Details of ${s.name}`}
                          onClick={() => setOpen(open === s.name ? null : s.name)}
                        >
                          {open === s.name ? 'Hide' : 'Details'}
                        </button>
                      </td>
                    </>
                  )}
                </tr>
                {open === s.name && !failed(s) ? (
                  <tr className="detail">
                    <td colSpan={columns}>
                      <ScenarioDetail s={s} labels={labels} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <details className="notes">
        <summary>Conventions and data</summary>
        <ul>
          {doc.source === undefined ? null : (
            <li>
              historical returns from {doc.source === 'sample' ? 'the bundled sample' : 'the store'}
            </li>
          )}
          {doc.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

/** The result of a custom shock: total P&L, P&L by account, and the detail. */
export function ShockResult({ doc, labels }: { doc: StressDocument; labels: Labels }) {
  return (
    <>
      {doc.scenarios.map((s) =>
        failed(s) ? (
          <ErrorBox key={s.name} error={new Error(s.error.message)} />
        ) : (
          <div key={s.name} className="shock-result" aria-label={`Result of ${s.name}`}>
            <h3>
              {s.name}: <Pnl pnl={s.totalPnl} ret={s.totalReturn} />{' '}
              <span className="muted">on {money(s.totalValue)}</span>
            </h3>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>Account</th>
                    <th className="num">Value</th>
                    <th className="num">P&amp;L</th>
                    <th className="num">Return</th>
                  </tr>
                </thead>
                <tbody>
                  {s.byAccount.map((a) => (
                    <tr key={a.account}>
                      <td>{a.account}</td>
                      <td className="num">{money(a.value)}</td>
                      <td className={`num ${tone(a.pnl)}`}>{signedMoney(a.pnl)}</td>
                      <td className="num">{signedPercent(a.return)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ScenarioDetail s={s} labels={labels} />
          </div>
        ),
      )}
    </>
  );
}
