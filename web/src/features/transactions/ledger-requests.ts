/**
 * INTERIM — the ledger writes the generated client (`schema.gen.ts`) does not type yet:
 * `PATCH`/`DELETE …/transactions/{line}`, `POST …/transactions` with a CSV body and
 * `?dryRun=true`. Sent with `fetch` the way the typed client sends (same origin, the API key as
 * a bearer, the API's errors as {@link ApiError}). A dry run is only sent to a server whose
 * OpenAPI document lists `dryRun` on that route: an older server would ignore the parameter
 * and store the rows. Replaced by typed `api.PATCH/DELETE/POST` calls once the routes are in
 * the generated client.
 */
import { ApiError, apiKey, toApiError } from '../../api/client.ts';

const TRANSACTIONS = '/api/v1/portfolios/{id}/transactions';

interface OpenApiDocument {
  paths?: Record<string, { post?: { parameters?: { name?: string; in?: string }[] } }>;
}

let dryRunServed: Promise<boolean> | undefined;

/** Whether the server's POST …/transactions takes `dryRun` (asked once per page load). */
function servesDryRun(): Promise<boolean> {
  dryRunServed ??= fetch('/api/openapi.json')
    .then((res) => (res.ok ? (res.json() as Promise<OpenApiDocument>) : {}))
    .then((doc: OpenApiDocument) =>
      (doc.paths?.[TRANSACTIONS]?.post?.parameters ?? []).some(
        (p) => p.name === 'dryRun' && p.in === 'query',
      ),
    )
    .catch(() => false);
  return dryRunServed;
}

/** What to send: the row's `line` for PATCH and DELETE, a JSON row or a CSV body. */
export interface LedgerRequest {
  readonly line?: number;
  readonly json?: unknown;
  readonly csv?: string;
  readonly dryRun?: boolean;
}

/** Sends `method` to the portfolio's ledger (see the module comment); the JSON answer or undefined. */
export async function ledgerRequest(
  method: 'POST' | 'PATCH' | 'DELETE',
  portfolio: string,
  request: LedgerRequest,
): Promise<unknown> {
  if (request.dryRun === true && !(await servesDryRun()))
    throw new ApiError(
      'NOT_SERVED',
      'This server cannot preview a CSV yet (POST …/transactions takes no dryRun); nothing was sent.',
      { status: 501 },
    );
  let url = `/api/v1/portfolios/${encodeURIComponent(portfolio)}/transactions`;
  if (request.line !== undefined) url += `/${request.line}`;
  if (request.dryRun === true) url += '?dryRun=true';
  const headers = new Headers();
  const key = apiKey.get();
  if (key) headers.set('authorization', `Bearer ${key}`);
  let body: string | undefined;
  if (request.csv !== undefined) {
    headers.set('content-type', 'text/csv');
    body = request.csv;
  } else if (request.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(request.json);
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  } catch (error) {
    throw new ApiError('NETWORK', `The server could not be reached (${String(error)}).`, {
      status: 0,
    });
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!res.ok) throw toApiError(res.status, parsed);
  return parsed;
}
