/**
 * Coverage summaries (first/last date, rows, sources, latest fetch) of stored price bars and
 * series points, computed in one grouped query per table and folded per key in code.
 */

import { sql, type Kysely } from 'kysely';
import type { Coverage } from './market-store.ts';
import type { StoreDatabase } from './schema.ts';
import { byCodeUnit } from './sort.ts';

/** Which table to summarise and, optionally, the one key (symbol / series id) wanted. */
export interface CoverageQuery {
  readonly table: 'price_bars' | 'series_points';
  readonly key?: string;
}

interface SourceGroup {
  key: string;
  source: string;
  first: string;
  last: string;
  rows: number | string;
  fetched_at: string;
}

function latestGroup(a: SourceGroup, b: SourceGroup): SourceGroup {
  if (a.fetched_at !== b.fetched_at) return a.fetched_at > b.fetched_at ? a : b;
  return a.last >= b.last ? a : b;
}

function fold(groups: readonly SourceGroup[]): Coverage {
  const [head, ...tail] = groups as [SourceGroup, ...SourceGroup[]];
  let first = head.first;
  let last = head.last;
  let rows = 0;
  let latest = head;
  for (const g of groups) {
    if (g.first < first) first = g.first;
    if (g.last > last) last = g.last;
    rows += Number(g.rows);
  }
  for (const g of tail) latest = latestGroup(latest, g);
  const sources = [...new Set(groups.map((g) => g.source))].sort(byCodeUnit);
  return { first, last, rows, source: latest.source, sources, fetchedAt: latest.fetched_at };
}

/** Coverage per key of `query.table` (only `query.key` when given), keys in code-unit order. */
export async function coverageByKey(
  db: Kysely<StoreDatabase>,
  query: CoverageQuery,
): Promise<Map<string, Coverage>> {
  const keyColumn = sql.ref(query.table === 'price_bars' ? 'symbol' : 'series_id');
  const where = query.key === undefined ? sql`` : sql`where ${keyColumn} = ${query.key}`;
  const { rows } = await sql<SourceGroup>`select ${keyColumn} as "key", source,
      min("date") as "first", max("date") as "last", count(*) as "rows", max(fetched_at) as fetched_at
    from ${sql.table(query.table)} ${where}
    group by ${keyColumn}, source`.execute(db);
  const byKey = new Map<string, SourceGroup[]>();
  for (const row of rows) {
    const list = byKey.get(row.key);
    if (list === undefined) byKey.set(row.key, [row]);
    else list.push(row);
  }
  const keys = [...byKey.keys()].sort(byCodeUnit);
  return new Map(keys.map((k) => [k, fold(byKey.get(k) ?? [])]));
}
