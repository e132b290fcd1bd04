/**
 * Long work as runs (`/api/v1/runs`): submit one (`POST`, 202 with the queued run), follow it
 * (`GET …/{id}`, polled every half second while it is queued or running) and cancel it
 * (`DELETE …/{id}`). A run's input is what its kind's synchronous route takes; its result, once
 * it has succeeded, is that route's document, and its error, once it has failed, the API's
 * `{ code, message, details }`.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { RunDocument } from './documents.ts';
import type { paths } from './schema.gen.ts';

/** A kind of run (`frontier`, `optimize`, `estimate`, `analyze`, `backtest`, `data-fetch`). */
export type RunKind =
  paths['/api/v1/runs']['post']['requestBody']['content']['application/json']['kind'];

/** What `POST /api/v1/runs` takes. */
export interface RunRequest {
  readonly kind: RunKind;
  readonly input: unknown;
}

/** How often a queued or running run is asked for again (ms). */
export const RUN_POLL_MS = 500;

/** True while a run may still change (queued or running). */
export const runActive = (run: RunDocument | undefined): boolean =>
  run !== undefined && (run.status === 'queued' || run.status === 'running');

const runKey = (id: string) => ['run', id] as const;

/** POST /api/v1/runs: the queued run (a bad input is a 400 naming `input.<field>`). */
export function useSubmitRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RunRequest) =>
      unwrap<RunDocument>(api.POST('/api/v1/runs', { body: request })),
    onSuccess: (run) => client.setQueryData(runKey(run.id), run),
  });
}

/** The query of GET /api/v1/runs/{id}, polled while the run is queued or running. */
export function runQuery(id: string) {
  return queryOptions({
    queryKey: runKey(id),
    queryFn: () => unwrap<RunDocument>(api.GET('/api/v1/runs/{id}', { params: { path: { id } } })),
    staleTime: 0,
    refetchInterval: (query) => (runActive(query.state.data) ? RUN_POLL_MS : false),
  });
}

/** GET /api/v1/runs/{id} ({@link runQuery}); idle without an id. */
export function useRun(id: string | null) {
  return useQuery({ ...runQuery(id ?? ''), enabled: id !== null });
}

/** DELETE /api/v1/runs/{id}: the cancelled run (409 once it has succeeded or failed). */
export function useCancelRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap<RunDocument>(api.DELETE('/api/v1/runs/{id}', { params: { path: { id } } })),
    onSuccess: (run) => client.setQueryData(runKey(run.id), run),
  });
}
