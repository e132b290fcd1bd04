/**
 * `ballast keys` output formats: `list` as a table, JSON (the stored keys) and CSV; `create` and
 * `revoke` as a table or JSON (no CSV form: test/cli/format-csv.test.ts). The secret appears
 * only in `create`'s output; no output carries a hash.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const KEY = /^blst_[A-Za-z0-9_-]{43}$/;
const HEADER = 'id,name,scope,prefix,created_at,last_used_at,revoked_at';
const storeFile = () => join(mkdtempSync(join(tmpdir(), 'ballast-keys-formats-')), 'store.sqlite');

describe('ballast keys --format', () => {
  it('list: [] in JSON, the header alone in CSV, "No API keys." in a table when there are none', async () => {
    const db = storeFile();
    const json = await runCli('--db', db, 'keys', 'list', '--format', 'json');
    expect([json.code, JSON.parse(json.stdout)]).toEqual([0, []]);
    const csv = await runCli('--db', db, 'keys', 'list', '--format', 'csv');
    expect([csv.code, csv.stdout]).toEqual([0, `${HEADER}\n`]);
    expect((await runCli('--db', db, 'keys', 'list')).stdout).toBe('No API keys.\n');
  });

  it('create --format json gives the key once; list gives it as stored in JSON and CSV; revoke --format json', async () => {
    const db = storeFile();
    const run = await runCli(
      '--db',
      db,
      'keys',
      'create',
      '--scope',
      'write',
      '--name',
      'ci',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const created = JSON.parse(run.stdout) as Record<string, unknown> & { key: string };
    expect(created.key).toMatch(KEY);
    const stored = {
      id: 1,
      name: 'ci',
      scope: 'write',
      prefix: created.key.slice(0, 12),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastUsedAt: null,
      revokedAt: null,
    };
    expect(created).toEqual({ ...stored, key: created.key });

    const listed = await runCli('--db', db, 'keys', 'list', '--format', 'json');
    expect(JSON.parse(listed.stdout)).toEqual([stored]);
    expect(listed.stdout).not.toContain(created.key);
    const csv = (await runCli('--db', db, 'keys', 'list', '--format', 'csv')).stdout;
    expect(csv).toBe(
      `${HEADER}\n1,ci,write,${stored.prefix},${created['createdAt'] as string},,\n`,
    );

    const revoked = await runCli('--db', db, 'keys', 'revoke', '1', '--format', 'json');
    expect(JSON.parse(revoked.stdout)).toEqual({
      ...stored,
      revokedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    for (const out of [run.stdout, listed.stdout, csv, revoked.stdout])
      expect(out).not.toMatch(/hash|[0-9a-f]{64}/i);
  });
});
