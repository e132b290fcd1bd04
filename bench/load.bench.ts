/**
 * Load benchmark of the HTTP API: 50 concurrent clients read a stored portfolio's positions and
 * exposures (alternately, keep-alive) from `ballast serve` for `BENCH_LOAD_SECONDS` (default 30)
 * seconds, first alone, then while a 200-asset, 50-point frontier run executes (a new one is
 * submitted whenever one ends, so one is always running). On SQLite (a temporary file) and on
 * PostgreSQL (a database of its own, dropped afterwards) when `DATABASE_URL` is set. Reports
 * requests per second, p50 / p99 / max latency and errors per phase. Targets: zero errors,
 * p99 < 100 ms reading alone and < 200 ms during the frontier.
 *
 * Loopback only; the server is the compiled CLI (`npm run build` first), without a rate limit
 * (`--rate-limit 0`) and with its log silent.
 *
 * Run: `npm run bench -- load` (`BENCH_LOAD_SECONDS=5` for a quick look).
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { mulberry32 } from './synthetic-bars.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/ballast.mjs`;
if (!existsSync(`${root}dist/cli/bin.js`)) throw new Error('run `npm run build` first');
const SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 30);
const CLIENTS = 50;
const DEMO = readFileSync(`${root}data/demo/transactions.csv`, 'utf8');

/** Daily returns of `assets` assets over `days` days: one market factor plus noise (seeded). */
function returnsCsv(assets: number, days: number): string {
  const rand = mulberry32(7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const beta = Array.from({ length: assets }, () => 0.5 + rand());
  const lines = [`date,${beta.map((_, i) => `A${i}`).join(',')}`];
  const day = new Date('2020-01-01T00:00:00Z');
  for (let d = 0; d < days; d++) {
    do day.setUTCDate(day.getUTCDate() + 1);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
    const m = normal() * 0.01;
    const row = beta.map((b, i) =>
      (0.0002 + (i % 7) * 0.00005 + b * m + normal() * 0.012).toFixed(6),
    );
    lines.push(`${day.toISOString().slice(0, 10)},${row.join(',')}`);
  }
  return lines.join('\n');
}

const FRONTIER = JSON.stringify({
  kind: 'frontier',
  input: {
    moments: {
      kind: 'estimate',
      panel: { kind: 'file', file: { text: returnsCsv(200, 1000), name: 'r.csv' } },
    },
    points: 50,
  },
});

function startServer(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--port', '0', '--db', db, '--rate-limit', '0', '--log-level', 'silent'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/[^\s)]+/.exec(out)?.[0];
      if (url !== undefined && out.includes('Runs (POST')) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

interface Phase {
  readonly latencies: number[];
  errors: number;
  readonly firstError: string[];
}

/** 50 clients reading for `seconds`; returns their latencies (ms) and errors. */
async function read(url: string, seconds = SECONDS): Promise<Phase> {
  const phase: Phase = { latencies: [], errors: 0, firstError: [] };
  const paths = ['/api/v1/portfolios/demo/positions', '/api/v1/portfolios/demo/exposures'];
  const end = performance.now() + seconds * 1000;
  const client = async (k: number): Promise<void> => {
    for (let i = k; performance.now() < end; i++) {
      const t0 = performance.now();
      try {
        const res = await fetch(url + paths[i % 2]!);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${paths[i % 2]}: ${res.status}`);
        phase.latencies.push(performance.now() - t0);
      } catch (error) {
        phase.errors++;
        if (phase.firstError.length < 3) phase.firstError.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  return phase;
}

/** Keeps one frontier run executing until `stop` resolves; returns the runs' durations (s). */
async function frontierRuns(url: string, stop: Promise<unknown>): Promise<number[]> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const durations: number[] = [];
  while (!stopped) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/v1/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: FRONTIER,
    });
    if (res.status !== 202) throw new Error(`run refused: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const run = (await (await fetch(`${url}/api/v1/runs/${id}`)).json()) as { status: string };
      if (run.status === 'succeeded') break;
      if (run.status !== 'queued' && run.status !== 'running')
        throw new Error(`frontier run ${run.status}: ${JSON.stringify(run)}`);
    }
    durations.push((performance.now() - t0) / 1000);
  }
  return durations;
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function report(label: { store: string; name: string; extra?: string }, phase: Phase): void {
  const { store, name, extra = '' } = label;
  const s = [...phase.latencies].sort((a, b) => a - b);
  console.log(
    `${store.padEnd(10)} ${name.padEnd(22)} ${(s.length / SECONDS).toFixed(0).padStart(7)} req/s  p50 ${pct(s, 50).toFixed(1).padStart(6)} ms  p99 ${pct(s, 99).toFixed(1).padStart(6)} ms  max ${s.at(-1)?.toFixed(0).padStart(5)} ms  errors ${phase.errors}${extra}`,
  );
  for (const e of phase.firstError) console.log(`           ${e}`);
}

async function bench(store: string, db: string): Promise<void> {
  const { url, child } = await startServer(db);
  try {
    const created = await fetch(`${url}/api/v1/portfolios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'demo' }),
    });
    if (created.status !== 201) throw new Error(`create: ${created.status}`);
    await fetch(`${url}/api/v1/portfolios/demo/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: DEMO,
    });
    await read(url, 2); // warm-up
    report({ store, name: 'reads alone' }, await read(url));
    let done!: (v: unknown) => void;
    const stop = new Promise((resolve) => (done = resolve));
    const runs = frontierRuns(url, stop);
    const during = await read(url);
    done(undefined);
    const durations = await runs;
    report(
      {
        store,
        name: 'reads during frontier',
        extra: `  (frontier runs ended: ${durations.length}; first ${durations[0]?.toFixed(1)} s, median ${[...durations].sort((a, b) => a - b)[durations.length >> 1]?.toFixed(1)} s)`,
      },
      during,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

console.log(
  `${CLIENTS} clients, ${SECONDS} s per phase, GET …/positions and …/exposures alternately (demo ledger)`,
);
await bench('SQLite', join(mkdtempSync(join(tmpdir(), 'ballast-load-')), 'store.sqlite'));
const server = process.env['DATABASE_URL'];
if (server === undefined || server === '') console.log('PostgreSQL: skipped (DATABASE_URL unset)');
else {
  const name = `ballast_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    await bench('PostgreSQL', url.href);
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
