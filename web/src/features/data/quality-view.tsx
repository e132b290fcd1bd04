/**
 * The data-quality reports of the stored prices, one row per symbol: score (0–100 against the
 * NYSE calendar), observations against the expected trading days, missing days and the issues
 * (gaps, stale prices, jumps, split and dividend anomalies — flagged, never corrected), listed
 * by date under each symbol.
 */
import type { DataQualityDocument } from '../../api/documents.ts';
import { date, quantity } from '../../format.ts';

/** How many issues are listed per symbol (the count is always complete). */
export const ISSUES_SHOWN = 50;

/** The quality reports (see the module comment). */
export function QualityView({ doc }: { doc: DataQualityDocument }) {
  const reports = Object.entries(doc);
  return (
    <>
      <div className="table-wrap">
        <table aria-label="Quality reports">
          <thead>
            <tr>
              <th>Symbol</th>
              <th className="num">Score</th>
              <th className="num">Observations</th>
              <th className="num">Trading days</th>
              <th className="num">Missing</th>
              <th className="num">Issues</th>
            </tr>
          </thead>
          <tbody>
            {reports.map(([symbol, r]) => (
              <tr key={symbol}>
                <th scope="row">{symbol}</th>
                <td className={`num ${r.score < 90 ? 'down' : ''}`}>{quantity(r.score, 0)}</td>
                <td className="num">{quantity(r.observations, 0)}</td>
                <td className="num">{quantity(r.expectedTradingDays, 0)}</td>
                <td className="num">{quantity(r.missingTradingDays, 0)}</td>
                <td className="num">{quantity(r.issues.length, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {reports
        .filter(([, r]) => r.issues.length > 0)
        .map(([symbol, r]) => (
          <details key={symbol}>
            <summary>
              {symbol}: {quantity(r.issues.length, 0)} issue{r.issues.length === 1 ? '' : 's'}
            </summary>
            <ul className="issues">
              {r.issues.slice(0, ISSUES_SHOWN).map((issue, i) => (
                <li key={i}>
                  {date(issue.date)}{' '}
                  <span className="badge flag">{issue.kind.replaceAll('_', ' ')}</span>{' '}
                  {issue.detail}
                </li>
              ))}
            </ul>
            {r.issues.length > ISSUES_SHOWN ? (
              <p className="muted">
                The first {quantity(ISSUES_SHOWN, 0)} are listed;{' '}
                <code>ballast data quality {symbol}</code> lists every one.
              </p>
            ) : null}
          </details>
        ))}
    </>
  );
}
