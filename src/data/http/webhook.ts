/**
 * Posts a JSON document to a webhook URL (alerts of `ballast data refresh`): one POST with
 * `content-type: application/json` and a timeout. A failure is returned, never thrown: a
 * webhook that is down must not undo the refresh whose alerts it was to carry (they are stored).
 */

import type { FetchFn } from './http-client.ts';

/** How a post ended: the HTTP status, or the error text when none came back or it was not 2xx. */
export interface WebhookOutcome {
  readonly url: string;
  readonly ok: boolean;
  readonly status?: number;
  readonly error?: string;
}

/** Options of {@link postWebhook}. */
export interface WebhookOptions {
  /** Default the global fetch. */
  readonly fetch?: FetchFn;
  /** Milliseconds before the post is abandoned (default 10 000). */
  readonly timeoutMs?: number;
}

/** POSTs `body` as JSON to `url` (see the module comment). */
export async function postWebhook(
  url: string,
  body: unknown,
  options: WebhookOptions = {},
): Promise<WebhookOutcome> {
  const fetchFn = options.fetch ?? fetch;
  try {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    await response.arrayBuffer();
    return response.ok
      ? { url, ok: true, status: response.status }
      : { url, ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (e) {
    return { url, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
