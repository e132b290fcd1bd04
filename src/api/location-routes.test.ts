import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { call, json, wire } from '../../test/helpers/api-client.ts';
import { assetLocation } from '../app/asset-location.ts';
import { createApi } from './app.ts';

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;
beforeEach(() => {
  deps = testDeps({ offline: true });
  api = createApi(deps, { version: '9.9.9' });
});
afterEach(async () => {
  await deps.close();
});

/** Taxable + traditional, 50/50, the hand case of docs/asset-location.md (shipped BND, VTI). */
const ACCOUNTS = {
  accounts: [
    { name: 'brokerage', type: 'taxable', balance: 100000, funds: ['VTI', 'BND'] },
    { name: 'ira', type: 'traditional', balance: 100000, funds: ['VTI', 'BND'] },
  ],
  target: { us_large_equity: 0.5, broad_ust: 0.5 },
  tax: {
    ordinaryRate: 0.35,
    qualifiedRate: 0.15,
    capitalGainsRate: 0.2,
    withdrawalRate: 0.25,
    horizonYears: 10,
  },
  exposures: {
    broad_ust: { expectedReturn: 0.04, yield: 0.04 },
    us_large_equity: {
      expectedReturn: 0.07,
      yield: 0.02,
      qualifiedShare: 1,
      turnover: 0.05,
      realisedGainShare: 0.5,
    },
  },
};

describe('POST /api/v1/location', () => {
  const input = () => ({ accounts: { text: JSON.stringify(ACCOUNTS), name: 'household.json' } });

  it('gives the document of the use case for the same input', async () => {
    const { status, body } = await call(api, '/api/v1/location', json(input()));
    expect(status).toBe(200);
    expect(body.taxDrag).toEqual({ placementAnnual: 800, naiveAnnual: 1100, savedAnnual: 300 });
    const { solver: _a, ...viaApi } = wire(body) as Record<string, unknown>;
    const { solver: _b, ...direct } = wire(await assetLocation(input(), deps)) as Record<
      string,
      unknown
    >;
    expect(viaApi).toEqual(direct);
  });

  it('refuses a file path and names an unreachable exposure with 422', async () => {
    const path = await call(api, '/api/v1/location', json({ accounts: { path: '/etc/passwd' } }));
    expect(path.status).toBe(400);
    const gold = { ...ACCOUNTS, target: { us_large_equity: 0.5, broad_ust: 0.4, gold: 0.1 } };
    const r = await call(
      api,
      '/api/v1/location',
      json({ accounts: { text: JSON.stringify(gold), name: 'h.json' } }),
    );
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('target.gold');
  });
});
