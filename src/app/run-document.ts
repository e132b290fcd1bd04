/** The run document every run use case returns (`GET /api/v1/runs/{id}`). */

import type { StoredRun } from '../data/store/run-store.ts';

export type { RunStatus } from '../data/store/run-store.ts';

/**
 * A run as the API gives it: the stored run without its input (which can be megabytes of
 * returns; `GET …/runs/{id}/input` is not offered — the submitter has it), `result` only once
 * it succeeded and `error` only once it failed.
 */
export type RunDocument = Omit<StoredRun, 'input'>;

/** The document of `run`. */
export function runDocument(run: StoredRun): RunDocument {
  const { input: _input, ...rest } = run;
  return rest;
}
