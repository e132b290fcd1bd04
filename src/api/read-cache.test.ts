import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_LEDGER, storeDemo } from '../../test/helpers/api-client.ts';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { keyCreate } from '../app/key-create.ts';
import { portfolioPositions } from '../app/portfolio-positions.ts';
import { createApi, type ApiOptions } from './app.ts';

const POSITIONS = '/api/v1/portfolios/demo/positions';

let deps: ReturnType<typeof testDeps>;
beforeEach(() => {
  deps = testDeps({ offline: true });
});
afterEach(async () => {
  await deps.close();
});

async function demoApi(options: Partial<ApiOptions> = {}) {
  const api = createApi(deps, { version: '9.9.9', rateLimit: false, ...options });
  await storeDemo(api);
  return api;
}

async function get(api: Awaited<ReturnType<typeof demoApi>>, path: string, key?: string) {
  const res = await api.request(
    path,
    key === undefined ? {} : { headers: { authorization: `Bearer ${key}` } },
  );
  return { status: res.status, cache: res.headers.get('x-cache'), body: await res.text() };
}

/** A further buy after the demo ledger's last row (2025-09-30). */
const ONE_MORE_BUY = `${DEMO_LEDGER.split('\n')[0]}\n2025-10-01,buy,UPRO,10,60,,0,MARGIN,`;

describe('the read cache', () => {
  it('serves a repeated read from the cache, the same document the use case gives', async () => {
    const api = await demoApi();
    const first = await get(api, POSITIONS);
    const second = await get(api, POSITIONS);
    expect([first.status, first.cache, second.status, second.cache]).toEqual([
      200,
      null,
      200,
      'hit',
    ]);
    expect(second.body).toBe(first.body);
    const direct = await portfolioPositions({ portfolio: 'demo' }, deps);
    expect(JSON.parse(second.body)).toEqual(JSON.parse(JSON.stringify(direct)));
    // Another query string is another entry.
    expect((await get(api, `${POSITIONS}?lotMethod=hifo`)).cache).toBeNull();
  });

  it('computes again after any write of the data, through the API or straight to the store', async () => {
    const api = await demoApi();
    const before = await get(api, POSITIONS);
    const appended = await api.request('/api/v1/portfolios/demo/transactions', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: ONE_MORE_BUY,
    });
    expect(appended.status, await appended.clone().text()).toBe(201);
    const after = await get(api, POSITIONS);
    expect(after.cache).toBeNull();
    expect(after.body).not.toBe(before.body);
    expect(after.body).toBe(JSON.stringify(await portfolioPositions({ portfolio: 'demo' }, deps)));
    expect((await get(api, POSITIONS)).cache).toBe('hit');
    // A write the server did not make (another process on the same database) is seen too.
    const store = await deps.store();
    await store.portfolios.deleteTransactions('demo');
    const emptied = await get(api, POSITIONS);
    expect(emptied.cache).toBeNull();
    expect(JSON.parse(emptied.body)).toEqual(
      JSON.parse(JSON.stringify(await portfolioPositions({ portfolio: 'demo' }, deps))),
    );
  });

  it('keeps holdings and summary too, and computes them again after a row is edited or deleted', async () => {
    const api = await demoApi();
    const paths = ['/api/v1/portfolios/demo/holdings', '/api/v1/portfolios/demo/summary'];
    for (const path of paths) {
      expect((await get(api, path)).cache, path).toBeNull();
      expect((await get(api, path)).cache, path).toBe('hit');
    }
    const holdings = await get(api, paths[0]!);
    // the demo's UPRO buy of 2025-04-08 (line 21), edited to 30 shares
    const buy = {
      date: '2025-04-08',
      type: 'buy',
      symbol: 'UPRO',
      quantity: 30,
      price: 58.75,
      account: 'MARGIN',
    };
    const edited = await api.request('/api/v1/portfolios/demo/transactions/21', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(buy),
    });
    expect(edited.status, await edited.clone().text()).toBe(200);
    for (const path of paths) expect((await get(api, path)).cache, path).toBeNull();
    expect((await get(api, paths[0]!)).body).not.toBe(holdings.body);
    expect((await get(api, paths[0]!)).cache).toBe('hit');
    const deleted = await api.request('/api/v1/portfolios/demo/transactions/21', {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    expect((await get(api, paths[0]!)).cache).toBeNull();
  });

  it('computes an entry once for a burst of requests asking for it together', async () => {
    const api = await demoApi();
    const store = await deps.store();
    const reads = vi.spyOn(store.portfolios, 'listTransactions');
    const burst = await Promise.all(Array.from({ length: 20 }, () => get(api, POSITIONS)));
    expect(new Set(burst.map((r) => r.body)).size).toBe(1);
    expect(burst.filter((r) => r.cache === 'hit')).toHaveLength(19);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('keeps no error, nothing past its age, and nothing from a caller the guard refuses', async () => {
    const api = await demoApi({ readCache: { maxAgeMs: 0 } });
    await get(api, POSITIONS);
    expect((await get(api, POSITIONS)).cache).toBeNull();
    const cached = await demoApiWithKeys();
    const missing = '/api/v1/portfolios/nope/positions';
    expect((await get(cached.api, missing, cached.key)).status).toBe(404);
    expect((await get(cached.api, missing, cached.key)).cache).toBeNull();
    await get(cached.api, POSITIONS, cached.key);
    expect((await get(cached.api, POSITIONS, cached.key)).cache).toBe('hit');
    expect((await get(cached.api, POSITIONS)).status).toBe(401);
  });
});

/** A second API with keys required over the same store, and a write key. */
async function demoApiWithKeys() {
  const write = await keyCreate({ scope: 'write' }, deps);
  const api = createApi(deps, { version: '9.9.9', rateLimit: false, auth: 'required' });
  // The demo portfolio is already stored (by `demoApi` in the same test, on the same store).
  return { api, key: write.key };
}
