import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { bearer, call, json, wire } from '../../test/helpers/api-client.ts';
import { analyze } from '../app/analyze.ts';
import { estimate } from '../app/estimate.ts';
import { estimateUniverse } from '../app/estimate-universe.ts';
import { frontier } from '../app/frontier.ts';
import { keyCreate } from '../app/key-create.ts';
import { solveProblem } from '../app/solve.ts';
import { MAX_FRONTIER_THREADS } from './analysis-routes.ts';
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

/** 36 month-ends of three assets with different means and spreads (deterministic). */
function panel(): { text: string; name: string } {
  const rows = ['date,A,B,C'];
  for (let i = 0; i < 36; i++) {
    const date = new Date(Date.UTC(2021, i + 1, 0)).toISOString().slice(0, 10);
    const s = Math.sin(i * 1.7);
    const c = Math.cos(i * 0.9);
    rows.push(`${date},${0.008 + 0.03 * s},${0.004 + 0.01 * c},${0.006 + 0.02 * s * c}`);
  }
  return { text: rows.join('\n'), name: 'r.csv' };
}
const filePanel = () => ({ kind: 'file', file: panel() }) as const;

describe('POST /api/v1/frontier', () => {
  const input = () => ({ moments: { kind: 'estimate', panel: filePanel() }, points: 5 }) as const;

  it('gives the frontier document of the use case for the same input', async () => {
    const { status, body } = await call(api, '/api/v1/frontier', json(input()));
    expect(status).toBe(200);
    expect(body.points).toHaveLength(5);
    expect(wire(body)).toEqual(wire(await frontier(input(), deps)));
  });

  it('solves in process by default, and caps a pool asked for with threads', async () => {
    const sizes: number[] = [];
    const pooled = {
      ...deps,
      workers: (size: number) => {
        sizes.push(size);
        return Promise.resolve({ solve: solveProblem, close: () => Promise.resolve() });
      },
    };
    const app = createApi(pooled, { version: '9.9.9' });
    expect((await call(app, '/api/v1/frontier', json(input()))).status).toBe(200);
    expect(sizes).toEqual([]);
    const many = await call(app, '/api/v1/frontier', json({ ...input(), threads: 64 }));
    expect(many.status).toBe(200);
    expect(sizes).toEqual([MAX_FRONTIER_THREADS]);
    expect(wire(many.body).points).toEqual(wire(await frontier(input(), deps)).points);
  });

  it('names a bad field with 400 and refuses a file path', async () => {
    expect(await call(api, '/api/v1/frontier', json({ ...input(), points: 1 }))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'points' } },
    });
    const path = {
      moments: { kind: 'estimate', panel: { kind: 'file', file: { path: 'r.csv' } } },
    };
    expect(await call(api, '/api/v1/frontier', json(path))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'moments.panel.file.path' } },
    });
  });
});

describe('POST /api/v1/estimate', () => {
  it('gives the estimate document of the use case for the same input', async () => {
    const input = { panel: filePanel(), covariance: { method: 'ledoit-wolf' } } as const;
    const { status, body } = await call(api, '/api/v1/estimate', json(input));
    expect(status).toBe(200);
    expect(Object.keys(body.mu)).toEqual(['A', 'B', 'C']);
    expect(body).toEqual(wire(await estimate(input, deps)));
  });

  it('names a bad field with 400 and refuses a file path', async () => {
    const bad = { panel: filePanel(), horizon: 0 };
    expect(await call(api, '/api/v1/estimate', json(bad))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'horizon' } },
    });
    const path = { panel: { kind: 'file', file: { path: '/etc/passwd' } } };
    expect(await call(api, '/api/v1/estimate', json(path))).toMatchObject({
      status: 400,
      body: { details: { field: 'panel.file.path' } },
    });
  });
});

describe('POST /api/v1/analyze', () => {
  it('gives the analyze document of the use case for the same input', async () => {
    const input = {
      returns: panel(),
      weights: [
        { symbol: 'A', weight: 0.6 },
        { symbol: 'B', weight: 0.4 },
      ],
      benchmark: 'C',
      drawdowns: 2,
    };
    const { status, body } = await call(api, '/api/v1/analyze', json(input));
    expect(status).toBe(200);
    expect(body.periods).toBe(36);
    expect(body).toEqual(wire(await analyze(input, deps)));
  });

  it('names a bad field with 400, and refuses file paths, attribution.funds included', async () => {
    expect(
      await call(api, '/api/v1/analyze', json({ returns: panel(), confidence: 2 })),
    ).toMatchObject({ status: 400, body: { details: { field: 'confidence' } } });
    const funds = {
      returns: panel(),
      attribution: { exposureReturns: panel(), funds: '/etc/passwd' },
    };
    expect(await call(api, '/api/v1/analyze', json(funds))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'attribution.funds' } },
    });
    expect(await call(api, '/api/v1/analyze', json({ returns: { path: 'r.csv' } }))).toMatchObject({
      status: 400,
      body: { details: { field: 'returns.path' } },
    });
  });
});

describe('GET /api/v1/estimate/universe', () => {
  it('gives the estimate universe document for the query', async () => {
    const plain = await call(api, '/api/v1/estimate/universe?source=sample');
    expect(plain).toEqual({
      status: 200,
      body: wire(await estimateUniverse({ source: 'sample' }, deps)),
    });
    const oas = await call(
      api,
      '/api/v1/estimate/universe?source=sample&covariance=oas&mean=geometric&horizon=3',
    );
    const direct = await estimateUniverse(
      {
        source: 'sample',
        covariance: { method: 'oas' },
        mean: { method: 'geometric' },
        horizon: 3,
      },
      deps,
    );
    expect(oas).toEqual({ status: 200, body: wire(direct) });
  });

  it('names a bad query field with 400', async () => {
    for (const [query, field] of [
      ['source=nowhere', 'source'],
      ['source=sample&horizon=soon', 'horizon'],
      ['source=sample&covariance=psychic', 'covariance.method'],
    ])
      expect(await call(api, `/api/v1/estimate/universe?${query}`), query).toMatchObject({
        status: 400,
        body: { code: 'INVALID_INPUT', details: { field } },
      });
  });
});

describe('the computations with keys required', () => {
  it('are writes, as POST /api/v1/optimize is: 401 without a key, 403 with a read key', async () => {
    const app = createApi(deps, { version: '9.9.9', auth: 'required' });
    const read = await keyCreate({ scope: 'read' }, deps);
    const write = await keyCreate({ scope: 'write' }, deps);
    const body = { panel: filePanel() };
    expect((await call(app, '/api/v1/estimate', json(body))).status).toBe(401);
    for (const path of ['/api/v1/frontier', '/api/v1/estimate', '/api/v1/analyze'])
      expect(await call(app, path, json(body, { key: read.key })), path).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
    expect((await call(app, '/api/v1/estimate', json(body, { key: write.key }))).status).toBe(200);
    const universe = '/api/v1/estimate/universe?source=sample';
    expect((await call(app, universe, bearer(read.key))).status).toBe(200);
  });
});
