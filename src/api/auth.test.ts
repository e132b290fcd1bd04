import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { keyCreate } from '../app/key-create.ts';
import { keyRevoke } from '../app/key-revoke.ts';
import { createApi, type ApiOptions } from './app.ts';
import { authFor } from './server.ts';

let deps: ReturnType<typeof testDeps>;
beforeEach(() => {
  deps = testDeps({ offline: true });
});
afterEach(async () => {
  await deps.close();
});

const api = (options: Partial<ApiOptions> = {}) =>
  createApi(deps, { version: '9.9.9', auth: 'required', ...options });

/** Request options: the key as a bearer token, and a JSON body when given. */
function init(key: string | undefined, body?: unknown): RequestInit {
  const headers: Record<string, string> = {};
  if (key !== undefined) headers['authorization'] = `Bearer ${key}`;
  if (body === undefined) return { headers };
  headers['content-type'] = 'application/json';
  return { method: 'POST', headers, body: JSON.stringify(body) };
}

describe('the HTTP API with keys required', () => {
  it('answers 401 with a Bearer challenge without a key, with a wrong one and after revocation', async () => {
    const app = api();
    const write = await keyCreate({ scope: 'write' }, deps);
    const wrong = `blst_${'A'.repeat(43)}`;
    for (const [key, message] of [
      [undefined, 'an API key is required'],
      [wrong, 'not a valid API key'],
      ['not-a-key', 'not a valid API key'],
    ] as const) {
      const res = await app.request('/api/v1/portfolios', init(key));
      expect(res.status, String(key)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await res.json()) as { code: string; message: string; details: object };
      expect(body).toEqual({
        code: 'UNAUTHORIZED',
        message: expect.stringContaining(message),
        details: { field: 'authorization' },
      });
    }
    expect((await app.request('/api/v1/portfolios', init(write.key))).status).toBe(200);
    await keyRevoke({ id: write.id }, deps);
    const revoked = await app.request('/api/v1/portfolios', init(write.key));
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toBe('Bearer');
    expect(await revoked.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets a read key read but not write (403), and a write key write (201)', async () => {
    const app = api();
    const read = await keyCreate({ scope: 'read' }, deps);
    const write = await keyCreate({ scope: 'write' }, deps);
    const denied = await app.request('/api/v1/portfolios', init(read.key, { name: 'p' }));
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'authorization', scope: 'read', required: 'write' },
    });
    const created = await app.request('/api/v1/portfolios', init(write.key, { name: 'p' }));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 1, name: 'p' });
    const listed = await app.request('/api/v1/portfolios', init(read.key));
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { name: string }[]).map((p) => p.name)).toEqual(['p']);
    // The read key's refused write stored nothing; its read recorded its use.
    const { apiKeys } = await deps.store();
    expect((await apiKeys.list()).map((k) => k.lastUsedAt)).toEqual([
      '2024-06-20T20:00:00.000Z',
      '2024-06-20T20:00:00.000Z',
    ]);
  });

  it('keeps health, readiness, the OpenAPI document and the docs page open', async () => {
    const app = api();
    for (const path of ['/api/health', '/api/ready', '/api/openapi.json', '/api/docs'])
      expect((await app.request(path)).status, path).toBe(200);
  });

  it('declares the bearer scheme in the OpenAPI document, required on /api/v1 only', async () => {
    const doc = (await (await api().request('/api/openapi.json')).json()) as {
      security: object[];
      components: { securitySchemes: object };
      paths: Record<string, Record<string, { security?: object[]; responses: object }>>;
    };
    expect(doc.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', description: expect.any(String) },
    });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/health']!.get!.security).toEqual([]);
    expect(doc.paths['/api/ready']!.get!.security).toEqual([]);
    expect(doc.paths['/api/v1/portfolios']!.post!.security).toBeUndefined();
    expect(Object.keys(doc.paths['/api/v1/portfolios']!.post!.responses)).toEqual(
      expect.arrayContaining(['401', '403', '429']),
    );
    const open = (await (await api({ auth: 'off' }).request('/api/openapi.json')).json()) as {
      security?: object[];
    };
    expect(open.security).toBeUndefined();
  });
});

describe('the HTTP API rate limit', () => {
  it('refuses a key over its limit with 429 and Retry-After, other keys unaffected', async () => {
    // 3 requests per 10 s: a token every 10/3 s; the test clock stands still, so the fourth
    // request finds none and must wait ceil(10/3) = 4 s.
    const app = api({ rateLimit: { requests: 3, windowSeconds: 10 } });
    const [a, b] = [
      await keyCreate({ scope: 'read' }, deps),
      await keyCreate({ scope: 'read' }, deps),
    ];
    for (let i = 0; i < 3; i++)
      expect((await app.request('/api/v1/portfolios', init(a.key))).status).toBe(200);
    const limited = await app.request('/api/v1/portfolios', init(a.key));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    expect(await limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfter: 4, requests: 3, windowSeconds: 10 },
    });
    expect((await app.request('/api/v1/portfolios', init(b.key))).status).toBe(200);
    expect((await app.request('/api/health')).status).toBe(200);
    // Refused keys count against their address: after 3 401s, the 4th guess is a 429.
    const guesses = [];
    for (let i = 0; i < 4; i++)
      guesses.push(
        (await app.request('/api/v1/portfolios', init(`blst_${'x'.repeat(43)}`))).status,
      );
    expect(guesses).toEqual([401, 401, 401, 429]);
    expect((await app.request('/api/v1/portfolios', init(b.key))).status).toBe(200);
  });

  it('limits by remote address without keys, and refills with time', async () => {
    let now = Date.parse('2024-06-20T20:00:00.000Z');
    const clocked = {
      ...deps,
      clock: { now: () => new Date(now).toISOString(), today: () => '2024-06-20' },
    };
    const app = createApi(clocked, {
      version: '9.9.9',
      auth: 'off',
      rateLimit: { requests: 2, windowSeconds: 1 },
    });
    const get = async () => (await app.request('/api/v1/portfolios')).status;
    expect([await get(), await get(), await get()]).toEqual([200, 200, 429]);
    // A token every 500 ms.
    now += 499;
    expect(await get()).toBe(429);
    now += 1;
    expect(await get()).toBe(200);
    now += 10_000;
    expect([await get(), await get(), await get()]).toEqual([200, 200, 429]);
  });
});

describe('authFor (the host decides the default)', () => {
  it('is off on loopback, required elsewhere, and refuses off on a non-loopback host', () => {
    expect(['127.0.0.1', '::1', 'localhost'].map((h) => authFor(h))).toEqual(['off', 'off', 'off']);
    expect(authFor('0.0.0.0')).toBe('required');
    expect(authFor('192.168.1.5')).toBe('required');
    expect(authFor('127.0.0.1', 'required')).toBe('required');
    expect(() => authFor('0.0.0.0', 'off')).toThrow(/^auth: "off" is refused on 0\.0\.0\.0/);
  });
});
