/** Query hooks of the Data page (the typed client; components never fetch). */
import { useEffect, useState } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { DataListDocument, DataQualityDocument, StoredAlert } from '../../api/documents.ts';
import { runActive, runQuery, useSubmitRun } from '../../api/runs.ts';
import type { DataFetchInput } from '../../../../src/app/data-fetch.ts';

/** GET /api/v1/data: every stored symbol and series with its range, rows, sources and fetch time. */
export function useDataList() {
  return useQuery({
    queryKey: ['data'],
    queryFn: () => unwrap<DataListDocument>(api.GET('/api/v1/data')),
  });
}

/**
 * GET /api/v1/data/quality for `symbols` (stored prices only: a symbol without any is a 404);
 * idle while there is none to ask about.
 */
export function useDataQuality(symbols: readonly string[]) {
  return useQuery({
    queryKey: ['data', 'quality', symbols],
    queryFn: () =>
      unwrap<DataQualityDocument>(
        api.GET('/api/v1/data/quality', { params: { query: { symbols: [...symbols] } } }),
      ),
    enabled: symbols.length > 0,
  });
}

/**
 * GET /api/v1/data/alerts?limit=…: the latest `limit` stored data alerts, oldest first as the
 * API gives them (the `data alerts` document).
 */
export function useDataAlerts(limit: number) {
  return useQuery({
    queryKey: ['data', 'alerts', limit],
    queryFn: () =>
      unwrap<StoredAlert[]>(api.GET('/api/v1/data/alerts', { params: { query: { limit } } })),
  });
}

/**
 * A refresh of stored data: `data-fetch` runs (`POST /api/v1/runs`, one per kind of id: prices,
 * economic series), followed until they end; then the store's list and quality are asked for
 * again. `ids` are the ids being refreshed (for the rows' buttons).
 */
export function useDataRefresh() {
  const client = useQueryClient();
  const submit = useSubmitRun();
  const [runIds, setRunIds] = useState<readonly string[]>([]);
  const [ids, setIds] = useState<readonly string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const runs = useQueries({ queries: runIds.map((id) => runQuery(id)) });
  const active = runs.some((r) => r.data === undefined || runActive(r.data));
  const ended = runIds.length > 0 && !active;
  const batch = runIds.join(',');
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: ['data'] });
  }, [ended, batch, client]);

  const start = async (inputs: readonly DataFetchInput[]): Promise<void> => {
    setError(null);
    setRunIds([]);
    setIds(inputs.flatMap((i) => i.ids));
    try {
      const submitted: string[] = [];
      for (const input of inputs)
        submitted.push((await submit.mutateAsync({ kind: 'data-fetch', input })).id);
      setRunIds(submitted);
    } catch (e) {
      setError(e);
      setIds([]);
    }
  };
  return {
    start,
    runs,
    ids: active || submit.isPending ? ids : [],
    busy: submit.isPending || (runIds.length > 0 && active),
    /** The refusal of a submission (e.g. 503: this server runs no jobs). */
    submitError: error,
  };
}
