/** Where the store lives: the locator order and the embedded default. */

import { isAbsolute, join } from 'node:path';

/** Environment variables consulted (others are ignored). */
export type StoreEnv = Readonly<Record<string, string | undefined>>;

/**
 * The default store location: `$BALLAST_DB` (a path or a store URL) when set, else
 * `$XDG_DATA_HOME/ballast/ballast.sqlite` when `XDG_DATA_HOME` is an absolute path (the XDG
 * spec ignores relative ones), else `<homedir>/.local/share/ballast/ballast.sqlite`. Empty
 * variables count as unset. `DATABASE_URL` is deliberately not consulted here.
 */
export function defaultStorePath(env: StoreEnv, homedir: string): string {
  const explicit = env.BALLAST_DB?.trim();
  if (explicit) return explicit;
  const xdg = env.XDG_DATA_HOME?.trim();
  const dataHome = xdg && isAbsolute(xdg) ? xdg : join(homedir, '.local', 'share');
  return join(dataHome, 'ballast', 'ballast.sqlite');
}

/**
 * The store locator of a run, most specific first: the explicit `db` (`--db`), then
 * `$BALLAST_DB` (Ballast's own variable), then `$DATABASE_URL` (a generic variable another
 * program may have set), then the embedded SQLite file of {@link defaultStorePath}.
 */
export function resolveStoreLocator(options: {
  readonly db?: string | undefined;
  readonly env: StoreEnv;
  readonly homedir: string;
}): string {
  const db = options.db?.trim();
  if (db) return db;
  const ballast = options.env.BALLAST_DB?.trim();
  if (ballast) return ballast;
  const generic = options.env.DATABASE_URL?.trim();
  if (generic) return generic;
  return defaultStorePath(options.env, options.homedir);
}
