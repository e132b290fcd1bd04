/**
 * Query hooks of the Backtest page (components never fetch): a backtest goes through runs
 * (`POST /api/v1/runs` with kind `backtest`, followed with a progress bar and a Cancel button,
 * `api/runs.ts`) with the editor's text as the config, `{ config: { text, name } }` — the server
 * parses the YAML/JSON and names a bad field as `ballast backtest` does. The synchronous
 * `POST /api/v1/backtest` takes the same body.
 */
import { ApiError } from '../../api/client.ts';
import type { BacktestDocument, RunDocument } from '../../api/documents.ts';
import { useRun, useSubmitRun, type RunRequest } from '../../api/runs.ts';

/** The name the editor's text is cited by in the API's messages. */
export const CONFIG_NAME = 'config';

/** The run request of the editor's `text`. */
export const backtestRun = (text: string): RunRequest => ({
  kind: 'backtest',
  input: { config: { text, name: CONFIG_NAME } },
});

/** POST /api/v1/runs (kind backtest). */
export const useSubmitBacktest = useSubmitRun;

/** The run `id` (idle while null) and, once it has succeeded, its document. */
export function useBacktestRun(id: string | null) {
  const run = useRun(id);
  const document =
    run.data?.status === 'succeeded' ? (run.data.result as BacktestDocument) : undefined;
  return { run, document };
}

/** The error of a failed run as an {@link ApiError} (its code, message and field), or null. */
export function runError(run: RunDocument | undefined): ApiError | null {
  if (run?.status !== 'failed' || run.error === null) return null;
  return new ApiError(run.error.code, run.error.message, {
    status: 0,
    details: run.error.details,
  });
}
