/**
 * The API's rate limit: one in-memory token bucket per caller (an API key's id when keys are
 * required, else the remote address). A bucket holds `requests` tokens and refills at
 * `requests / windowSeconds` a second; a request takes one, and a request finding less than one
 * is refused with the whole seconds until one is back (`Retry-After`). Buckets live in the
 * process: a restart, or a second process, starts afresh.
 */

/** Options of the limit: `requests` per `windowSeconds` for each caller. */
export interface RateLimitOptions {
  readonly requests: number;
  readonly windowSeconds: number;
}

/** The default: 100 requests per 10 seconds (bursts of 100, then 10 a second). */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requests: 100, windowSeconds: 10 };

/** Buckets kept before full (idle) ones are dropped. */
const MAX_BUCKETS = 10_000;

interface Bucket {
  tokens: number;
  /** When `tokens` was computed (ms). */
  at: number;
}

/** Token buckets by caller (module comment). */
export class TokenBuckets {
  readonly #capacity: number;
  /** Tokens per millisecond. */
  readonly #rate: number;
  readonly #buckets = new Map<string, Bucket>();

  /** @param options - positive `requests` and `windowSeconds` (checked by the caller) */
  constructor(options: RateLimitOptions) {
    this.#capacity = options.requests;
    this.#rate = options.requests / (options.windowSeconds * 1000);
  }

  #level(bucket: Bucket, now: number): number {
    return Math.min(this.#capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.#rate);
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets)
      if (this.#level(bucket, now) >= this.#capacity) this.#buckets.delete(key);
  }

  /**
   * Takes a token for `caller` at time `now` (ms).
   * @returns undefined when the request may go on, else the seconds to wait (at least 1).
   */
  take(caller: string, now: number): number | undefined {
    const found = this.#buckets.get(caller);
    if (found === undefined && this.#buckets.size >= MAX_BUCKETS) this.#prune(now);
    const tokens = found === undefined ? this.#capacity : this.#level(found, now);
    const allowed = tokens >= 1;
    this.#buckets.set(caller, { tokens: allowed ? tokens - 1 : tokens, at: now });
    return allowed ? undefined : Math.max(1, Math.ceil((1 - tokens) / this.#rate / 1000));
  }
}
