/**
 * Prometheus metrics of the server, in a registry of their own (never prom-client's global one,
 * so two APIs in one process, or tests, never share counts). `GET /metrics` serves
 * {@link Metrics.registry} in the text exposition format (`observe.ts`): open when API keys are
 * off (a loopback host), and needing a key of any scope when they are required — the same guard,
 * and rate limit, as `/api/v1`.
 *
 * | metric                                 | type      | labels                 |
 * | -------------------------------------- | --------- | ---------------------- |
 * | `ballast_http_requests_total`          | counter   | method, route, status  |
 * | `ballast_http_request_duration_seconds`| histogram | method, route, status  |
 * | `ballast_job_queue_depth`              | gauge     | state                  |
 * | `ballast_job_duration_seconds`         | histogram | kind, outcome          |
 * | `ballast_solver_duration_seconds`      | histogram | kind                   |
 *
 * `route` is the route's pattern (`/api/v1/portfolios/{id}`, never the raw path) or
 * `unmatched`, so the label's values are bounded. With `processMetrics`, prom-client's default
 * process metrics (CPU, memory, event loop, GC) are in the same registry.
 *
 * The hooks take plain strings and numbers, so code that may not import `src/api` (the jobs
 * layer) can declare the same function types and be handed these.
 *
 * @example
 * ```ts
 * const metrics = createMetrics({ processMetrics: true });
 * metrics.jobQueueDepth('queued', 3);
 * metrics.jobDuration('frontier', 12.5, 'completed');
 * metrics.solverSeconds(0.042, 'qp');
 * const text = await metrics.registry.metrics();
 * ```
 */

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One served request, as {@link Metrics.observeRequest} records it. */
export interface RequestSample {
  readonly method: string;
  /** The route pattern (`/api/v1/portfolios/{id}`) or `unmatched`; never the raw path. */
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
}

/** The server's metrics and the hooks that record them. */
export interface Metrics {
  readonly registry: Registry;
  /** Counts a request and records its latency. */
  observeRequest(sample: RequestSample): void;
  /** Sets how many jobs are in `state` now (`queued`, `running`, …). */
  jobQueueDepth(state: string, depth: number): void;
  /** Records a finished job of `kind` that took `seconds`; `outcome` default `completed`. */
  jobDuration(kind: string, seconds: number, outcome?: string): void;
  /** Records one solve that took `seconds`; `kind` (`qp`, `lp`, `milp`, …) default `solve`. */
  solverSeconds(seconds: number, kind?: string): void;
}

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Also collect prom-client's default process metrics into the registry; default false. */
  readonly processMetrics?: boolean;
}

const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const JOB_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600];
const SOLVER_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120];

/** A fresh registry with the server's metrics (module comment). */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const requestLabels = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'ballast_http_requests_total',
    help: 'HTTP requests served, by method, route pattern and status',
    labelNames: requestLabels,
    registers,
  });
  const latency = new Histogram({
    name: 'ballast_http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method, route pattern and status',
    labelNames: requestLabels,
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const depth = new Gauge({
    name: 'ballast_job_queue_depth',
    help: 'Jobs in each state now',
    labelNames: ['state'] as const,
    registers,
  });
  const jobs = new Histogram({
    name: 'ballast_job_duration_seconds',
    help: 'Job run time in seconds, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers,
  });
  const solves = new Histogram({
    name: 'ballast_solver_duration_seconds',
    help: 'Solver time in seconds, by kind of problem',
    labelNames: ['kind'] as const,
    buckets: SOLVER_BUCKETS,
    registers,
  });
  if (options.processMetrics === true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    jobQueueDepth: (state, value) => depth.set({ state }, value),
    jobDuration: (kind, seconds, outcome = 'completed') => jobs.observe({ kind, outcome }, seconds),
    solverSeconds: (seconds, kind = 'solve') => solves.observe({ kind }, seconds),
  };
}
