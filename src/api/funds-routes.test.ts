import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { bearer, call, json, wire } from '../../test/helpers/api-client.ts';
import { fundsCheck } from '../app/funds-check.ts';
import { fundsList, fundsValidate } from '../app/funds.ts';
import { keyCreate } from '../app/key-create.ts';
import { universe } from '../app/universe.ts';
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

const FUNDS = {
  text: 'funds:\n  LEV:\n    name: Test 2x fund\n    category: Test\n    exposures: { us_large_equity: 2.0 }\n    provenance: test\n    validatedBy: null\n',
  name: 'funds.yaml',
};
// Eight month-ends: an exposure's returns and a fund that is about twice them.
const equity = [0.01, -0.02, 0.015, 0.03, -0.01, 0.005, 0.02, -0.015];
const RETURNS = {
  text: [
    'date,LEV,us_large_equity',
    ...equity.map((r, t) => {
      const date = new Date(Date.UTC(2024, t + 1, 0)).toISOString().slice(0, 10);
      return `${date},${2 * r + (t % 2 === 0 ? 0.001 : -0.001)},${r}`;
    }),
  ].join('\n'),
  name: 'returns.csv',
};

describe('GET /api/v1/funds and /api/v1/universe', () => {
  it('give the funds list and universe documents', async () => {
    expect(await call(api, '/api/v1/funds')).toEqual({
      status: 200,
      body: wire(await fundsList({})),
    });
    const doc = await call(api, '/api/v1/universe');
    expect(doc).toEqual({ status: 200, body: wire(await universe({})) });
    expect(doc.body.exposures.length).toBeGreaterThan(0);
  });
});

describe('POST /api/v1/funds/validate and /check', () => {
  it('validate inline definitions: the funds validate document', async () => {
    const bad = { funds: { text: FUNDS.text.replace('us_large_equity', 'moon_rocks'), name: 'b' } };
    for (const input of [{ funds: FUNDS }, bad])
      expect(await call(api, '/api/v1/funds/validate', json(input))).toEqual({
        status: 200,
        body: wire(await fundsValidate(input)),
      });
  });

  it('check a fund against inline returns and definitions: the funds check document', async () => {
    const input = { fund: 'lev', returns: RETURNS, funds: FUNDS };
    const { status, body } = await call(api, '/api/v1/funds/check', json(input));
    expect(status).toBe(200);
    expect(body.symbol).toBe('LEV');
    expect(body).toEqual(wire(await fundsCheck(input)));
  });

  it('name a bad field with 400, an undefined fund with 404, and refuse file paths', async () => {
    expect(await call(api, '/api/v1/funds/validate', json({}))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'funds' } },
    });
    expect(
      await call(api, '/api/v1/funds/check', json({ fund: 'LEV', funds: FUNDS })),
    ).toMatchObject({ status: 400, body: { details: { field: 'returns' } } });
    expect(
      await call(
        api,
        '/api/v1/funds/check',
        json({ fund: 'NOPE', returns: RETURNS, funds: FUNDS }),
      ),
    ).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', details: { field: 'fund' } } });
    expect(
      await call(api, '/api/v1/funds/validate', json({ funds: { path: 'config/funds.yaml' } })),
    ).toMatchObject({ status: 400, body: { details: { field: 'funds.path' } } });
  });
});

describe('the funds routes with keys required', () => {
  it('read with a read key; the checks are POSTs and need a write key', async () => {
    const app = createApi(deps, { version: '9.9.9', auth: 'required' });
    const read = await keyCreate({ scope: 'read' }, deps);
    for (const path of ['/api/v1/funds', '/api/v1/universe'])
      expect((await call(app, path, bearer(read.key))).status, path).toBe(200);
    expect((await call(app, '/api/v1/funds/validate', json({ funds: FUNDS }))).status).toBe(401);
    expect(
      await call(app, '/api/v1/funds/validate', json({ funds: FUNDS }, { key: read.key })),
    ).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });
});
