/** Parsing of the `--db` / `$BALLAST_DB` store locator into an engine and its address. */

import { invalidInput } from '../../domain/errors.ts';

/** Which engine a locator selects and where its data lives. */
export type StoreTarget =
  | { readonly engine: 'sqlite'; readonly path: string }
  | { readonly engine: 'postgres'; readonly url: string }
  | { readonly engine: 'pglite'; readonly dataDir?: string };

/**
 * Reads a store locator:
 * - `:memory:` or `sqlite::memory:` → in-memory SQLite;
 * - a file path, or `sqlite:PATH` → a SQLite file;
 * - `postgres://…`, `postgresql://…` → PostgreSQL (pg);
 * - `pglite://memory` → in-memory PGlite; `pglite:DIR` (or `pglite://DIR`) → PGlite in DIR.
 * Any other `scheme://` is INVALID_INPUT; so is an empty locator.
 */
export function parseStoreUrl(locator: string): StoreTarget {
  const text = locator.trim();
  if (text === '') throw invalidInput('db', locator, 'must be a path or a store URL');
  if (/^postgres(ql)?:\/\//i.test(text)) return { engine: 'postgres', url: text };
  if (/^pglite:/i.test(text)) {
    const rest = text.slice('pglite:'.length).replace(/^\/\//, '');
    if (rest === '') throw invalidInput('db', locator, 'pglite needs a directory or //memory');
    return rest === 'memory' ? { engine: 'pglite' } : { engine: 'pglite', dataDir: rest };
  }
  const path = /^sqlite:/i.test(text) ? text.slice('sqlite:'.length) : text;
  if (path === '') throw invalidInput('db', locator, 'sqlite needs a file path or :memory:');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    throw invalidInput('db', locator, 'unknown store scheme (postgres://, pglite:, sqlite:)');
  }
  return { engine: 'sqlite', path };
}

/** `url` with any password replaced by `***` (for messages and logs). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}
