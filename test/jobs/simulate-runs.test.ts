/**
 * `POST /api/v1/runs` with kind `simulate`: the run's result is the document of
 * `POST /api/v1/simulate` for the same body, its progress the paths simulated (ranges of 1,000).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../helpers/app-deps.ts';
import { call, json } from '../helpers/api-client.ts';
import { createApi } from '../../src/api/app.ts';
import { startRunService, type RunService } from '../../src/jobs/run-service.ts';

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

/** Made-up monthly returns of one asset. */
const RETURNS = ['date,A', '2024-01-31,0.03', '2024-02-29,-0.01', '2024-03-31,0.02'].join('\n');

describe('POST /api/v1/runs with kind simulate', () => {
  it('runs the simulation as a job: the same document as the route, progress in paths', async () => {
    service = await startRunService(deps, { progressIntervalMs: 0 });
    const jobs = createApi(service.deps, { version: '9.9.9' });
    const input = {
      config: {
        returns: { text: RETURNS, name: 'r.csv' },
        weights: { A: 1 },
        paths: 2500,
        years: 3,
        initial: 1000,
        withdrawal: { amount: 100, every: 'annual' },
      },
    };
    const submitted = await call(jobs, '/api/v1/runs', json({ kind: 'simulate', input }));
    expect(submitted).toMatchObject({ status: 202, body: { kind: 'simulate', status: 'queued' } });
    await service.idle();
    const { body } = await call(jobs, `/api/v1/runs/${submitted.body.id}`);
    expect(body).toMatchObject({
      status: 'succeeded',
      progress: { done: 2500, total: 2500, label: 'simulating paths' },
    });
    const direct = await call(jobs, '/api/v1/simulate', json(input));
    expect(direct.status).toBe(200);
    expect(body.result).toEqual(direct.body);
    expect(body.result.percentiles.p50[0]).toBe(1000);
    // The route's own run ticked 1,000, 1,000 and 500 paths (three ranges of at most 1,000).
    const task = deps.progress.tasks.filter((t) => t.label === 'simulating paths').at(-1)!;
    expect(task).toMatchObject({ total: 2500, ticks: [1000, 1000, 500], done: true });
  });
});
