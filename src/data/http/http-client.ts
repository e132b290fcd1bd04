import { BallastError } from '../../domain/errors.ts';
import { RateLimiter } from './rate-limiter.ts';

/** Fetch as the global one; injected so tests and proxies can replace it. */
export type FetchFn = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Options of {@link HttpClient}. */
export interface HttpClientOptions {
  /** Provider name, used in errors (`details.provider`). */
  readonly provider: string;
  readonly fetch?: FetchFn;
  /** Per-attempt timeout in milliseconds (default 15 000). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt on transient failures (default 3). */
  readonly retries?: number;
  /**
   * Exponential backoff before retry n (1-based): min(maxMs, baseMs × 2^(n−1)) × (0.5 + random/2),
   * i.e. "equal jitter" between half and all of the exponential delay (default 500 / 8 000 ms).
   */
  readonly backoff?: { readonly baseMs: number; readonly maxMs: number };
  /**
   * A Retry-After longer than this (ms) ends the retries at once instead of sleeping through it
   * (default 60 000): the caller gets RATE_LIMITED and can fall back to another provider.
   */
  readonly maxRetryAfterMs?: number;
  /** Minimum spacing between request starts, in ms (per-provider rate limit; default 0). */
  readonly minIntervalMs?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/** Per-request options of {@link HttpClient.get}. */
export interface HttpGetInit {
  /** The caller's cancellation; an abort is rethrown as is and never retried. */
  readonly signal?: AbortSignal;
  readonly headers?: Record<string, string>;
  /**
   * Non-2xx statuses to hand back as a response instead of failing (for APIs whose 400/404 body
   * carries meaning, e.g. Yahoo's "Data doesn't exist for startDate"). They are never retried.
   */
  readonly okStatuses?: readonly number[];
}

/** A successful (2xx, or listed in `okStatuses`) response with its body as text. */
export interface HttpResponse {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

type Outcome =
  | { readonly response: HttpResponse }
  | {
      readonly status?: number;
      readonly message: string;
      readonly transient: boolean;
      readonly retryAfter?: number | undefined;
    };
type Failed = Exclude<Outcome, { response: HttpResponse }>;

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** True for statuses worth retrying: 408, 425, 429 and 5xx. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Retry-After in ms (seconds or an HTTP date relative to `now`), or undefined. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header?.trim()) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Backoff before retry `retry` (1-based) with equal jitter; `random` in [0, 1). */
export function backoffDelayMs(
  retry: number,
  backoff: { baseMs: number; maxMs: number },
  random: number,
): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** (retry - 1)) * (0.5 + random / 2);
}

/** Resolves after `sleep(ms)`, or rejects with the signal's reason as soon as it aborts. */
function sleepUnlessAborted(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
  if (!signal) return sleep(ms);
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    sleep(ms).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (e: unknown) => reject(e as Error),
    );
  });
}

/**
 * GET with timeouts (AbortSignal), retries with exponential backoff and jitter on transient
 * failures (network errors, timeouts, 408/425/429/5xx; a Retry-After header is honoured up to
 * `maxRetryAfterMs`), and a per-provider minimum request spacing. Maps final failures to
 * BallastErrors: 401/403 UNAUTHORIZED, 404 NOT_FOUND, 429 RATE_LIMITED, anything else
 * DATA_UNAVAILABLE — each with `details.provider`, `details.status` and the URL with credentials
 * removed. The caller's abort is rethrown unchanged.
 */
export class HttpClient {
  private readonly fetchFn: FetchFn;
  private readonly limiter: RateLimiter;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: HttpClientOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter({
      minIntervalMs: options.minIntervalMs ?? 0,
      now: this.now,
      sleep: this.sleep,
    });
  }

  /** GETs `url` and returns the body of a 2xx response (or an `okStatuses` one) as text. */
  async get(url: string, init: HttpGetInit = {}): Promise<HttpResponse> {
    const retries = Math.max(0, this.options.retries ?? 3);
    const backoff = this.options.backoff ?? { baseMs: 500, maxMs: 8000 };
    const maxRetryAfter = this.options.maxRetryAfterMs ?? 60_000;
    const random = this.options.random ?? Math.random;
    let last: Failed = { message: 'no attempt', transient: false };
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        const delay = Math.max(backoffDelayMs(attempt, backoff, random()), last.retryAfter ?? 0);
        await sleepUnlessAborted(this.sleep, delay, init.signal);
      }
      init.signal?.throwIfAborted();
      await this.limiter.acquire();
      const outcome = await this.attempt(url, init);
      if ('response' in outcome) return outcome.response;
      last = outcome;
      if (!outcome.transient || (outcome.retryAfter ?? 0) > maxRetryAfter) break;
    }
    throw this.failure(url, last);
  }

  private async attempt(url: string, init: HttpGetInit): Promise<Outcome> {
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const res = await this.fetchFn(url, {
        signal,
        ...(init.headers ? { headers: init.headers } : {}),
      });
      const text = await res.text();
      if (res.ok || init.okStatuses?.includes(res.status)) {
        return { response: { status: res.status, text, headers: res.headers } };
      }
      return {
        status: res.status,
        message: `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
        transient: isTransientStatus(res.status),
        retryAfter: retryAfterMs(res.headers.get('retry-after'), this.now()),
      };
    } catch (e) {
      if (init.signal?.aborted) throw e;
      const message = timeout.aborted ? `timed out after ${timeoutMs} ms` : errorText(e);
      return { message, transient: true };
    }
  }

  private failure(url: string, last: Failed): BallastError {
    const provider = this.options.provider;
    const message = redact(last.message);
    const details = { provider, url: redact(url), ...(last.status ? { status: last.status } : {}) };
    const status = last.status;
    if (status === 401 || status === 403) {
      return new BallastError(
        'UNAUTHORIZED',
        `${provider}: the request was refused (${message}); check the API key`,
        details,
      );
    }
    if (status === 404)
      return new BallastError('NOT_FOUND', `${provider}: not found (${message})`, details);
    if (status === 429)
      return new BallastError(
        'RATE_LIMITED',
        `${provider}: rate limited, retries exhausted`,
        details,
      );
    return new BallastError('DATA_UNAVAILABLE', `${provider}: request failed: ${message}`, details);
  }
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? ` (${e.cause.message})` : '';
  return `${e.message}${cause}`;
}

/**
 * Removes credentials from a URL or message for errors and logs: the values of the query
 * parameters `api_key`, `apikey`, `apiKey`, `key`, `token`, `access_token`, `api_token`
 * (any letter case).
 */
export function redact(url: string): string {
  return url.replace(/([?&](?:api_?key|key|token|access_token|api_token)=)[^&\s"']*/gi, '$1***');
}
