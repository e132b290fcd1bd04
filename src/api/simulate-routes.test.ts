import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { call, json, wire } from '../../test/helpers/api-client.ts';
import { simulate } from '../app/simulate.ts';
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

/** Six made-up monthly returns: A earns 2 % every month, B nothing. */
const RETURNS = [
  'date,A,B',
  '2024-01-31,0.02,0',
  '2024-02-29,0.02,0',
  '2024-03-31,0.02,0',
  '2024-04-30,0.02,0',
  '2024-05-31,0.02,0',
  '2024-06-30,0.02,0',
].join('\n');

const config = {
  returns: { text: RETURNS, name: 'r.csv' },
  weights: { A: 0.5, B: 0.5 },
  paths: 50,
  years: 2,
  initial: 1000,
};

const post = (body: unknown) => call(api, '/api/v1/simulate', json(body));

describe('POST /api/v1/simulate', () => {
  it('gives the simulate document of the use case for the same config', async () => {
    const { status, body } = await post({ config });
    expect(status).toBe(200);
    expect(body).toEqual(wire(await simulate({ config }, deps)));
    // 1 % a month on every path: 1000·1.01^12 and 1000·1.01^24 at the year ends (to the cent).
    expect(body.percentiles.p5).toEqual([
      1000,
      Math.round(100_000 * 1.01 ** 12) / 100,
      Math.round(100_000 * 1.01 ** 24) / 100,
    ]);
  });

  it('takes the config as YAML text and names a bad field', async () => {
    const text = `returns: { text: "${RETURNS.replaceAll('\n', '\\n')}", name: r.csv }\nweights: { A: 1 }\ninitial: 1000\npaths: 10\nyears: 1\n`;
    const ok = await post({ config: { text, name: 'sim.yaml' } });
    expect(ok.status).toBe(200);
    expect(ok.body.paths).toBe(10);
    const bad = await post({ config: { ...config, method: 'magic' } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
    expect(bad.body.details.field).toMatch(/method/);
  });

  it("refuses files on the server's disk: a config path and a returns path", async () => {
    const path = await post({ config: { path: 'examples/simulate/retirement.yaml' } });
    expect(path).toMatchObject({ status: 400, body: { details: { field: 'config.path' } } });
    const returns = await post({ config: { ...config, returns: 'examples/simulate/returns.csv' } });
    expect(returns).toMatchObject({ status: 400, body: { details: { field: 'returns' } } });
    const inText = await post({
      config: { text: 'returns: r.csv\nweights: { A: 1 }\ninitial: 1\n', name: 's.yaml' },
    });
    expect(inText).toMatchObject({ status: 400, body: { details: { field: 'returns' } } });
  });
});
