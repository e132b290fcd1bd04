import { afterEach, describe, expect, it } from 'vitest';
import { call, json, type Doc } from '../helpers/api-client.ts';
import { testDeps } from '../helpers/app-deps.ts';
import { dataImport } from '../../src/app/data-import.ts';
import { startRunService, type RunService } from '../../src/jobs/run-service.ts';
import { createApi } from '../../src/api/app.ts';

/**
 * Runs record the knowledge time of their market data (docs/data-versions.md): an `estimate`
 * run over stored closes, the last close then revised. A run submitted with `knownAt` keeps it;
 * one submitted without records the time it read its data; submitting again with the recorded
 * time after the revision gives the first run's result, and without it the revised one.
 */

const T1 = '2024-06-20T20:00:00.000Z';
const T2 = '2024-06-21T20:00:00.000Z';
// Daily simple returns 0.1, 0.1, 0, 0.1: historical mean × 252 = 252 × 0.3 / 4 = 18.9.
const FIRST = [
  'date,close',
  '2024-06-10,100',
  '2024-06-11,110',
  '2024-06-12,121',
  '2024-06-13,121',
  '2024-06-14,133.1',
].join('\n');
// The close of 14 June revised to 145.2: the last return becomes 145.2 / 121 − 1 = 0.2 and
// the mean × 252 = 252 × 0.4 / 4 = 25.2.
const REVISED = ['date,close', '2024-06-14,145.2'].join('\n');

const input = {
  panel: { kind: 'symbols', symbols: ['XYZ'], from: '2024-06-10', to: '2024-06-14' },
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

/** A server at `now` on `db` (fresh when absent): the API with the in-process queue. */
async function server(now: string, db?: string) {
  const deps = testDeps({ offline: true, now, ...(db === undefined ? {} : { db }) });
  open.push(deps);
  const service: RunService = await startRunService(deps, { progressIntervalMs: 0 });
  open.push(service);
  const api = createApi(service.deps, { version: '9.9.9', rateLimit: false });
  /** Submits a run and waits for it: the stored run document. */
  const run = async (body: Doc): Promise<Doc> => {
    const submitted = await call(api, '/api/v1/runs', json(body));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    await service.idle();
    const got = await call(api, `/api/v1/runs/${submitted.body.id}`);
    expect(got.body.status, JSON.stringify(got.body.error)).toBe('succeeded');
    return got.body;
  };
  return { deps, api, run };
}

describe('the knowledge time of runs', () => {
  it('records it, and the recorded time reproduces the run after a revision', async () => {
    const first = await server(T1);
    await dataImport({ file: { text: FIRST, name: 'a.csv' }, symbol: 'XYZ' }, first.deps);
    const a = await first.run({ kind: 'estimate', input });
    // None asked: the time the run read its data (the fixed clock of the server).
    expect(a.knownAt).toBe(T1);
    expect(a.result.mu.XYZ).toBeCloseTo(18.9, 12);

    const second = await server(T2, first.deps.db);
    await dataImport({ file: { text: REVISED, name: 'b.csv' }, symbol: 'XYZ' }, second.deps);
    const again = await second.run({ kind: 'estimate', input, knownAt: a.knownAt });
    expect(again.knownAt).toBe(T1);
    expect(again.result).toEqual(a.result);
    const latest = await second.run({ kind: 'estimate', input });
    expect(latest.knownAt).toBe(T2);
    expect(latest.result.mu.XYZ).toBeCloseTo(25.2, 12);
    // A time in another zone is stored in UTC; one before the revision reads the first close.
    const zoned = await second.run({
      kind: 'estimate',
      input,
      knownAt: '2024-06-21T10:00:00-04:00',
    });
    expect(zoned.knownAt).toBe('2024-06-21T14:00:00.000Z');
    expect(zoned.result.mu.XYZ).toBeCloseTo(18.9, 12);
    // The run list shows it too (the runs of one fixed clock share their creation time).
    const listed = (await call(second.api, '/api/v1/runs')).body.runs as Doc[];
    expect(listed.map((r) => [r.id, r.knownAt]).sort()).toEqual(
      [a, again, latest, zoned].map((r) => [r.id, r.knownAt]).sort(),
    );
  });

  it('refuses a bad time and a knowledge time on a run that writes market data', async () => {
    const { api } = await server(T1);
    const bad = await call(api, '/api/v1/runs', json({ kind: 'estimate', input, knownAt: 'noon' }));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'knownAt' } });
    const fetch = await call(
      api,
      '/api/v1/runs',
      json({ kind: 'data-fetch', input: { ids: ['XYZ'] }, knownAt: T1 }),
    );
    expect(fetch.status).toBe(400);
    expect(fetch.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'knownAt' } });
    expect(fetch.body.message).toContain('writes market data');
    // As a query parameter it is refused too: a run takes it in its body.
    const query = await call(api, `/api/v1/runs?knownAt=${T1}`, json({ kind: 'estimate', input }));
    expect(query.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'knownAt' } });
    expect((await call(api, '/api/v1/runs')).body).toEqual({ runs: [] });
  });
});
