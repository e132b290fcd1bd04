/**
 * `ballast start` (what `npm start` runs) as a user meets it: on a new store it stores the demo
 * portfolio, serves the dashboard and the API on the port asked for, and prints the URL; a
 * second start on the same store leaves it as it is; `--no-demo` starts on an empty store.
 * The dashboard build exists (the global setup builds web/dist), so nothing is built here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));
const ENV = { ...process.env, DATABASE_URL: '', BALLAST_DB: '' };

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
}

/** Resolves with stdout once it names the dashboard URL. */
function listening(child: ChildProcess): Promise<{ out: string; url: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Dashboard: (http:\/\/\S+)\//.exec(out)?.[1];
      if (url !== undefined) resolve({ out, url });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}${err}`)));
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

async function portfolios(url: string): Promise<{ name: string; transactions: number }[]> {
  return (await (await fetch(`${url}/api/v1/portfolios`)).json()) as {
    name: string;
    transactions: number;
  }[];
}

describe('ballast start', () => {
  it('stores the demo on first run, serves dashboard and API, prints the URL; the second run keeps the store', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-start-')), 'store.sqlite');
    const first = start(['start', '--db', db, '--port', '0', '--offline']);
    try {
      const { out, url } = await listening(first);
      expect(out).toContain(`Ballast is running: open ${url}/ in your browser`);
      expect(out).toContain(`Store: ${db}`);
      // data/demo/transactions.csv has 22 rows under its header.
      expect(out).toContain('First run: stored the demo portfolio "demo" (22 transactions).');
      expect(await portfolios(url)).toMatchObject([{ name: 'demo', transactions: 22 }]);
      const html = await fetch(`${url}/holdings?p=demo`);
      expect(html.status).toBe(200);
      expect(await html.text()).toContain('<div id="root"></div>');
    } finally {
      expect(await stop(first)).toBe(0);
    }
    const second = start(['start', '--db', db, '--port', '0', '--offline']);
    try {
      const { out, url } = await listening(second);
      expect(out).not.toContain('First run');
      expect(await portfolios(url)).toHaveLength(1);
    } finally {
      await stop(second);
    }
  });

  it('--no-demo leaves a new store empty', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-start-')), 'store.sqlite');
    const child = start(['start', '--db', db, '--port', '0', '--offline', '--no-demo']);
    try {
      const { out, url } = await listening(child);
      expect(out).not.toContain('First run');
      expect(await portfolios(url)).toEqual([]);
    } finally {
      await stop(child);
    }
  });

  it('refuses a bad port naming the flag', async () => {
    const child = start(['start', '--port', '99999']);
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--port');
    expect(err).toContain('99999');
  });
});
