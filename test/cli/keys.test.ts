import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { testDeps } from '../helpers/app-deps.ts';
import { runCli } from '../helpers/run-cli.ts';

const KEY = /^blst_[A-Za-z0-9_-]{43}$/m;

describe('ballast keys', () => {
  it('create prints a key once that authenticates against the API on the same store; list hides it; revoke ends it', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-keys-cli-')), 'store.sqlite');
    const created = await runCli('--db', db, 'keys', 'create', '--scope', 'write', '--name', 'ci');
    expect(created.code).toBe(0);
    const key = KEY.exec(created.stdout)?.[0];
    expect(key).toBeDefined();
    expect(created.stdout).toContain('Created write key 1 (ci):');
    expect(created.stdout).toContain('This key will not be shown again');

    const deps = testDeps({ db, offline: true });
    try {
      const api = createApi(deps, { version: '0', auth: 'required' });
      const post = (bearer: string) =>
        api.request('/api/v1/portfolios', {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'main' }),
        });
      expect((await post(key!)).status).toBe(201);

      const listed = await runCli('--db', db, 'keys', 'list');
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain(`${key!.slice(0, 12)}…`);
      expect(listed.stdout).not.toContain(key!);
      expect(listed.stdout).toMatch(/^\s*1\s+ci\s+write\s/m);

      const revoked = await runCli('--db', db, 'keys', 'revoke', '1');
      expect([revoked.code, revoked.stdout]).toEqual([
        0,
        expect.stringContaining('Revoked write key 1 (ci)'),
      ]);
      expect((await post(key!)).status).toBe(401);
    } finally {
      await deps.close();
    }
  });

  it('names --scope when it is missing or wrong, and an unknown id with NOT_FOUND (exit 3)', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-keys-cli-')), 'store.sqlite');
    const missing = await runCli('--db', db, 'keys', 'create');
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--scope')]);
    const wrong = await runCli('--db', db, 'keys', 'create', '--scope', 'admin');
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('--scope')]);
    const unknown = await runCli('--db', db, 'keys', 'revoke', '7');
    expect([unknown.code, unknown.stderr]).toEqual([3, expect.stringContaining('NOT_FOUND')]);
    expect((await runCli('--db', db, 'keys', 'list')).stdout).toContain('No API keys.');
  });
});
