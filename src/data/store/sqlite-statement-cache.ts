/**
 * Prepared statements kept for reuse on SQLite. Kysely's SQLite driver prepares every query's
 * SQL again on each call, and `prepare` is a large share of a short read (an API request makes
 * a handful); the store's queries are few distinct texts, so {@link cachingDatabase} hands the
 * driver a database whose `prepare` returns the statement already prepared for the same SQL.
 * A statement still busy (an iteration in progress) is never handed out twice: a new one is
 * prepared for that call. The cache is bounded: past {@link MAX_STATEMENTS} texts it starts
 * afresh. SQLite re-prepares a cached statement by itself when the schema has changed.
 */

import type { Database, Statement } from 'better-sqlite3';

/** Distinct SQL texts kept (chunked inserts of different sizes are distinct texts). */
export const MAX_STATEMENTS = 500;

/** The subset of a better-sqlite3 database Kysely's SQLite dialect uses. */
export interface PreparingDatabase {
  prepare(sql: string): Statement;
  close(): void;
}

/** `raw` with its prepared statements reused by SQL text (module comment). */
export function cachingDatabase(raw: Database): PreparingDatabase {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached !== undefined && !cached.busy) return cached;
      const statement = raw.prepare(sql);
      if (cached === undefined) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      raw.close();
    },
  };
}
