/**
 * monitoring/grafana-dashboard.json against what `/metrics` really serves: the API is started
 * in process (`createApi`) with the metrics `ballast serve` gives it (process metrics included),
 * made to record a request of each kind, a run and a solve, and scraped; every metric name and
 * every label of every PromQL expression in the dashboard (panels and variables) must be among
 * what it served — so renaming a metric or a label fails here, not in someone's Grafana.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { createMetrics } from '../../src/api/metrics.ts';
import type { StoredRun } from '../../src/app/index.ts';
import { jobMetrics } from '../../src/cli/commands/serve.ts';
import { testDeps } from '../helpers/app-deps.ts';

interface Target {
  readonly expr: string;
  readonly refId: string;
  readonly datasource: { type: string; uid: string };
}
interface Panel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly gridPos: { h: number; w: number; x: number; y: number };
  readonly datasource?: { type: string; uid: string };
  readonly targets?: Target[];
}
interface Dashboard {
  readonly schemaVersion: number;
  readonly uid: string;
  readonly __inputs: { name: string; type: string; pluginId: string }[];
  readonly panels: Panel[];
  readonly templating: { list: { name: string; definition: string; datasource: object }[] };
}

const DASHBOARD = JSON.parse(
  readFileSync(new URL('../../monitoring/grafana-dashboard.json', import.meta.url), 'utf8'),
) as Dashboard;

/** Labels Prometheus itself adds to every scraped series (target labels). */
const TARGET_LABELS = ['instance', 'job'];

/** PromQL's functions, aggregations and keywords: identifiers that are not metric names. */
const PROMQL_WORDS = new Set(
  [
    'sum avg min max count stddev stdvar topk bottomk quantile count_values group',
    'rate irate increase delta idelta deriv predict_linear resets changes',
    'histogram_quantile histogram_count histogram_sum label_replace',
    'abs ceil floor round clamp clamp_min clamp_max exp ln log2 log10 sqrt scalar vector',
    'sum_over_time avg_over_time max_over_time min_over_time count_over_time last_over_time',
    'quantile_over_time time timestamp absent absent_over_time sort sort_desc',
    'by without on ignoring group_left group_right bool and or unless offset',
  ]
    .join(' ')
    .split(' '),
);

/** What an expression asks of the server: metric names, and labels it filters or groups by. */
interface PromqlUse {
  readonly metrics: string[];
  readonly labels: string[];
  /** Labels the expression makes itself (label_replace destinations). */
  readonly made: string[];
}

/** The metric names and labels of a PromQL expression (module comment). */
function promqlUse(expr: string): PromqlUse {
  const labels: string[] = [];
  const made: string[] = [];
  // label_replace(v, "dst", "replacement", "src", "regex"): its four trailing strings.
  const replace = /"([^"]*)"\s*,\s*"[^"]*"\s*,\s*"([^"]*)"\s*,\s*"[^"]*"\s*\)/g;
  for (const m of expr.matchAll(replace)) {
    made.push(m[1]!);
    labels.push(m[2]!);
  }
  for (const m of expr.matchAll(/\{([^}]*)\}/g))
    for (const l of m[1]!.matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)) labels.push(l[1]!);
  for (const m of expr.matchAll(
    /\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g,
  ))
    labels.push(
      ...m[1]!
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    );
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const metrics = [...bare.matchAll(/([a-zA-Z_:][\w:]*)(\s*\()?/g)]
    .filter((m) => m[2] === undefined && !PROMQL_WORDS.has(m[1]!))
    .map((m) => m[1]!);
  return { metrics: [...new Set(metrics)], labels: [...new Set(labels)], made };
}

/** Every PromQL expression of the dashboard: panel targets and query variables, with a place. */
function expressions(dashboard: Dashboard): { where: string; expr: string }[] {
  const out: { where: string; expr: string }[] = [];
  for (const panel of dashboard.panels)
    for (const target of panel.targets ?? [])
      out.push({ where: `panel ${panel.id} "${panel.title}" ${target.refId}`, expr: target.expr });
  for (const variable of dashboard.templating.list) {
    const inner = /^label_values\((.*),\s*(\w+)\)$/.exec(variable.definition);
    if (inner !== null)
      out.push({ where: `variable ${variable.name}`, expr: `sum by (${inner[2]}) (${inner[1]})` });
  }
  return out;
}

/**
 * Series names and their labels in a Prometheus text exposition. A metric declared (`# TYPE`)
 * but without a sample yet has an empty set; `[SAMPLED]` names those that had one.
 */
const SAMPLED = Symbol('sampled');
type Served = Map<string, Set<string>> & { [SAMPLED]?: Set<string> };
function served(text: string): Served {
  const series: Served = new Map<string, Set<string>>();
  const sampled = new Set<string>();
  series[SAMPLED] = sampled;
  const add = (name: string, labels: string[] = []) => {
    const known = series.get(name) ?? new Set<string>();
    for (const l of labels) known.add(l);
    series.set(name, known);
  };
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\w+)$/.exec(line);
    if (type !== null) {
      const [, name, kind] = type;
      if (kind === 'histogram') for (const s of ['_bucket', '_sum', '_count']) add(`${name}${s}`);
      else if (kind === 'summary') for (const s of ['', '_sum', '_count']) add(`${name}${s}`);
      else add(name!);
      continue;
    }
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? /.exec(line);
    if (sample === null) continue;
    add(
      sample[1]!,
      [...(sample[2] ?? '').matchAll(/(\w+)="/g)].map((m) => m[1]!),
    );
    sampled.add(sample[1]!);
  }
  return series;
}

/**
 * What the dashboard asks that `series` does not have, one line each. Labels are checked only
 * against metrics with a sample (an unobserved histogram shows no labels; the scrape below
 * observes every Ballast metric, and a test checks that it did).
 */
