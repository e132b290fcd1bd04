import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { keyCreate } from '../app/key-create.ts';
import { createApi, type ApiOptions } from './app.ts';
import { createMetrics } from './metrics.ts';

let deps: ReturnType<typeof testDeps>;
beforeEach(() => {
  deps = testDeps({ offline: true });
});
afterEach(async () => {
  await deps.close();
});

const api = (options: Partial<ApiOptions> = {}) =>
  createApi(deps, { version: '9.9.9', ...options });

/** The value of the sample `line` (name and labels as printed) in `text`; 0 when absent. */
function sample(text: string, line: string): number {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? 0 : Number(found.slice(line.length + 1));
}

const requests = (labels: string) => `ballast_http_requests_total{${labels}}`;

describe('GET /metrics', () => {
  it('counts requests by method, route pattern and status, in the text format', async () => {
    const app = api();
    const first = await app.request('/metrics');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const before = await first.text();
    expect(before).toContain('# TYPE ballast_http_requests_total counter');
    const byId = 'method="GET",route="/api/v1/portfolios/{id}",status="404"';
    expect(sample(before, requests(byId))).toBe(0);
    await app.request('/api/v1/portfolios/7');
    await app.request('/api/v1/portfolios/ghost');
    await app.request('/api/v1/no/such/route');
    const after = await (await app.request('/metrics')).text();
    expect(sample(after, requests(byId))).toBe(2);
    expect(sample(after, `ballast_http_request_duration_seconds_count{${byId}}`)).toBe(2);
    expect(sample(after, requests('method="GET",route="unmatched",status="404"'))).toBe(1);
    expect(sample(after, requests('method="GET",route="/metrics",status="200"'))).toBe(1);
    // Raw paths never become label values.
    expect(after).not.toMatch(/portfolios\/7|ghost|no\/such/);
  });

  it('is open without keys, and needs a key of any scope when keys are required', async () => {
    expect((await api({ auth: 'off' }).request('/metrics')).status).toBe(200);
    const guarded = api({ auth: 'required' });
    const refused = await guarded.request('/metrics');
    expect([refused.status, refused.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
    expect(await refused.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    for (const scope of ['read', 'write'] as const) {
      const { key } = await keyCreate({ scope }, deps);
      const res = await guarded.request('/metrics', {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(res.status, scope).toBe(200);
      expect(await res.text()).toContain('ballast_http_requests_total');
    }
  });

  it('is not an operation of the OpenAPI document', async () => {
    const doc = (await (await api().request('/api/openapi.json')).json()) as { paths: object };
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });
});

describe('createMetrics', () => {
  it('records the job and solver hooks in its own registry', async () => {
    const metrics = createMetrics();
    const other = createMetrics();
    metrics.jobQueueDepth('queued', 3);
    metrics.jobQueueDepth('queued', 2);
    metrics.jobQueueDepth('running', 1);
    metrics.jobDuration('frontier', 12.5);
    metrics.jobDuration('frontier', 0.2, 'failed');
    metrics.solverSeconds(0.004, 'qp');
    metrics.solverSeconds(0.02);
    const text = await metrics.registry.metrics();
    expect(sample(text, 'ballast_job_queue_depth{state="queued"}')).toBe(2);
    expect(sample(text, 'ballast_job_queue_depth{state="running"}')).toBe(1);
    const frontier = 'kind="frontier",outcome="completed"';
    expect(sample(text, `ballast_job_duration_seconds_sum{${frontier}}`)).toBe(12.5);
    expect(sample(text, `ballast_job_duration_seconds_bucket{le="15",${frontier}}`)).toBe(1);
    expect(
      sample(text, 'ballast_job_duration_seconds_count{kind="frontier",outcome="failed"}'),
    ).toBe(1);
    expect(sample(text, 'ballast_solver_duration_seconds_count{kind="qp"}')).toBe(1);
    expect(sample(text, 'ballast_solver_duration_seconds_count{kind="solve"}')).toBe(1);
    expect(await other.registry.metrics()).not.toContain('state="queued"');
  });

  it('adds the process metrics when asked, and the API serves the metrics it is given', async () => {
    const metrics = createMetrics({ processMetrics: true });
    metrics.jobQueueDepth('queued', 4);
    const text = await (await api({ metrics }).request('/metrics')).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(sample(text, 'ballast_job_queue_depth{state="queued"}')).toBe(4);
    expect(await createMetrics().registry.metrics()).not.toContain('process_cpu');
  });
});
