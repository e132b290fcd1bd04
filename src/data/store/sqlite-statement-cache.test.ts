import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingDatabase, MAX_STATEMENTS } from './sqlite-statement-cache.ts';

describe('cachingDatabase', () => {
  it('reuses a statement by SQL text, never one that is still iterating', () => {
    const raw = new Database(':memory:');
    raw.exec('create table t (x integer); insert into t values (1), (2), (3)');
    const db = cachingDatabase(raw);
    const a = db.prepare('select x from t order by x');
    expect(db.prepare('select x from t order by x')).toBe(a);
    const rows = a.iterate();
    expect(rows.next().value).toEqual({ x: 1 });
    // `a` is busy: the same text now gets a statement of its own, and both give every row.
    const b = db.prepare('select x from t order by x');
    expect(b).not.toBe(a);
    expect(b.all()).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect([...rows]).toEqual([{ x: 2 }, { x: 3 }]);
    expect(db.prepare('select x from t order by x')).toBe(a);
    db.close();
    expect(raw.open).toBe(false);
  });

  it('keeps at most MAX_STATEMENTS texts, then starts afresh', () => {
    const db = cachingDatabase(new Database(':memory:'));
    const first = db.prepare('select 0');
    for (let i = 1; i < MAX_STATEMENTS; i++) db.prepare(`select ${i}`);
    expect(db.prepare('select 0')).toBe(first);
    db.prepare(`select ${MAX_STATEMENTS}`); // the cache was full: cleared, then this one kept
    expect(db.prepare('select 0')).not.toBe(first);
    db.close();
  });
});
