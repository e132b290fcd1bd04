/**
 * Query hooks of the Simulate page (components never fetch): a simulation goes through runs
 * (`POST /api/v1/runs` with kind `simulate`, followed with a progress bar and a Cancel button,
 * `api/runs.ts`) with the editor's text as the config, `{ config: { text, name } }` — the server
 * parses the YAML/JSON and names a bad field as `ballast simulate` does. The synchronous
 * `POST /api/v1/simulate` takes the same body.
 */
import type { SimulateDocument } from '../../api/documents.ts';
import { useRun, useSubmitRun, type RunRequest } from '../../api/runs.ts';

export { runError } from '../backtest/backtest-queries.ts';

/** The name the editor's text is cited by in the API's messages. */
export const CONFIG_NAME = 'config';

/** The run request of the editor's `text`. */
export const simulateRun = (text: string): RunRequest => ({
  kind: 'simulate',
  input: { config: { text, name: CONFIG_NAME } },
});

/** POST /api/v1/runs (kind simulate). */
export const useSubmitSimulate = useSubmitRun;

/** The run `id` (idle while null) and, once it has succeeded, its document. */
export function useSimulateRun(id: string | null) {
  const run = useRun(id);
  const document =
    run.data?.status === 'succeeded' ? (run.data.result as SimulateDocument) : undefined;
  return { run, document };
}
