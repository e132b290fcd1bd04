import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `ballast serve --refresh-daily HH:MM` through the bundled CLI: the flag is checked, the server
 * says when its next refresh run is due, and a `data-refresh` run submitted over HTTP is
 * executed by the server's queue (a store with nothing fetched: nothing to refresh, no network).
 */

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'ballast-home-')),
  };
  delete e['DATABASE_URL'];
  delete e['BALLAST_DB'];
  return e;
}

const freshDb = (): string => join(mkdtempSync(join(tmpdir(), 'ballast-serve-')), 'store.sqlite');

describe('ballast serve --refresh-daily', () => {
  it('refuses a time outside 03:00–23:59, naming the flag', () => {
    const run = spawnSync(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--db', freshDb(), '--refresh-daily', '25:00'],
      { encoding: 'utf8', env: env() },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--refresh-daily: expected a time HH:MM from 03:00 to 23:59');
  });

  it('announces the next refresh and executes a data-refresh run', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--db', freshDb(), '--refresh-daily', '18:30'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: env() },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      let out = '';
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /^Data refresh.*$/m.exec(out)?.[0];
          if (found !== undefined) resolve(found);
        });
        void exited.then((code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      // 18:30 New York is 22:30 UTC under daylight time and 23:30 UTC under standard time.
      expect(line).toMatch(
        /^Data refresh \(run kind data-refresh\): every NYSE trading day at 18:30 New York time, next \d{4}-\d{2}-\d{2}T(22|23):30:00\.000Z$/,
      );
      const url = /http:\/\/[^\s)]+/.exec(out)![0];
      const submitted = await fetch(`${url}/api/v1/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'data-refresh', input: {} }),
      });
      expect(submitted.status).toBe(202);
      const { id } = (await submitted.json()) as { id: string };
      let run: { status: string; result: unknown; knownAt: string | null } | undefined;
      for (let i = 0; i < 100; i++) {
        run = (await (await fetch(`${url}/api/v1/runs/${id}`)).json()) as typeof run;
        if (run!.status !== 'queued' && run!.status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(run).toMatchObject({ status: 'succeeded', result: { rows: [], alerts: [] } });
      expect(run!.knownAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
