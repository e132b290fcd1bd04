import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import {
  startMockServer,
  type MockHandler,
  type MockServer,
} from '../../../test/helpers/mock-http.ts';
import {
  backoffDelayMs,
  HttpClient,
  redact,
  retryAfterMs,
  type HttpClientOptions,
} from './http-client.ts';
import { RateLimiter } from './rate-limiter.ts';

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('backoffDelayMs', () => {
  const backoff = { baseMs: 500, maxMs: 8000 };

  it('doubles from baseMs and jitters between half and all of it', () => {
    // Retry 1: 500 × 2^0 = 500 → [250, 500]; retry 3: 500 × 2^2 = 2000 → [1000, 2000].
    expect(backoffDelayMs(1, backoff, 0)).toBe(250);
    expect(backoffDelayMs(1, backoff, 1)).toBe(500);
    expect(backoffDelayMs(3, backoff, 0)).toBe(1000);
    expect(backoffDelayMs(3, backoff, 0.5)).toBe(1500);
  });

  it('never exceeds maxMs', () => {
    // Retry 10: 500 × 2^9 = 256 000, capped at 8000 → [4000, 8000].
    for (const r of [0, 0.3, 0.999999]) {
      const d = backoffDelayMs(10, backoff, r);
      expect(d).toBeGreaterThanOrEqual(4000);
      expect(d).toBeLessThanOrEqual(8000);
    }
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2024-06-03T12:00:00Z');

  it('reads seconds and HTTP dates, never negative', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Mon, 03 Jun 2024 12:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Mon, 03 Jun 2024 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(' ', now)).toBeUndefined();
  });
});

describe('redact', () => {
  it('hides the usual credential parameters in any letter case', () => {
    expect(redact('https://x/a?series_id=DGS10&api_key=abc123&file_type=json')).toBe(
      'https://x/a?series_id=DGS10&api_key=***&file_type=json',
    );
    expect(redact('https://x/q?apikey=K1&s=spy')).toBe('https://x/q?apikey=***&s=spy');
    expect(redact('https://x/v2?apiKey=K2')).toBe('https://x/v2?apiKey=***');
    expect(redact('https://x/v2?token=T3&APIKEY=K4')).toBe('https://x/v2?token=***&APIKEY=***');
  });
});

describe('RateLimiter', () => {
  it('spaces request starts minIntervalMs apart, in arrival order', async () => {
    const slept: number[] = [];
    const limiter = new RateLimiter({
      minIntervalMs: 100,
      now: () => 0,
      sleep: (ms) => (slept.push(ms), Promise.resolve()),
    });
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(slept).toEqual([100, 200]);
  });
});

