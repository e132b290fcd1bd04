import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));

/** Starts `ballast serve` on a free port; resolves with its URL and what it wrote to stderr. */
async function serve(...args: string[]) {
  const db = join(mkdtempSync(join(tmpdir(), 'ballast-serve-')), 'store.sqlite');
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/[^\s)]+/.exec(out)?.[0];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}${stderr}`)));
  });
  const stop = async (): Promise<string> => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    return stderr;
  };
  return { url, stop, kill: () => child.exitCode === null && child.kill('SIGKILL') };
}

describe('ballast serve: the request log and /metrics (the bundled CLI)', () => {
  it('logs one JSON line per request on stderr and serves the metrics', async () => {
    const server = await serve();
    try {
      const health = await fetch(`${server.url}/api/health`, {
        headers: { 'x-request-id': 'probe-1' },
      });
      expect(health.headers.get('x-request-id')).toBe('probe-1');
      expect((await fetch(`${server.url}/api/v1/portfolios/9`)).status).toBe(404);
      const metrics = await fetch(`${server.url}/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toContain(
        'ballast_http_requests_total{method="GET",route="/api/v1/portfolios/{id}",status="404"} 1',
      );
      expect(text).toContain('process_resident_memory_bytes');
      const lines = (await server.stop()).trim().split('\n');
      const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged.map((l) => [l['route'], l['status']])).toEqual([
        ['/api/health', 200],
        ['/api/v1/portfolios/{id}', 404],
        ['/metrics', 200],
      ]);
      expect(logged[0]).toMatchObject({ level: 'info', requestId: 'probe-1', method: 'GET' });
      expect(logged[1]).toMatchObject({ level: 'warn', code: 'NOT_FOUND' });
    } finally {
      server.kill();
    }
  }, 30_000);

  it('logs nothing with --log-level silent and refuses an unknown level', async () => {
    const server = await serve('--log-level', 'silent');
    try {
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(await server.stop()).toBe('');
    } finally {
      server.kill();
    }
    const run = spawnSync(process.execPath, [BIN, 'serve', '--log-level', 'loud'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error [INVALID_INPUT]: --log-level');
  }, 30_000);
});
