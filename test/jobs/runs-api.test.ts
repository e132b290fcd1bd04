import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../helpers/app-deps.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { frontier } from '../../src/app/frontier.ts';
import { keyCreate } from '../../src/app/key-create.ts';
import { solveProblem, type SolveExecutorFactory } from '../../src/app/solve.ts';
import { startRunService, type RunService } from '../../src/jobs/run-service.ts';
import { createApi, type ApiOptions } from '../../src/api/app.ts';

/** A parsed JSON document (tests read into it freely). */
type Doc = ReturnType<typeof JSON.parse>;

let deps: ReturnType<typeof testDeps>;
let service: RunService | undefined;

beforeEach(() => {
  deps = testDeps({ offline: true });
});
afterEach(async () => {
  await service?.close();
  service = undefined;
  await deps.close();
});

/** Monthly returns of four assets from a fixed linear congruential sequence (no randomness). */
function returnsCsv(months = 48): string {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  const rows = ['date,A,B,C,D'];
  for (let i = 0; i < months; i++) {
    const date = `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-28`;
    const m = next() * 0.04;
    const r = [0.006, 0.008, 0.004, 0.01].map((mu, j) => mu + m * (j + 1) * 0.5 + next() * 0.05);
    rows.push(`${date},${r.map((x) => x.toFixed(6)).join(',')}`);
  }
  return rows.join('\n');
}

const frontierInput = (points = 6) => ({
  moments: {
    kind: 'estimate' as const,
    panel: { kind: 'file' as const, file: { text: returnsCsv(), name: 'r.csv' } },
  },
  points,
});

async function start(
  base: AppDeps = deps,
  options: Partial<ApiOptions> = {},
): Promise<{ api: ReturnType<typeof createApi>; service: RunService }> {
  service = await startRunService(base, { progressIntervalMs: 0 });
  return { api: createApi(service.deps, { version: '9.9.9', ...options }), service };
}

async function call(
  api: ReturnType<typeof createApi>,
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: Doc; headers: Headers }> {
  const res = await api.request(path, init);
  return { status: res.status, body: JSON.parse(await res.text()), headers: res.headers };
}

const post = (body: unknown, key?: string): RequestInit => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
  },
  body: JSON.stringify(body),
});

/** Strips the solve's wall times, the only fields two equal solves may differ in. */
const withoutTimes = (doc: unknown): unknown =>
  JSON.parse(JSON.stringify(doc, (key, v: unknown) => (key === 'solveMs' ? undefined : v)));

