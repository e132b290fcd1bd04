/** Contract cases for the HTTP API's keys on every engine. */

import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectInvalid, rejection, type CurrentStore, type ManualClock } from './fixtures.ts';

/** The SHA-256 hex of `text` (what callers store for a secret). */
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Cases for `store.apiKeys`. */
export function apiKeyCases(store: CurrentStore, clock: () => ManualClock): void {
  const keys = () => store().apiKeys;

  it('creates keys with the clock’s time, lists them by id and finds one by its hash', async () => {
    const read = await keys().create({
      name: ' ci ',
      scope: 'read',
      hash: sha256('one'),
      prefix: 'blst_abc',
    });
    expect(read).toEqual({
      id: read.id,
      name: 'ci',
      scope: 'read',
      prefix: 'blst_abc',
      createdAt: '2026-01-05T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    });
    clock().set('2026-01-06T12:00:00.000Z');
    const write = await keys().create({
      name: 'ci',
      scope: 'write',
      hash: sha256('two'),
      prefix: 'blst_def',
    });
    expect(write.id).toBeGreaterThan(read.id);
    expect(await keys().list()).toEqual([read, write]);
    expect(await keys().findByHash(sha256('two'))).toEqual(write);
    expect(await keys().findByHash(sha256('three'))).toBeUndefined();
    // Nothing returned carries the hash.
    expect(JSON.stringify(await keys().list())).not.toContain(sha256('one'));
  });

  it('revokes a key once (its first time is kept) and touches its last use', async () => {
    const key = await keys().create({ name: 'k', scope: 'write', hash: sha256('k'), prefix: 'p' });
    clock().set('2026-02-01T08:00:00.000Z');
    await keys().touch(key.id);
    expect((await keys().findByHash(sha256('k')))?.lastUsedAt).toBe('2026-02-01T08:00:00.000Z');
    clock().set('2026-02-02T08:00:00.000Z');
    const revoked = await keys().revoke(key.id);
    expect(revoked).toMatchObject({ id: key.id, revokedAt: '2026-02-02T08:00:00.000Z' });
    clock().set('2026-02-03T08:00:00.000Z');
    expect((await keys().revoke(key.id)).revokedAt).toBe('2026-02-02T08:00:00.000Z');
    expect(await keys().findByHash(sha256('k'))).toEqual({
      ...key,
      lastUsedAt: '2026-02-01T08:00:00.000Z',
      revokedAt: '2026-02-02T08:00:00.000Z',
    });
  });

  it('names an unknown id with NOT_FOUND and refuses bad fields and a stored hash', async () => {
    // Each call made only when awaited: a second rejecting promise made early would reject
    // unhandled while the first is awaited.
    for (const missing of [() => keys().revoke(42), () => keys().touch(42)]) {
      const error = await rejection(missing());
      expect([error.code, error.details]).toEqual(['NOT_FOUND', { field: 'id', value: 42 }]);
    }
    await expectInvalid(keys().revoke(0), 'id');
    const ok = { name: 'n', scope: 'read', hash: sha256('x'), prefix: 'p' } as const;
    await expectInvalid(keys().create({ ...ok, name: ' ' }), 'name');
    await expectInvalid(keys().create({ ...ok, scope: 'admin' as 'read' }), 'scope');
    await expectInvalid(keys().create({ ...ok, hash: 'x' }), 'hash');
    await expectInvalid(keys().create({ ...ok, hash: sha256('x').toUpperCase() }), 'hash');
    await expectInvalid(keys().create({ ...ok, prefix: 'a b' }), 'prefix');
    await expectInvalid(keys().findByHash('secret'), 'hash');
    await keys().create(ok);
    const dup = await rejection(keys().create({ ...ok, name: 'other' }));
    expect([dup.code, dup.details.field]).toEqual(['CONFLICT', 'hash']);
    expect(await keys().list()).toHaveLength(1);
  });

  it('rolls key writes back with the transaction they were made in', async () => {
    const kept = await keys().create({
      name: 'kept',
      scope: 'read',
      hash: sha256('a'),
      prefix: 'a',
    });
    const crash = new Error('crash');
    const failed = store().transaction(async (t) => {
      await t.apiKeys.create({ name: 'new', scope: 'write', hash: sha256('b'), prefix: 'b' });
      await t.apiKeys.revoke(kept.id);
      expect(await t.apiKeys.list()).toHaveLength(2);
      throw crash;
    });
    await expect(failed).rejects.toBe(crash);
    expect(await keys().list()).toEqual([kept]);
  });
}