function missing(dashboard: Dashboard, series: Served): string[] {
  const problems: string[] = [];
  for (const { where, expr } of expressions(dashboard)) {
    const use = promqlUse(expr);
    if (use.metrics.length === 0) problems.push(`${where}: no metric in ${expr}`);
    const available = new Set([...TARGET_LABELS, ...use.made]);
    let unobserved = false;
    for (const metric of use.metrics) {
      const labels = series.get(metric);
      if (labels === undefined) problems.push(`${where}: ${metric} is not served`);
      else for (const l of labels) available.add(l);
      if (labels === undefined || !series[SAMPLED]?.has(metric)) unobserved = true;
    }
    if (unobserved) continue;
    for (const label of use.labels.filter((l) => !available.has(l)))
      problems.push(`${where}: no served series of ${use.metrics.join(', ')} has label ${label}`);
  }
  return problems;
}

let deps: ReturnType<typeof testDeps>;
beforeEach(() => {
  deps = testDeps({ offline: true });
});
afterEach(async () => {
  await deps.close();
});

/** `/metrics` of an in-process API after a request of each kind, a run and a solve. */
async function scrape(): Promise<string> {
  const metrics = createMetrics({ processMetrics: true });
  const api = createApi(deps, { version: '9.9.9', metrics });
  const failing = createApi(
    { ...deps, existingStore: () => Promise.reject(new Error('store gone')) },
    { version: '9.9.9', metrics },
  );
  expect((await api.request('/api/health')).status).toBe(200);
  expect((await api.request('/api/v1/portfolios/ghost')).status).toBe(404);
  expect((await failing.request('/api/v1/portfolios')).status).toBe(500);
  // What `ballast serve` records: the queue depth it reads, and each run it finishes.
  metrics.jobQueueDepth('queued', 2);
  const run = { kind: 'frontier', status: 'succeeded', result: { diagnostics: { solveMs: 40 } } };
  jobMetrics(metrics)(run as unknown as StoredRun, 3.5);
  const res = await api.request('/metrics');
  expect(res.status).toBe(200);
  return res.text();
}

describe('the Grafana dashboard', () => {
  it('is an importable dashboard with a Prometheus datasource input', () => {
    expect(DASHBOARD.schemaVersion).toBeGreaterThanOrEqual(38);
    expect(DASHBOARD.__inputs).toEqual([
      expect.objectContaining({
        name: 'DS_PROMETHEUS',
        type: 'datasource',
        pluginId: 'prometheus',
      }),
    ]);
    const ids = DASHBOARD.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const datasource = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };
    for (const panel of DASHBOARD.panels.filter((p) => p.type !== 'row')) {
      expect(panel.datasource, panel.title).toEqual(datasource);
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? [])
        expect(target.datasource, panel.title).toEqual(datasource);
      expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
    }
    for (const variable of DASHBOARD.templating.list)
      expect(variable.datasource).toEqual(datasource);
  });

  it('has a panel for each metric the server exports', () => {
    const used = new Set(expressions(DASHBOARD).flatMap(({ expr }) => promqlUse(expr).metrics));
    for (const metric of [
      'ballast_http_requests_total',
      'ballast_http_request_duration_seconds_bucket',
      'ballast_job_queue_depth',
      'ballast_job_duration_seconds_bucket',
      'ballast_solver_duration_seconds_bucket',
      'process_resident_memory_bytes',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_p99_seconds',
    ])
      expect(used, metric).toContain(metric);
  });

  it('asks only for metrics and labels that /metrics serves', async () => {
    const series = served(await scrape());
    expect(series.get('ballast_http_requests_total')).toEqual(
      new Set(['method', 'route', 'status']),
    );
    expect(missing(DASHBOARD, series)).toEqual([]);
    // Every Ballast metric the dashboard uses had a sample, so its labels were checked.
    const ours = expressions(DASHBOARD)
      .flatMap(({ expr }) => promqlUse(expr).metrics)
      .filter((m) => m.startsWith('ballast_'));
    expect(ours.filter((m) => !series[SAMPLED]!.has(m))).toEqual([]);
  });

  it('fails for a renamed metric or label', async () => {
    const series = served(await scrape());
    const renamed = (from: string, to: string): Dashboard =>
      JSON.parse(JSON.stringify(DASHBOARD).replaceAll(from, to)) as Dashboard;
    expect(
      missing(renamed('ballast_job_queue_depth', 'ballast_jobs_queued'), series),
    ).toContainEqual(
      expect.stringMatching(/"Job queue depth" A: ballast_jobs_queued is not served/),
    );
    expect(missing(renamed('by (le, route)', 'by (le, path)'), series)).toContainEqual(
      expect.stringMatching(/has label path/),
    );
    // And the other way round: the server dropping a metric the dashboard shows.
    series.delete('ballast_solver_duration_seconds_sum');
    expect(missing(DASHBOARD, series)).toEqual([
      expect.stringMatching(
        /"Solver seconds per second" A: ballast_solver_duration_seconds_sum is not served$/,
      ),
    ]);
  });
});

describe('promqlUse', () => {
  it('finds metric names and labels, not functions, keywords, strings or variables', () => {
    expect(
      promqlUse(
        'sum by (class) (label_replace(rate(http_total{instance=~"$instance",status=~"5.."}[$__rate_interval]), "class", "${1}xx", "status", "(.)..")) / on (job) group_left up',
      ),
    ).toEqual({
      metrics: ['http_total', 'up'],
      labels: ['status', 'instance', 'class', 'job'],
      made: ['class'],
    });
    expect(
      promqlUse('histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m]))) * 60').metrics,
    ).toEqual(['x_bucket']);
  });
});
