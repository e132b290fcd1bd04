/**
 * The last refresh: each `data-fetch` run's progress (with Cancel) while it runs, its error if
 * it failed, and once it has succeeded what became of every id — rows stored and range, or why
 * it was not refreshed. An id is not refreshed when nothing could be fetched (`rows` 0, the
 * provider's message in its note) or when the stored data was served instead (`stale`: a
 * provider failed, or the server is offline); either is an error shown with the API's note.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { DataFetchDocument, DataFetchRow, RunDocument } from '../../api/documents.ts';
import { ErrorBox } from '../../components/panel.tsx';
import { RunProgress } from '../../components/run-progress.tsx';
import { date, quantity } from '../../format.ts';

export interface RefreshViewProps {
  readonly runs: readonly UseQueryResult<RunDocument>[];
  readonly submitError: unknown;
  readonly onCancel: (id: string) => void;
  readonly cancelling: boolean;
  readonly cancelError: unknown;
}

const failed = (r: DataFetchRow): boolean => r.rows === 0 && r.sources === '';

function outcome(r: DataFetchRow): string {
  if (failed(r)) return 'not fetched';
  if (r.stale) return 'not refreshed: stored data served';
  return 'refreshed';
}

function FetchResult({ doc }: { doc: DataFetchDocument }) {
  const problems = doc.rows.filter((r) => failed(r) || r.stale);
  return (
    <>
      {problems.length === 0 ? null : (
        <div className="error" role="alert">
          <p>
            {quantity(problems.length, 0)} of {quantity(doc.rows.length, 0)}{' '}
            {doc.rows.length === 1 ? 'id was' : 'ids were'} not refreshed:
          </p>
          <ul>
            {problems.map((r) => (
              <li key={r.id}>
                <strong>{r.id}</strong>: {outcome(r)}
                {r.note === '' ? '' : ` (${r.note})`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-wrap">
        <table aria-label="Refresh result">
          <thead>
            <tr>
              <th>Id</th>
              <th>Outcome</th>
              <th className="num">Rows</th>
              <th>From</th>
              <th>To</th>
              <th>Sources</th>
            </tr>
          </thead>
          <tbody>
            {doc.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.id}</th>
                <td className={failed(r) || r.stale ? 'down' : 'up'}>{outcome(r)}</td>
                <td className="num">{quantity(r.rows, 0)}</td>
                <td>{date(r.first)}</td>
                <td>{date(r.last)}</td>
                <td>{r.sources === '' ? '—' : r.sources}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The last refresh (see the module comment). */
export function RefreshView(props: RefreshViewProps) {
  const { runs, submitError, onCancel, cancelling, cancelError } = props;
  if (submitError !== null && submitError !== undefined) return <ErrorBox error={submitError} />;
  if (runs.length === 0)
    return (
      <p className="muted">
        Refresh a row (or all of them) to fetch what is missing up to today from the data providers.
      </p>
    );
  return (
    <>
      {runs.map((q, i) => {
        if (q.isError) return <ErrorBox key={i} error={q.error} onRetry={() => void q.refetch()} />;
        const run = q.data;
        if (run === undefined)
          return (
            <div className="loading" key={i}>
              Loading…
            </div>
          );
        if (run.status === 'succeeded')
          return <FetchResult key={run.id} doc={run.result as DataFetchDocument} />;
        return (
          <RunProgress
            key={run.id}
            run={run}
            what="Refresh"
            onCancel={() => onCancel(run.id)}
            cancelling={cancelling}
            cancelError={cancelError}
          />
        );
      })}
    </>
  );
}
