import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));

/** Resolves with the first `http://…` URL the process prints. */
function urlPrinted(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/[^\s)]+/.exec(out)?.[0];
      if (url !== undefined) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${out}`)));
  });
}

describe('ballast serve (the bundled CLI)', () => {
  it('serves the API on a free port, answers /api/health and stops on SIGTERM', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-serve-')), 'store.sqlite');
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await urlPrinted(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', version: '0.1.0' });
      const ready = await fetch(`${url}/api/ready`);
      expect(await ready.json()).toEqual({ status: 'ready', portfolios: 0 });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it('requires keys with --auth required: a key of `keys create` on the same --db authenticates', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-serve-')), 'store.sqlite');
    const created = spawnSync(
      process.execPath,
      [BIN, 'keys', 'create', '--scope', 'read', '--db', db],
      { encoding: 'utf8' },
    );
    expect(created.status).toBe(0);
    const key = /^blst_\S+$/m.exec(created.stdout)?.[0];
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--auth', 'required', '--db', db],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await urlPrinted(child);
      const without = await fetch(`${url}/api/v1/portfolios`);
      expect([without.status, without.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
      const withKey = await fetch(`${url}/api/v1/portfolios`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect([withKey.status, await withKey.json()]).toEqual([200, []]);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it('refuses --auth off on a host that is not a loopback address with exit code 2, naming --auth', () => {
    const run = spawnSync(process.execPath, [BIN, 'serve', '--host', '0.0.0.0', '--auth', 'off'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error [INVALID_INPUT]: --auth: "off" is refused on 0.0.0.0');
    const help = spawnSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' });
    expect(help.stdout.replaceAll(/\s+/g, ' ')).toContain(
      'default off on a loopback host (127.0.0.1, ::1, localhost), required on any other, where off is refused',
    );
  });

  it('refuses a port out of range with exit code 2, naming --port', () => {
    const run = spawnSync(process.execPath, [BIN, 'serve', '--port', '70000'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error [INVALID_INPUT]: --port');
  });
});
