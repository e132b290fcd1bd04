/**
 * `GET /api/v1/data/alerts` and `ballast data alerts --format json` over the same store file
 * give the same document: made-up alerts written straight to the store (test data, not a
 * refresh) at two clock times, read back through the CLI and through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { call } from '../helpers/api-client.ts';
import { testDeps } from '../helpers/app-deps.ts';
import { runCli } from '../helpers/run-cli.ts';

let deps: ReturnType<typeof testDeps>;

beforeAll(async () => {
  const early = testDeps({ offline: true, now: '2026-12-01T10:00:00.000Z' });
  await (
    await early.store()
  ).alerts.add([{ symbol: 'AGG', code: 'DATA_STALE', message: 'outage', source: 'stooq' }]);
  await early.close();
  deps = testDeps({ offline: true, now: '2026-12-03T09:00:00.000Z', db: early.db });
  await (
    await deps.store()
  ).alerts.add([
    {
      symbol: 'SPY',
      code: 'GAP',
      message: 'one day missing',
      source: 'refresh',
      details: { n: 1 },
    },
  ]);
});
afterAll(async () => {
  await deps.close();
});

describe('data alerts: the CLI and the HTTP API agree', () => {
  it('gives the same JSON document, whole and since a date', async () => {
    const api = createApi(deps, { version: '9.9.9' });
    for (const since of [undefined, '2026-12-02']) {
      const cli = await runCli(
        'data',
        'alerts',
        '--db',
        deps.db,
        '--format',
        'json',
        ...(since === undefined ? [] : ['--since', since]),
      );
      expect(cli.code, cli.stderr).toBe(0);
      const viaApi = await call(api, `/api/v1/data/alerts${since ? `?since=${since}` : ''}`);
      expect(viaApi.status).toBe(200);
      expect(viaApi.body).toEqual(JSON.parse(cli.stdout));
      expect(viaApi.body.map((a: { code: string }) => a.code)).toEqual(
        since === undefined ? ['DATA_STALE', 'GAP'] : ['GAP'],
      );
    }
  });

  it('names a bad since the same way (the CLI exits 2, the API answers 400)', async () => {
    const cli = await runCli('data', 'alerts', '--db', deps.db, '--since', 'soon');
    const viaApi = await call(
      createApi(deps, { version: '9.9.9' }),
      '/api/v1/data/alerts?since=soon',
    );
    expect(viaApi).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'since', value: 'soon' } },
    });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(viaApi.body.message);
  });
});
