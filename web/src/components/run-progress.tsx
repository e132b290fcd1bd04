/**
 * `<RunProgress>`: where a run is — a progress bar with the task's label while it is queued or
 * running (with a Cancel button), the API's error (message and code) once it has failed, a
 * sentence once it was cancelled. A succeeded run shows nothing here: its panel shows the result.
 */
import type { RunDocument } from '../api/documents.ts';
import { runActive } from '../api/runs.ts';
import { quantity } from '../format.ts';
import { ErrorBox } from './panel.tsx';

export interface RunProgressProps {
  readonly run: RunDocument;
  /** What the run computes, for the bar's accessible name ("Frontier"). */
  readonly what: string;
  readonly onCancel: () => void;
  readonly cancelling: boolean;
  /** The error of a cancel request (e.g. 409: the run ended meanwhile). */
  readonly cancelError?: unknown;
}

function progressText(run: RunDocument): string {
  const { done, total, label } = run.progress;
  if (run.status === 'queued') return 'Queued: waiting for the server to start it…';
  const task = label ?? 'Working';
  return total > 0 ? `${task}: ${quantity(done, 0)} of ${quantity(total, 0)}` : `${task}…`;
}

/** The state of a run (see the module comment). */
export function RunProgress({ run, what, onCancel, cancelling, cancelError }: RunProgressProps) {
  if (runActive(run)) {
    const { done, total } = run.progress;
    return (
      <div className="run-progress" aria-live="polite">
        <p className="run-label">{progressText(run)}</p>
        {total > 0 && run.status === 'running' ? (
          <progress value={done} max={total} aria-label={`${what} progress`} />
        ) : (
          <progress aria-label={`${what} progress`} />
        )}
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : `Cancel ${what.toLowerCase()}`}
          </button>
        </div>
        {cancelError === undefined || cancelError === null ? null : (
          <ErrorBox error={cancelError} />
        )}
      </div>
    );
  }
  if (run.status === 'failed' && run.error !== null)
    return (
      <div className="error" role="alert">
        <p>{run.error.message}</p>
        <p className="muted">
          <code>{run.error.code}</code>
        </p>
      </div>
    );
  if (run.status === 'cancelled')
    return <p className="muted">{what}: cancelled before it finished; run it again to see it.</p>;
  return null;
}
