import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/** 24 month-end dates of 2023–2024. */
const DATES = Array.from({ length: 24 }, (_, i) => {
  const y = 2023 + Math.floor(i / 12);
  const m = (i % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${last}`;
});

/** A returns file with made-up columns (the values given per test). */
function returnsCsv(columns: Record<string, (t: number) => number>): string {
  const names = Object.keys(columns);
  const rows = DATES.map((d, t) => [d, ...names.map((n) => String(columns[n]!(t)))].join(','));
  return [`date,${names.join(',')}`, ...rows, ''].join('\n');
}

function setup(config: string, csv: string): { config: string; dir: string } {
  const files = tempFiles({ 'r.csv': csv, 'sim.yaml': config });
  return { config: files['sim.yaml']!, dir: files['r.csv']!.replace(/r\.csv$/, '') };
}

async function simulateJson(config: string, ...args: string[]) {
  const run = await runCli(
    '--offline',
    'simulate',
    '--config',
    config,
    '--format',
    'json',
    ...args,
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return { json: JSON.parse(run.stdout), text: run.stdout };
}

describe('ballast simulate', () => {
  it('constant 1 % a month: every percentile is 1000·1.01^(12y), frequency inferred', async () => {
    const { config } = setup(
      'returns: r.csv\nweights: { A: 1 }\npaths: 200\nyears: 4\ninitial: 1000\nseed: 5\n',
      returnsCsv({ A: () => 0.01 }),
    );
    const { json } = await simulateJson(config);
    expect(json.periodsPerYear).toBe(12);
    expect(json.periodsPerYearInferred).toBe(true);
    expect(json.periods).toBe(48);
    for (const k of ['p5', 'p25', 'p50', 'p75', 'p95'])
      json.percentiles[k].forEach((v: number, y: number) =>
        expect(v).toBeCloseTo(1000 * 1.01 ** (12 * y), 2),
      );
    expect(json.successProbability).toBe(1);
    expect(json.depletion).toEqual({ probability: 0, medianYear: null });
    expect(json.maxDrawdown).toEqual({ p50: 0, p95: 0 });
    const csv = await runCli('--offline', 'simulate', '--config', config, '--format', 'csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('year,p5,p25,p50,p75,p95');
    expect(lines).toHaveLength(6);
    // year 1: 1000·1.01^12 = 1126.83 (to the cent)
    expect(lines[2]!.split(',').map(Number)).toEqual([
      1, 1126.83, 1126.83, 1126.83, 1126.83, 1126.83,
    ]);
  });

  it('zero returns, 250 a year from 1000: 750, 500, 250, 0, then depleted in year 5', async () => {
    // 1000 − 4·250 = 0 after year 4 (paid in full); year 5 cannot pay 250 from 0.
    const { config } = setup(
      'returns: r.csv\nweights: { A: 0.5, B: 0.5 }\nmethod: normal\npaths: 10\nyears: 6\ninitial: 1000\nwithdrawal: { amount: 250, every: annual }\n',
      returnsCsv({ A: () => 0, B: () => 0 }),
    );
    const { json } = await simulateJson(config);
    expect(json.percentiles.p50).toEqual([1000, 750, 500, 250, 0, 0, 0]);
    expect(json.depletion).toEqual({ probability: 1, medianYear: 5 });
    // 1000 over 6 annual payments: 1/6 of the initial value a year.
    expect(json.safeWithdrawalRate.p95).toBeCloseTo(1 / 6, 10);
  });

  it('same seed: byte-identical JSON on 1 and 2 threads; another seed differs', async () => {
    const csv = returnsCsv({
      A: (t) => 0.01 + 0.05 * Math.sin(t),
      B: (t) => 0.003 + 0.02 * Math.cos(2 * t),
    });
    const body =
      'returns: r.csv\nweights: { A: 0.7, B: 0.5 }\ncash: { rate: 0.02, borrowSpread: 0.01 }\npaths: 2500\nyears: 10\ninitial: 100000\nwithdrawal: { amount: 400, every: monthly, inflation: 0.02 }\n';
    const { config } = setup(`${body}seed: 11\n`, csv);
    const one = await simulateJson(config, '--threads', '1');
    const two = await simulateJson(config, '--threads', '2');
    expect(two.text).toBe(one.text);
    const other = setup(`${body}seed: 12\n`, csv);
    expect((await simulateJson(other.config, '--threads', '1')).text).not.toBe(one.text);
  }, 60_000);

  it('writes a fan chart and prints a table', async () => {
    const { config, dir } = setup(
      'returns: r.csv\nweights: { A: 1 }\nmethod: block-bootstrap\nblockLength: 6\npaths: 100\nyears: 3\ninitial: 1000\n',
      returnsCsv({ A: (t) => 0.01 * Math.sin(t) }),
    );
    const chart = `${dir}fan.svg`;
    const run = await runCli('--offline', 'simulate', '--config', config, '--chart', chart);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('block-bootstrap (fixed blocks of 6)');
    expect(run.stdout).toContain('Safe withdrawal rate');
    expect(run.stderr).toContain('chart: wrote');
    expect(readFileSync(chart, 'utf8')).toContain('<svg');
  });

  it('runs the example config: the contract fields, quantiles ordered at every year end', async () => {
    const { json } = await simulateJson('examples/simulate/retirement.yaml');
    expect(json).toMatchObject({
      paths: 10000,
      periods: 360,
      years: 30,
      method: 'block-bootstrap',
      seed: 42,
    });
    const p = json.percentiles;
    expect(p.p50).toHaveLength(31);
    for (let y = 0; y <= 30; y++) {
      expect(p.p5[y]).toBeLessThanOrEqual(p.p25[y]);
      expect(p.p25[y]).toBeLessThanOrEqual(p.p50[y]);
      expect(p.p50[y]).toBeLessThanOrEqual(p.p75[y]);
      expect(p.p75[y]).toBeLessThanOrEqual(p.p95[y]);
    }
    expect(json.successProbability + json.depletion.probability).toBeCloseTo(1, 12);
    expect(json.terminal.median).toBe(p.p50[30]);
    expect(json.maxDrawdown.p50).toBeLessThanOrEqual(json.maxDrawdown.p95);
    expect(json.safeWithdrawalRate.p95).toBeGreaterThan(0);
  });

  it('names the field of a bad config', async () => {
    const bad = setup(
      'returns: r.csv\nweights: { A: 1, C: 1 }\ninitial: 1000\n',
      returnsCsv({ A: () => 0.01 }),
    );
    const run = await runCli('--offline', 'simulate', '--config', bad.config);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('weights.C');
    const method = setup(
      'returns: r.csv\nweights: { A: 1 }\ninitial: 1000\nmethod: magic\n',
      returnsCsv({ A: () => 0 }),
    );
    const r2 = await runCli('--offline', 'simulate', '--config', method.config);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toContain('method');
    const every = setup(
      'returns: r.csv\nweights: { A: 1 }\ninitial: 1000\nperiodsPerYear: 1\nwithdrawal: { amount: 1, every: monthly }\n',
      returnsCsv({ A: () => 0 }),
    );
    const r3 = await runCli('--offline', 'simulate', '--config', every.config);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('withdrawal.every');
    const block = setup(
      'returns: r.csv\nweights: { A: 1 }\ninitial: 1000\nmethod: block-bootstrap\nblockLength: 30\n',
      returnsCsv({ A: () => 0 }),
    );
    const r4 = await runCli('--offline', 'simulate', '--config', block.config);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toContain('blockLength');
    const threads = await runCli(
      '--offline',
      'simulate',
      '--config',
      method.config,
      '--threads',
      '0',
    );
    expect(threads.stderr).toContain('--threads');
  });
});
