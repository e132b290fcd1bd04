/**
 * The store's contents, one row per stored symbol (prices) or series: its range, row count,
 * sources and last fetch, how old its last date is (a `stale` badge past the threshold of
 * `freshness.ts`), the quality report's score and flags for prices, and a Refresh button.
 */
import type { DataListDocument, DataQualityDocument } from '../../api/documents.ts';
import type { CoverageEntry } from '../../../../src/app/data-list.ts';
import { date, quantity } from '../../format.ts';
import { freshnessOf, refreshable, STALE_AFTER_DAYS, type Freshness } from './freshness.ts';

export interface DataTableProps {
  readonly entries: DataListDocument;
  /** The quality reports of the stored prices (undefined while asked for or when it failed). */
  readonly quality: DataQualityDocument | undefined;
  readonly today: string;
  /** Ids a refresh is running for. */
  readonly refreshing: readonly string[];
  readonly busy: boolean;
  readonly onRefresh: (entry: CoverageEntry) => void;
}

/** `2025-10-01T12:00:00.000Z` as `Oct 1, 2025 12:00 UTC`. */
export const fetched = (iso: string): string =>
  `${date(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;

function FreshnessCell({ f, kind }: { f: Freshness; kind: CoverageEntry['kind'] }) {
  const age = `${quantity(f.ageDays, 0)} day${f.ageDays === 1 ? '' : 's'} old`;
  if (f.state === 'imported')
    return (
      <>
        {age} <span className="badge">imported</span>
      </>
    );
  if (f.state === 'stale')
    return (
      <>
        {age}{' '}
        <span className="badge stale" title={`older than ${STALE_AFTER_DAYS[kind]} days`}>
          stale
        </span>
      </>
    );
  return (
    <>
      {age} <span className="badge current">current</span>
    </>
  );
}

function QualityCell({ report }: { report: DataQualityDocument[string] | undefined }) {
  if (report === undefined) return <span className="muted">—</span>;
  const counts = new Map<string, number>();
  for (const issue of report.issues) counts.set(issue.kind, (counts.get(issue.kind) ?? 0) + 1);
  return (
    <span className="flags">
      <span className={`badge ${report.score < 90 ? 'short' : ''}`}>
        score {quantity(report.score, 0)}
      </span>
      {[...counts].map(([kind, n]) => (
        <span className="badge flag" key={kind}>
          {kind.replaceAll('_', ' ')} ×{quantity(n, 0)}
        </span>
      ))}
    </span>
  );
}

/** The stored data (see the module comment). */
export function DataTable({
  entries,
  quality,
  today,
  refreshing,
  busy,
  onRefresh,
}: DataTableProps) {
  return (
    <div className="table-wrap">
      <table aria-label="Stored data">
        <thead>
          <tr>
            <th>Symbol or series</th>
            <th>Kind</th>
            <th>From</th>
            <th>To</th>
            <th className="num">Rows</th>
            <th>Source</th>
            <th>Last fetched</th>
            <th>Freshness</th>
            <th>Quality</th>
            <th>Refresh</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.kind}:${e.id}`} data-id={e.id}>
              <th scope="row">{e.id}</th>
              <td>{e.kind}</td>
              <td>{date(e.first)}</td>
              <td>{date(e.last)}</td>
              <td className="num">{quantity(e.rows, 0)}</td>
              <td title={e.sources.join(', ')}>
                {e.source}
                {e.sources.length > 1 ? (
                  <span className="muted"> +{quantity(e.sources.length - 1, 0)}</span>
                ) : null}
              </td>
              <td>{fetched(e.fetchedAt)}</td>
              <td>
                <FreshnessCell f={freshnessOf(e, today)} kind={e.kind} />
              </td>
              <td>{e.kind === 'prices' ? <QualityCell report={quality?.[e.id]} /> : null}</td>
              <td>
                {refreshable(e) ? (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Refresh ${e.id}`}
                    disabled={busy}
                    onClick={() => onRefresh(e)}
                  >
                    {refreshing.includes(e.id) ? 'Refreshing…' : 'Refresh'}
                  </button>
                ) : (
                  <span className="muted">import again</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
