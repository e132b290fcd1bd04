import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { twoMadeUpCloses } from '../helpers/made-up-closes.ts';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));
const ENV = { ...process.env, DATABASE_URL: '', BALLAST_DB: '' };

/** Resolves with the whole stdout once it contains `pattern`. */
function printed(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

/** Monthly returns of five assets from a fixed linear congruential sequence. */
function returnsCsv(): string {
  let state = 2024;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
  const rows = ['date,A,B,C,D,E'];
  for (let i = 0; i < 60; i++) {
    const date = `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-28`;
    rows.push(
      `${date},${[1, 2, 3, 4, 5].map((k) => (0.002 * k + next() * 0.06).toFixed(6)).join(',')}`,
    );
  }
  return rows.join('\n');
}

/** Polls the run until it has ended. */
async function ended(url: string, id: string): Promise<ReturnType<typeof JSON.parse>> {
  for (let i = 0; i < 300; i++) {
    const run = (await (await fetch(`${url}/api/v1/runs/${id}`)).json()) as { status: string };
    if (!['queued', 'running'].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${id} did not end`);
}

const withoutTimes = (doc: unknown): unknown =>
  JSON.parse(JSON.stringify(doc, (key, v: unknown) => (key === 'solveMs' ? undefined : v)));

/** Submits a 6-point frontier run and checks its result against `ballast frontier` on the same file. */
async function frontierRunMatchesCli(url: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-runs-'));
  const text = returnsCsv();
  writeFileSync(join(dir, 'r.csv'), text);
  const input = {
    moments: { kind: 'estimate', panel: { kind: 'file', file: { text, name: 'r.csv' } } },
    points: 6,
  };
  const res = await fetch(`${url}/api/v1/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'frontier', input }),
  });
  expect(res.status).toBe(202);
  const run = await ended(url, ((await res.json()) as { id: string }).id);
  expect(run).toMatchObject({ status: 'succeeded', progress: { done: 8, total: 8 } });
  const cli = spawnSync(
    process.execPath,
    [BIN, 'frontier', '--returns', join(dir, 'r.csv'), '--points', '6', '--format', 'json'],
    { encoding: 'utf8', env: ENV },
  );
  expect(cli.status, cli.stderr).toBe(0);
  expect(withoutTimes(run.result)).toEqual(withoutTimes(JSON.parse(cli.stdout)));
}

describe('runs through the bundled CLI', () => {
  it('ballast serve on SQLite executes a submitted frontier run: the result is `ballast frontier`’s', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-serve-runs-')), 'store.sqlite');
    const server = start(['serve', '--port', '0', '--db', db, '--log-level', 'silent']);
    try {
      const out = await printed(server, /in-process queue, 1 at a time/);
      await frontierRunMatchesCli(/http:\/\/[^\s)]+/.exec(out)![0]);
      expect(await stop(server)).toBe(0);
    } finally {
      server.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses --jobs 0 on SQLite and ballast worker without PostgreSQL, naming the flag', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-serve-runs-')), 'store.sqlite');
    const serve = spawnSync(process.execPath, [BIN, 'serve', '--db', db, '--jobs', '0'], {
      encoding: 'utf8',
      env: ENV,
    });
    expect(serve.status).toBe(2);
    expect(serve.stderr).toContain('error [INVALID_INPUT]: --jobs: ');
    const worker = spawnSync(process.execPath, [BIN, 'worker', '--db', db], {
      encoding: 'utf8',
      env: ENV,
    });
    expect(worker.status).toBe(2);
    expect(worker.stderr).toContain('error [INVALID_INPUT]: --db: ');
  }, 30_000);

  const server = process.env['DATABASE_URL'];

  /** A database of its own for `fn` (the store's tables and pg-boss's schema), dropped afterwards. */
  async function withDatabase(fn: (url: URL) => Promise<void>): Promise<void> {
    const name = `ballast_runs_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(server!);
    url.pathname = `/${name}`;
    try {
      await fn(url);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  /** `ballast serve --jobs 0` and `workers` worker processes on `url`; all stopped after `fn`. */
  async function withWorkers(
    url: URL,
    workers: number,
    fn: (api: string, workers: ChildProcess[]) => Promise<void>,
  ): Promise<void> {
    const serve = start([
      'serve',
      '--port',
      '0',
      '--db',
      url.href,
      '--jobs',
      '0',
      '--log-level',
      'silent',
    ]);
    const started: ChildProcess[] = [];
    try {
      const out = await printed(serve, /executed by `ballast worker` processes/);
      for (let i = 0; i < workers; i++) {
        const worker = start(['worker', '--db', url.href]);
        started.push(worker);
        await printed(worker, /executing runs/);
      }
      await fn(/http:\/\/[^\s)]+/.exec(out)![0], started);
      for (const worker of started) expect(await stop(worker)).toBe(0);
      expect(await stop(serve)).toBe(0);
    } finally {
      serve.kill('SIGKILL');
      for (const worker of started) worker.kill('SIGKILL');
    }
  }

  it.skipIf(server === undefined || server === '')(
    'on PostgreSQL, a server that executes nothing (--jobs 0) and a separate ballast worker process',
    () => withDatabase((url) => withWorkers(url, 1, (api) => frontierRunMatchesCli(api))),
    90_000,
  );

  it.skipIf(server === undefined || server === '')(
    'on PostgreSQL, a backtest-sweep run spread in pieces over two ballast worker processes: the result is `ballast backtest --sweep`’s',
    () =>
      withDatabase((url) =>
        withWorkers(url, 2, async (api) => {
          const dir = mkdtempSync(join(tmpdir(), 'ballast-sweep-runs-'));
          const prices = twoMadeUpCloses();
          writeFileSync(join(dir, 'p.csv'), prices);
          const strategy = {
            name: 'AB',
            weights: { A: 0.6, B: 0.4 },
            rebalance: 'monthly',
            costBps: 5,
          };
          writeFileSync(
            join(dir, 'bt.yaml'),
            `prices: p.csv\ninitial: 1000\nstrategies:\n  - ${JSON.stringify(strategy)}\n`,
          );
          const axes = ['weights.A=0.5,1,1.5', 'bands.absolute=0.01,0.05'];
          const input = {
            config: {
              prices: { text: prices, name: 'p.csv' },
              initial: 1000,
              strategies: [strategy],
            },
            sweep: axes,
            sortBy: 'twr',
            pieces: 3,
          };
          const res = await fetch(`${api}/api/v1/runs`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ kind: 'backtest-sweep', input }),
          });
          expect(res.status).toBe(202);
          const run = await ended(api, ((await res.json()) as { id: string }).id);
          expect(run).toMatchObject({ status: 'succeeded', result: { pieces: 3, total: 6 } });
          const list = (await (await fetch(`${api}/api/v1/runs?limit=10`)).json()) as {
            runs: { kind: string; status: string }[];
          };
          const pieces = list.runs.filter((r) => r.kind === 'backtest-sweep-piece');
          expect(pieces.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
          const cli = spawnSync(
            process.execPath,
            [
              BIN,
              'backtest',
              '--config',
              join(dir, 'bt.yaml'),
              ...axes.flatMap((a) => ['--sweep', a]),
              '--sort-by',
              'twr',
              '--format',
              'json',
            ],
            { encoding: 'utf8', env: ENV },
          );
          expect(cli.status, cli.stderr).toBe(0);
          const { threads: _t, pieces: _p, prices: _s, ...result } = run.result;
          const { threads: _ct, prices: _cs, ...local } = JSON.parse(cli.stdout);
          expect(result).toEqual(local);
        }),
      ),
    120_000,
  );
});