describe('HttpClient', () => {
  let server: MockServer;
  let slept: number[];
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());
  const use = (handler: MockHandler): void => {
    server.requests.length = 0;
    server.handler = handler;
  };
  const client = (options: Partial<HttpClientOptions> = {}): HttpClient => {
    slept = [];
    return new HttpClient({
      provider: 'test',
      retries: 3,
      random: () => 0,
      sleep: (ms) => (slept.push(ms), Promise.resolve()),
      ...options,
    });
  };
  const url = (path = '/data'): string => `${server.baseUrl}${path}`;

  it('returns the body of a 2xx response', async () => {
    use(() => ({ body: 'a,b\n1,2\n' }));
    const res = await client().get(url());
    expect(res).toMatchObject({ status: 200, text: 'a,b\n1,2\n' });
  });

  it('retries a 5xx with exponential backoff and then reports DATA_UNAVAILABLE', async () => {
    use(() => ({ status: 503, body: 'down' }));
    const e = await failure(client().get(url()));
    expect(server.requests).toHaveLength(4);
    // random = 0: half of 500, 1000, 2000.
    expect(slept).toEqual([250, 500, 1000]);
    expect(e).toBeInstanceOf(BallastError);
    expect(e).toMatchObject({
      code: 'DATA_UNAVAILABLE',
      details: { provider: 'test', status: 503 },
    });
  });

  it('honours Retry-After when it is longer than the backoff', async () => {
    use((_req, n) =>
      n === 1
        ? { status: 429, body: 'slow down', headers: { 'retry-after': '3' } }
        : { body: 'ok' },
    );
    const res = await client().get(url());
    expect(res.text).toBe('ok');
    expect(slept).toEqual([3000]);
  });

  it('gives up at once when Retry-After is longer than maxRetryAfterMs', async () => {
    use(() => ({ status: 429, body: 'quota', headers: { 'retry-after': '3600' } }));
    const e = await failure(client({ maxRetryAfterMs: 60_000 }).get(url()));
    expect(e).toMatchObject({ code: 'RATE_LIMITED' });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a 429 that outlasts the retries as RATE_LIMITED', async () => {
    use(() => ({ status: 429, body: 'Too Many Requests' }));
    const e = await failure(client({ retries: 2 }).get(url()));
    expect(e).toMatchObject({ code: 'RATE_LIMITED', details: { status: 429 } });
    expect(server.requests).toHaveLength(3);
  });

  it('maps 401 and 403 to UNAUTHORIZED and 404 to NOT_FOUND without retrying', async () => {
    for (const [status, code] of [
      [401, 'UNAUTHORIZED'],
      [403, 'UNAUTHORIZED'],
      [404, 'NOT_FOUND'],
    ] as const) {
      use(() => ({ status, body: 'no' }));
      const e = await failure(client().get(url()));
      expect(e).toMatchObject({ code, details: { status } });
      expect(server.requests).toHaveLength(1);
    }
  });

  it('hands back a status listed in okStatuses instead of failing', async () => {
    use(() => ({ status: 400, body: '{"error":"no data"}' }));
    const res = await client().get(url(), { okStatuses: [400] });
    expect(res).toMatchObject({ status: 400, text: '{"error":"no data"}' });
    expect(server.requests).toHaveLength(1);
  });

  it('times out a slow answer through AbortSignal and retries it', async () => {
    use(() => ({ body: 'late', delayMs: 2000 }));
    const e = await failure(client({ timeoutMs: 50, retries: 1 }).get(url()));
    expect(e).toMatchObject({ code: 'DATA_UNAVAILABLE' });
    expect((e as BallastError).message).toContain('timed out after 50 ms');
    expect(server.requests).toHaveLength(2);
  });

  it('retries a network error and names its cause', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: new Error('connect ECONNREFUSED 127.0.0.1:9'),
    });
    let calls = 0;
    const e = await failure(
      client({ retries: 2, fetch: () => (calls++, Promise.reject(refused)) }).get(
        'http://127.0.0.1:9/x',
      ),
    );
    expect(calls).toBe(3);
    expect((e as BallastError).message).toContain(
      'fetch failed (connect ECONNREFUSED 127.0.0.1:9)',
    );
  });

  it('rethrows the caller abort during a request without retrying', async () => {
    use(() => ({ body: 'late', delayMs: 2000 }));
    const controller = new AbortController();
    const pending = client().get(url(), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by user')), 20);
    const e = await failure(pending);
    expect((e as Error).message).toBe('cancelled by user');
    expect(server.requests).toHaveLength(1);
  });

  it('stops waiting out a backoff as soon as the caller aborts', async () => {
    use(() => ({ status: 503 }));
    const controller = new AbortController();
    const never = (): Promise<void> => new Promise(() => {});
    const pending = client({ sleep: never }).get(url(), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    expect(((await failure(pending)) as Error).message).toBe('cancelled');
    expect(server.requests).toHaveLength(1);
  });

  it('keeps keys out of error URLs and messages', async () => {
    use((req) => ({
      status: 500,
      body: `bad request for ${req.path}?api_key=${req.query.get('api_key') ?? ''}`,
    }));
    const e = (await failure(
      client({ retries: 0 }).get(url('/obs?series_id=DGS10&api_key=SECRET123')),
    )) as BallastError;
    expect(e.details['url']).toBe(`${server.baseUrl}/obs?series_id=DGS10&api_key=***`);
    expect(JSON.stringify(e.toJSON())).not.toContain('SECRET123');
  });
});
