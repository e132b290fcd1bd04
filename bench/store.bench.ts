/**
 * Store benchmark: writes 10 years × 500 symbols of daily bars (2,520 trading days
 * each, 1.26 M rows), then reads one symbol's full history and the full 500-symbol ×
 * 10-year cross-section, on SQLite (a temporary file) and on PostgreSQL when `DATABASE_URL`
 * is set — side by side in one table.
 *
 * The bars are SYNTHETIC BENCHMARK DATA from a seeded formula (no market data): they live only
 * in the temporary database / schema, which is removed at the end.
 *
 * Run: `npx tsx bench/store.bench.ts`
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PriceBar } from '../src/domain/market/types.ts';
import type { MarketStore } from '../src/data/store/market-store.ts';
import { openStore } from '../src/data/store/open-store.ts';
import { syntheticBars, tradingDays } from './synthetic-bars.ts';

const SYMBOLS = 500;
const DAYS = 2520;
const PROVENANCE = { source: 'synthetic-benchmark', fetchedAt: '2026-01-01T00:00:00.000Z' };

interface Timing {
  readonly label: string;
  readonly rows: number;
  readonly ms: number;
}

const symbols = Array.from({ length: SYMBOLS }, (_, i) => `SYN${String(i).padStart(3, '0')}`);
const days = tradingDays('2015-01-02', DAYS);

async function time(label: string, fn: () => Promise<number>): Promise<Timing> {
  const start = performance.now();
  const rows = await fn();
  return { label, rows, ms: performance.now() - start };
}

/** Median of `runs` timings of `fn` (the first run warms caches and is discarded). */
async function median(label: string, fn: () => Promise<number>, runs = 5): Promise<Timing> {
  await fn();
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) timings.push(await time(label, fn));
  timings.sort((a, b) => a.ms - b.ms);
  return timings[Math.floor(runs / 2)] as Timing;
}

async function writeAll(store: MarketStore): Promise<number> {
  let written = 0;
  for (const [i, symbol] of symbols.entries()) {
    const bars: PriceBar[] = syntheticBars({ seed: i + 1, days });
    written += await store.upsertPriceBars(symbol, bars, PROVENANCE);
  }
  return written;
}

async function rewriteAll(store: MarketStore): Promise<number> {
  let changed = 0;
  for (const [i, symbol] of symbols.entries()) {
    changed += await store.upsertPriceBars(
      symbol,
      syntheticBars({ seed: i + 1, days }),
      PROVENANCE,
    );
  }
  if (changed !== 0) throw new Error(`re-upsert changed ${changed} rows; expected none`);
  return SYMBOLS * DAYS;
}

async function readMatrix(store: MarketStore): Promise<number> {
  const matrix = await store.getPriceBarsMany(symbols);
  let rows = 0;
  for (const bars of matrix.values()) rows += bars.length;
  if (rows !== SYMBOLS * DAYS) throw new Error(`matrix has ${rows} rows`);
  return rows;
}

async function readColumns(store: MarketStore): Promise<number> {
  const matrix = await store.getPriceColumns(symbols);
  let rows = 0;
  for (const columns of matrix.values()) rows += columns.close.length;
  if (rows !== SYMBOLS * DAYS) throw new Error(`column matrix has ${rows} rows`);
  return rows;
}

async function runSuite(store: MarketStore): Promise<Timing[]> {
  const results = [
    await time('write 500 × 2,520 bars (one upsert per symbol)', () => writeAll(store)),
  ];
  results.push(await time('re-upsert identical data (no-op)', () => rewriteAll(store)));
  results.push(
    await median(
      'read one symbol, full history',
      async () => (await store.getPriceBars('SYN250')).length,
      21,
    ),
  );
  results.push(
    await time('first columns read after the writes (fills the column cache)', () =>
      readColumns(store),
    ),
  );
  results.push(
    await median('read 500 × 10-year matrix as columns (getPriceColumns)', () =>
      readColumns(store),
    ),
  );
  results.push(
    await median('read 500 × 10-year matrix as bars (getPriceBarsMany)', () => readMatrix(store)),
  );
  results.push(
    await median('listCoverage (500 symbols)', async () => (await store.listCoverage()).length, 3),
  );
  return results;
}

async function sqliteSuite(): Promise<Timing[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-bench-'));
  try {
    const store = await openStore({ url: join(dir, 'bench.sqlite') });
    try {
      return await runSuite(store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresSuite(url: string): Promise<Timing[]> {
  const schema = `ballast_bench_${process.pid}`;
  const store = await openStore({ url, schema });
  try {
    return await runSuite(store);
  } finally {
    await store.close();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}

function cell(t: Timing | undefined): [string, string] {
  if (t === undefined) return ['skipped', ''];
  const rate = (t.rows / t.ms) * 1000;
  return [`${t.ms.toFixed(1)} ms`, `${Math.round(rate).toLocaleString('en-US')} rows/s`];
}

function printTable(sqlite: Timing[], postgres: Timing[] | undefined): void {
  const header = ['operation', 'rows', 'SQLite', '', 'PostgreSQL', ''];
  const lines = sqlite.map((s, i) => [
    s.label,
    s.rows.toLocaleString('en-US'),
    ...cell(s),
    ...cell(postgres?.[i]),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => (l[c] ?? '').length)));
  const row = (cells: readonly string[]) =>
    cells
      .map((x, c) => (c === 0 ? x.padEnd(widths[c] ?? 0) : x.padStart(widths[c] ?? 0)))
      .join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}

const url = process.env.DATABASE_URL;
console.log(
  `Store benchmark — synthetic data: ${SYMBOLS} symbols × ${DAYS} days (${(SYMBOLS * DAYS).toLocaleString('en-US')} rows), Node ${process.version}`,
);
const sqlite = await sqliteSuite();
const postgres = url ? await postgresSuite(url) : undefined;
printTable(sqlite, postgres);
if (!url) console.log('PostgreSQL: skipped (DATABASE_URL is not set)');
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(`${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load}`);