describe('the HTTP API: runs', () => {
  it('runs a frontier as a job: 202, then the same document as the frontier use case', async () => {
    const { api, service } = await start();
    const input = frontierInput();
    const submitted = await call(api, '/api/v1/runs', post({ kind: 'frontier', input }));
    expect(submitted.status).toBe(202);
    expect(submitted.body).toMatchObject({ kind: 'frontier', status: 'queued', result: null });
    expect(submitted.headers.get('location')).toBe(`/api/v1/runs/${submitted.body.id}`);
    await service.idle();
    const { status, body } = await call(api, `/api/v1/runs/${submitted.body.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'succeeded', error: null });
    expect(body.startedAt).not.toBeNull();
    // Progress ends at the frontier's own count: one tick per run (the 2 ends, 5 targets, the tangency).
    expect(body.progress).toEqual({ done: 8, total: 8, label: 'solving the frontier' });
    const direct = await frontier(input, deps);
    expect(withoutTimes(body.result)).toEqual(withoutTimes(direct));
    const listed = await call(api, '/api/v1/runs?status=succeeded');
    expect(listed.body.runs.map((r: Doc) => r.id)).toEqual([submitted.body.id]);
    expect(listed.body.runs[0]).not.toHaveProperty('input');
  });

  it('executes runs whole on run threads that open the store themselves: the same document', async () => {
    service = await startRunService(deps, {
      progressIntervalMs: 0,
      threads: { db: deps.storeLocation(), offline: true },
    });
    const api = createApi(service.deps, { version: '9.9.9' });
    const input = frontierInput();
    const submitted = await call(api, '/api/v1/runs', post({ kind: 'frontier', input }));
    await service.idle();
    const { body } = await call(api, `/api/v1/runs/${submitted.body.id}`);
    expect(body).toMatchObject({ status: 'succeeded', progress: { done: 8, total: 8 } });
    expect(withoutTimes(body.result)).toEqual(withoutTimes(await frontier(input, deps)));
  });

  it('refuses a bad body with 400 naming the field, before anything is stored', async () => {
    const { api } = await start();
    const unknownKind = await call(api, '/api/v1/runs', post({ kind: 'mine-bitcoin', input: {} }));
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'kind' } });
    const badInput = await call(
      api,
      '/api/v1/runs',
      post({ kind: 'frontier', input: { ...frontierInput(), points: 1 } }),
    );
    expect(badInput.status).toBe(400);
    expect(badInput.body).toMatchObject({ details: { field: 'input.points' } });
    expect(badInput.body.message).toMatch(/^input\.points: /);
    const path = await call(
      api,
      '/api/v1/runs',
      post({ kind: 'optimize', input: { moments: { panel: { file: { path: '/etc/passwd' } } } } }),
    );
    expect(path.status).toBe(400);
    expect(path.body.details.field).toBe('input.moments.panel.file.path');
    expect((await call(api, '/api/v1/runs?limit=0')).status).toBe(400);
    expect((await call(api, '/api/v1/runs')).body).toEqual({ runs: [] });
  });

  it('answers 404 for an unknown run and 409 when cancelling a finished one', async () => {
    const { api, service } = await start();
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const got = await call(api, `/api/v1/runs/${id}`);
      expect(got.status).toBe(404);
      expect(got.body).toMatchObject({ code: 'NOT_FOUND', details: { field: 'id' } });
      expect((await call(api, `/api/v1/runs/${id}`, { method: 'DELETE' })).status).toBe(404);
    }
    const run = await call(
      api,
      '/api/v1/runs',
      post({ kind: 'frontier', input: frontierInput(3) }),
    );
    await service.idle();
    const late = await call(api, `/api/v1/runs/${run.body.id}`, { method: 'DELETE' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'CONFLICT', details: { status: 'succeeded' } });
  });

  it('cancels a running run at its next progress tick and a queued one before it starts', async () => {
    // Solves wait at a gate the test opens, so the first run is certainly running when cancelled.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let solves = 0;
    let firstSolve!: () => void;
    const solving = new Promise<void>((resolve) => (firstSolve = resolve));
    const workers: SolveExecutorFactory = () =>
      Promise.resolve({
        solve: async (problem) => {
          solves++;
          firstSolve();
          await gate;
          return solveProblem(problem);
        },
        close: () => Promise.resolve(),
      });
    const { api, service } = await start({ ...deps, workers });
    const running = await call(
      api,
      '/api/v1/runs',
      post({ kind: 'frontier', input: frontierInput(20) }),
    );
    const queued = await call(
      api,
      '/api/v1/runs',
      post({ kind: 'frontier', input: frontierInput(3) }),
    );
    await solving;
    const cancelled = await call(api, `/api/v1/runs/${running.body.id}`, { method: 'DELETE' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', result: null });
    const cancelledQueued = await call(api, `/api/v1/runs/${queued.body.id}`, { method: 'DELETE' });
    expect(cancelledQueued.body).toMatchObject({ status: 'cancelled', startedAt: null });
    open();
    await service.idle();
    const after = await call(api, `/api/v1/runs/${running.body.id}`);
    expect(after.body).toMatchObject({ status: 'cancelled', result: null, error: null });
    expect(after.body.finishedAt).toBe(cancelled.body.finishedAt);
    // It stopped early: far fewer than the 22 runs of the whole frontier were asked for.
    expect(solves).toBeLessThan(10);
    expect((await call(api, `/api/v1/runs/${queued.body.id}`)).body.startedAt).toBeNull();
  });

  it('stores a failed run’s error as the API gives errors', async () => {
    const { api, service } = await start();
    // Valid input the data cannot meet: no portfolio of these assets returns 500 % a year.
    const input = {
      moments: frontierInput().moments,
      objective: { kind: 'efficient-return', targetReturnAnnual: 5 },
    };
    const run = await call(api, '/api/v1/runs', post({ kind: 'optimize', input }));
    await service.idle();
    const { body } = await call(api, `/api/v1/runs/${run.body.id}`);
    expect(body).toMatchObject({ status: 'failed', result: null });
    expect(body.error).toEqual({
      code: 'INFEASIBLE',
      message: expect.any(String),
      details: expect.any(Object),
    });
  });

  it('picks up what a stopped server left: queued runs run, running ones fail', async () => {
    const { runs } = await deps.store();
    const queued = await runs.create({ kind: 'frontier', input: frontierInput(3) });
    const interrupted = await runs.create({ kind: 'frontier', input: frontierInput(3) });
    await runs.claim(interrupted.id);
    const { service } = await start();
    await service.idle();
    expect((await runs.get(queued.id)).status).toBe('succeeded');
    expect(await runs.get(interrupted.id)).toMatchObject({
      status: 'failed',
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('submit it again') },
    });
  });

  it('is 503 where no queue runs, and needs a write key to submit or cancel', async () => {
    const bare = createApi(deps, { version: '9.9.9' });
    const refused = await call(
      bare,
      '/api/v1/runs',
      post({ kind: 'frontier', input: frontierInput() }),
    );
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('UNAVAILABLE');
    const { api } = await start(deps, { auth: 'required' });
    const read = await keyCreate({ scope: 'read' }, deps);
    const body = { kind: 'frontier', input: frontierInput(3) };
    expect((await call(api, '/api/v1/runs', post(body))).status).toBe(401);
    const denied = await call(api, '/api/v1/runs', post(body, read.key));
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const id = '00000000-0000-4000-8000-000000000000';
    const del = { method: 'DELETE', headers: { authorization: `Bearer ${read.key}` } };
    expect((await call(api, `/api/v1/runs/${id}`, del)).status).toBe(403);
    const auth = { headers: { authorization: `Bearer ${read.key}` } };
    expect((await call(api, '/api/v1/runs', auth)).body).toEqual({ runs: [] });
  });
});
