import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { ERROR_CODES } from '../domain/errors.ts';
import { authenticate } from './authenticate.ts';
import { keyCreate } from './key-create.ts';
import { keyList } from './key-list.ts';
import { keyRevoke } from './key-revoke.ts';

let d: ReturnType<typeof testDeps>;
beforeEach(() => {
  d = testDeps();
});
afterEach(async () => {
  await d.close();
});

/** Every row of `api_keys` as stored in the SQLite file, read without Ballast's store. */
function storedRows(): Record<string, unknown>[] {
  const db = new Database(d.db, { readonly: true });
  try {
    return db.prepare('select * from api_keys order by id').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('keys create / list / revoke use cases', () => {
  it('returns the secret once and stores only its SHA-256 and prefix', async () => {
    const created = await keyCreate({ scope: 'write', name: 'ci' }, d);
    expect(created.key).toMatch(/^blst_[A-Za-z0-9_-]{43}$/);
    // 32 random bytes behind the mark.
    expect(Buffer.from(created.key.slice(5), 'base64url')).toHaveLength(32);
    expect(created).toEqual({
      id: 1,
      name: 'ci',
      scope: 'write',
      prefix: created.key.slice(0, 12),
      createdAt: '2024-06-20T20:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      key: created.key,
    });
    const [row] = storedRows();
    expect(row).toEqual({
      id: 1,
      name: 'ci',
      scope: 'write',
      key_hash: sha256(created.key),
      prefix: created.key.slice(0, 12),
      created_at: '2024-06-20T20:00:00.000Z',
      last_used_at: null,
      revoked_at: null,
    });
    expect(JSON.stringify(storedRows())).not.toContain(created.key.slice(12));
    const other = await keyCreate({ scope: 'read' }, d);
    expect(other.key).not.toBe(created.key);
    expect(other.name).toBe(other.key.slice(0, 12));
  });

  it('lists keys without secrets or hashes', async () => {
    const a = await keyCreate({ scope: 'read', name: 'a' }, d);
    const b = await keyCreate({ scope: 'write', name: 'b' }, d);
    const listed = await keyList({}, d);
    expect(listed.map((k) => [k.id, k.name, k.scope, k.prefix])).toEqual([
      [a.id, 'a', 'read', a.key.slice(0, 12)],
      [b.id, 'b', 'write', b.key.slice(0, 12)],
    ]);
    const text = JSON.stringify(listed);
    for (const secret of [a.key, b.key]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(sha256(secret));
    }
    for (const key of listed)
      expect(Object.keys(key).sort()).toEqual([
        'createdAt',
        'id',
        'lastUsedAt',
        'name',
        'prefix',
        'revokedAt',
        'scope',
      ]);
  });

  it('revokes a key by id (digits accepted), NOT_FOUND for an unknown one', async () => {
    const a = await keyCreate({ scope: 'read' }, d);
    expect(await keyRevoke({ id: String(a.id) }, d)).toMatchObject({
      id: a.id,
      revokedAt: '2024-06-20T20:00:00.000Z',
    });
    const missing = await rejection(keyRevoke({ id: 99 }, d));
    expect([missing.code, missing.details.field]).toEqual(['NOT_FOUND', 'id']);
    const bad = await rejection(keyRevoke({ id: 'x' }, d));
    expect([bad.code, bad.details.field]).toEqual(['INVALID_INPUT', 'id']);
    const scope = await rejection(keyCreate({ scope: 'admin' as 'read' }, d));
    expect([scope.code, scope.details.field]).toEqual(['INVALID_INPUT', 'scope']);
  });
});

describe('authenticate use case', () => {
  it('accepts a live key for its scope and records its last use', async () => {
    const write = await keyCreate({ scope: 'write' }, d);
    const read = await keyCreate({ scope: 'read' }, d);
    const auth = (authorization: string | undefined, scope: 'read' | 'write') =>
      authenticate({ authorization, scope }, d);
    expect((await auth(`Bearer ${write.key}`, 'write')).id).toBe(write.id);
    expect((await auth(`bearer ${read.key}`, 'read')).id).toBe(read.id);
    expect((await keyList({}, d)).map((k) => k.lastUsedAt)).toEqual([
      '2024-06-20T20:00:00.000Z',
      '2024-06-20T20:00:00.000Z',
    ]);
    const forbidden = await rejection(auth(`Bearer ${read.key}`, 'write'));
    expect([forbidden.code, ERROR_CODES.FORBIDDEN.httpStatus]).toEqual(['FORBIDDEN', 403]);
    for (const header of [
      undefined,
      '',
      write.key,
      'Basic dXNlcjpwYXNz',
      `Bearer ${write.key.slice(0, -1)}x`,
      'Bearer blst_short',
    ]) {
      const error = await rejection(auth(header, 'read'));
      expect([error.code, error.details.field], String(header)).toEqual([
        'UNAUTHORIZED',
        'authorization',
      ]);
    }
    await keyRevoke({ id: write.id }, d);
    const revoked = await rejection(auth(`Bearer ${write.key}`, 'read'));
    expect([revoked.code, revoked.message]).toEqual([
      'UNAUTHORIZED',
      `authorization: the key ${write.prefix}… was revoked`,
    ]);
    expect(ERROR_CODES.UNAUTHORIZED.httpStatus).toBe(401);
  });
});
