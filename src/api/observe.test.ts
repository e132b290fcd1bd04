import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { createApi } from './app.ts';
import { createLogger } from './log.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let deps: ReturnType<typeof testDeps>;
let lines: string[];
let api: ReturnType<typeof createApi>;

beforeEach(async () => {
  deps = testDeps({ offline: true });
  lines = [];
  const logger = await createLogger('info', { write: (line) => void lines.push(line) });
  api = createApi(deps, { version: '9.9.9', logger });
});
afterEach(async () => {
  await deps.close();
});

/** The log lines written so far, parsed. */
const logged = (): Record<string, unknown>[] =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('request ids', () => {
  it('generates a UUID when none is sent and echoes a well-formed one', async () => {
    const generated = await api.request('/api/health');
    expect(generated.headers.get('x-request-id')).toMatch(UUID);
    const again = await api.request('/api/health');
    expect(again.headers.get('x-request-id')).not.toBe(generated.headers.get('x-request-id'));
    const sent = 'trace-01HZY.abc:7_x';
    const echoed = await api.request('/api/health', { headers: { 'x-request-id': sent } });
    expect(echoed.headers.get('x-request-id')).toBe(sent);
    expect(logged().at(-1)).toMatchObject({ requestId: sent });
  });

  it('replaces an id that is too long or has unsafe characters', async () => {
    for (const sent of ['x'.repeat(129), 'a b', '<script>', 'a/b', '"quoted"']) {
      const res = await api.request('/api/v1/nowhere', { headers: { 'x-request-id': sent } });
      expect(res.headers.get('x-request-id'), sent).toMatch(UUID);
    }
    expect(
      (
        await api.request('/api/health', { headers: { 'x-request-id': 'x'.repeat(128) } })
      ).headers.get('x-request-id'),
    ).toBe('x'.repeat(128));
  });
});

describe('the request log', () => {
  it('writes one JSON line per request with the route pattern, status and duration', async () => {
    await api.request('/api/v1/portfolios', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'main' }),
    });
    expect(lines).toHaveLength(1);
    const missing = await api.request('/api/v1/portfolios/42/positions');
    await api.request('/api/v1/nothing-here');
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(
      true,
    );
    const [created, notFound, unmatched] = logged();
    expect(created).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      route: '/api/v1/portfolios',
      path: '/api/v1/portfolios',
      status: 201,
    });
    expect(typeof created!['ms']).toBe('number');
    expect(typeof created!['time']).toBe('string');
    expect(notFound).toMatchObject({
      level: 'warn',
      requestId: missing.headers.get('x-request-id'),
      route: '/api/v1/portfolios/{id}/positions',
      path: '/api/v1/portfolios/42/positions',
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(unmatched).toMatchObject({ route: 'unmatched', status: 404, code: 'NOT_FOUND' });
  });

  it('logs an unexpected failure with its stack and sends none of it', async () => {
    const failing = createApi(
      { ...deps, existingStore: () => Promise.reject(new Error('disk on fire')) },
      { version: '9.9.9', logger: await createLogger('info', { write: (l) => lines.push(l) }) },
    );
    const res = await failing.request('/api/v1/portfolios', {
      headers: { 'x-request-id': 'req-500' },
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      code: 'INTERNAL',
      message: 'an unexpected internal failure',
      details: { requestId: 'req-500' },
    });
    expect(text).not.toMatch(/disk on fire|at |\.ts/);
    expect(logged()).toEqual([
      expect.objectContaining({
        level: 'error',
        requestId: 'req-500',
        route: '/api/v1/portfolios',
        status: 500,
        code: 'INTERNAL',
        err: expect.objectContaining({
          message: 'disk on fire',
          stack: expect.stringContaining('disk on fire'),
        }),
      }),
    ]);
  });

  it('answers a throw that is not an Error with INTERNAL too, logged once', async () => {
    const failing = createApi(
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      { ...deps, existingStore: () => Promise.reject('a string') },
      { version: '9.9.9', logger: await createLogger('info', { write: (l) => lines.push(l) }) },
    );
    const res = await failing.request('/api/v1/portfolios');
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([500, 'INTERNAL']);
    expect(res.headers.get('x-request-id')).toMatch(UUID);
    expect(logged()).toEqual([expect.objectContaining({ status: 500, code: 'INTERNAL' })]);
  });

  it('logs nothing at level silent or with no logger (the default)', async () => {
    const quiet = createApi(deps, {
      version: '9.9.9',
      logger: await createLogger('silent', { write: (l) => lines.push(l) }),
    });
    await quiet.request('/api/health');
    expect((await createApi(deps, { version: '9.9.9' }).request('/api/health')).status).toBe(200);
    expect(lines).toEqual([]);
  });
});
