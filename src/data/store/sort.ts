/** Engine-independent ordering of keys (database collations differ between engines). */

/** Code-unit comparison of two strings (the order SQLite's BINARY collation uses). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `items` sorted by `key` in code-unit order (a new array). */
export function fromCodeUnitOrder<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => byCodeUnit(key(a), key(b)));
}
