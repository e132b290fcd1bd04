/**
 * PGlite behind the pg-Pool shape Kysely's `PostgresDialect` expects (kysely-pglite-dialect
 * does not install with PGlite 0.5). PGlite is one connection, so `connect()` hands out one
 * client at a time: a second caller waits until the first `release()`s, which keeps a
 * transaction's statements together.
 */

import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** The part of a PGlite instance the adapter uses. */
export interface PgliteLike {
  query<T>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; command?: string; rowCount?: number; affectedRows?: number }>;
  close(): Promise<void>;
}

/** Whether ending the pool closes the PGlite instance (false when it is shared). */
export interface PglitePoolOptions {
  readonly closeOnEnd: boolean;
}

/** A pg-Pool-shaped view of `pglite` for `new PostgresDialect({ pool })`. */
export function pglitePool(pglite: PgliteLike, options: PglitePoolOptions): PostgresPool {
  let idle: Promise<void> = Promise.resolve();
  const connect = async (): Promise<PostgresPoolClient> => {
    const previous = idle;
    let release = (): void => undefined;
    idle = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const query = async (sql: string, params: readonly unknown[]) => {
      const result = await pglite.query<Record<string, unknown>>(sql, [...params]);
      const command = result.command ?? sql.trimStart().split(/\s/, 1)[0] ?? '';
      return {
        command: command.toUpperCase(),
        rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
        rows: result.rows,
      } as PostgresQueryResult<unknown>;
    };
    // Kysely's cursor overload is only used for streaming, which the store never asks for.
    return { query, release: () => release() } as unknown as PostgresPoolClient;
  };
  return {
    connect,
    end: async () => {
      if (options.closeOnEnd) await pglite.close();
    },
  };
}
