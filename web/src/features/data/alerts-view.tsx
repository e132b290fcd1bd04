/**
 * The stored data alerts (raised by `ballast data refresh`), newest first — the API lists them
 * oldest first and the page asks for the latest {@link ALERTS_SHOWN}: time (UTC), symbol, code
 * with its one-line meaning, message and source; then a legend of the codes. An empty store of
 * alerts says where they come from.
 */
import type { StoredAlert } from '../../api/documents.ts';
import { quantity } from '../../format.ts';
import { ALERT_CODE_MEANINGS, alertMeaning } from './alert-codes.ts';
import { fetched } from './data-table.tsx';

/** How many of the latest alerts the page asks for. */
export const ALERTS_SHOWN = 50;

function NoAlerts() {
  return (
    <p className="muted">
      No data alerts stored. <code>ballast data refresh</code> stores one for each provider outage
      and each quality finding on newly fetched prices.
    </p>
  );
}

function CodeLegend() {
  return (
    <dl className="alert-codes" aria-label="Alert codes">
      {Object.entries(ALERT_CODE_MEANINGS).map(([code, meaning]) => (
        <div key={code}>
          <dt>
            <code>{code}</code>
          </dt>
          <dd>{meaning}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The alerts table, newest first (see the module comment); `alerts` as the API gives them. */
export function AlertsView({ alerts }: { alerts: readonly StoredAlert[] }) {
  if (alerts.length === 0)
    return (
      <>
        <NoAlerts />
        <CodeLegend />
      </>
    );
  const newestFirst = [...alerts].reverse();
  return (
    <>
      <div className="table-wrap">
        <table aria-label="Data alerts">
          <thead>
            <tr>
              <th>Time</th>
              <th>Symbol</th>
              <th>Code</th>
              <th>Message</th>
              <th>Source</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((a) => (
              <tr key={a.id} data-id={a.id}>
                <td>{fetched(a.createdAt)}</td>
                <th scope="row">{a.symbol}</th>
                <td>
                  <span className="badge flag" title={alertMeaning(a.code)}>
                    {a.code}
                  </span>
                </td>
                <td>{a.message}</td>
                <td>{a.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {alerts.length >= ALERTS_SHOWN ? (
        <p className="muted">
          The latest {quantity(ALERTS_SHOWN, 0)} are listed; <code>ballast data alerts</code> lists
          every one.
        </p>
      ) : null}
      <CodeLegend />
    </>
  );
}
