/**
 * The read cache of the HTTP API: the documents of the GET analyses of a stored portfolio
 * (`positions`, `holdings`, `summary`, `exposures`, `risk`, `performance`, `corporate-actions`,
 * `tax/gains`, `tax/harvest`) are kept by request URL and served again while nothing they are computed from
 * can have changed:
 *
 * - the store's data version is the same (it grows inside every transaction that writes market
 *   data or portfolios, from this process or any other: `MarketStore.dataVersion`), checked
 *   with one query per request;
 * - the clock's date is the same (valuation is "as of today");
 * - the entry is younger than {@link ReadCacheOptions.maxAgeMs} (2 s by default), which bounds
 *   how long an edit of a configuration file on the server's disk (the fund or exposure
 *   definitions) takes to show.
 *
 * Only `200` JSON answers up to 1 MiB are kept, at most `maxEntries` of them (the oldest goes).
 * Requests for an entry being computed wait for that computation instead of starting their own
 * (when an entry expires under load, one request computes it, not fifty).
 * The guard (keys, rate limit) runs before the cache, so a cached answer is never served to a
 * caller who could not have asked for it. Hits carry `X-Cache: hit`. The key is the whole URL,
 * query included, so an answer read `?knownAt=` a time (`known-at.ts`) is never served for the
 * latest data or another time, nor the other way round.
 */

import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app/deps.ts';

/** Options of {@link readCache}. */
export interface ReadCacheOptions {
  /** Entries kept (default 256). */
  readonly maxEntries?: number;
  /** Age after which an entry is computed again whatever the version (default 2000 ms). */
  readonly maxAgeMs?: number;
}

/** The GET routes whose answers are kept. */
const CACHED =
  /^\/api\/v1\/portfolios\/[^/]+\/(positions|holdings|summary|exposures|risk|performance|corporate-actions|tax\/(?:gains|harvest))$/;

/** Largest body kept. */
const MAX_BODY = 1024 * 1024;

interface Entry {
  readonly version: string;
  readonly today: string;
  readonly at: number;
  readonly body: string;
}

/** The cache middleware for `/api/v1/*` (module comment). */
export function readCache(deps: AppDeps, options: ReadCacheOptions = {}): MiddlewareHandler {
  const maxEntries = options.maxEntries ?? 256;
  const maxAgeMs = options.maxAgeMs ?? 2000;
  const entries = new Map<string, Entry>();
  /** Computations in progress by key and version: their entry once done (undefined: not kept). */
  const pending = new Map<string, Promise<Entry | undefined>>();
  return async (c, next) => {
    if (c.req.method !== 'GET' || !CACHED.test(c.req.path)) return next();
    const key = c.req.url.slice(c.req.url.indexOf(c.req.path));
    const store =
      deps.existingStore === undefined ? await deps.store() : await deps.existingStore();
    if (store === undefined) return next();
    const version = await store.dataVersion();
    const today = deps.clock.today();
    const now = Date.now();
    const entry = entries.get(key);
    const hit = (found: Entry): Response => {
      c.header('X-Cache', 'hit');
      c.header('Content-Type', 'application/json');
      return c.body(found.body, 200);
    };
    if (entry?.version === version && entry.today === today && now - entry.at < maxAgeMs)
      return hit(entry);
    const flight = `${version}\u0000${today}\u0000${key}`;
    const running = pending.get(flight);
    if (running !== undefined) {
      const shared = await running;
      if (shared !== undefined) return hit(shared);
      return next(); // the shared computation was not kept (an error): compute this one
    }
    let settle!: (kept: Entry | undefined) => void;
    pending.set(flight, new Promise((resolve) => (settle = resolve)));
    let kept: Entry | undefined;
    try {
      await next();
      kept = await keepable(c.res, { version, today, at: now });
      if (kept !== undefined) {
        entries.delete(key);
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, kept);
      }
    } finally {
      pending.delete(flight);
      settle(kept);
    }
  };
}

/** The entry of `res` when it may be kept: a `200` JSON answer up to {@link MAX_BODY}. */
async function keepable(res: Response, at: Omit<Entry, 'body'>): Promise<Entry | undefined> {
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || !type.startsWith('application/json')) return undefined;
  const body = await res.clone().text();
  return body.length > MAX_BODY ? undefined : { ...at, body };
}
