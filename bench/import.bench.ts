/**
 * Import benchmark: `dataImport` of a 2,000,000-row prices file (one symbol, daily closes with
 * open/high/low/adj_close/volume, ≈ 130 MB) and of a 200 MB returns file (1,000 assets × 10,000
 * days) into a fresh SQLite store, each through the compiled CLI (`ballast data import`, built by
 * `npm run build`) in a process of its own under /usr/bin/time: wall time including start-up,
 * and peak RSS. The bound to meet is 300 MB of peak RSS for any
 * file size (the file streams through in chunks and is written 5,000 rows at a time inside one
 * transaction).
 *
 * The files are SYNTHETIC BENCHMARK DATA from a seeded formula (no market data), written to a
 * temporary directory that is removed at the end.
 *
 * Run: `npx tsx bench/import.bench.ts` (or `npm run bench -- import`).
 */

import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '../src/domain/calendar/iso-date.ts';
import { timeCommands } from './process-timing.ts';
import { mulberry32 } from './synthetic-bars.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin/ballast.mjs');
if (!existsSync(join(root, 'dist/cli/bin.js'))) throw new Error('run `npm run build` first');

const PRICE_ROWS = 2_000_000;
const RETURN_ASSETS = 1000;
const RETURN_DAYS = 10_000;
const BOUND_MB = 300;

/** Runs `ballast data import` (the compiled CLI) under /usr/bin/time: seconds and peak RSS. */
function child(kind: 'prices' | 'returns', path: string, db: string) {
  const args = [
    BIN,
    'data',
    'import',
    '--csv',
    path,
    '--kind',
    kind,
    ...(kind === 'prices' ? ['--symbol', 'BENCH'] : []),
    '--db',
    db,
    '--format',
    'json',
  ];
  const [timing] = timeCommands([{ name: kind, argv: [process.execPath, ...args] }], 1);
  const doc = JSON.parse(timing!.stdout) as { rows: number }[];
  return {
    seconds: timing!.wallSeconds,
    rssMb: timing!.peakMb,
    rows: doc.reduce((s, r) => s + r.rows, 0),
  };
}

/** Writes lines produced by `line(i)` for i < count in blocks. */
function writeLines(
  path: string,
  file: { header: string; count: number },
  line: (i: number) => string,
) {
  const { header, count } = file;
  const fd = openSync(path, 'w');
  writeSync(fd, `${header}\n`);
  let block: string[] = [];
  for (let i = 0; i < count; i++) {
    block.push(line(i));
    if (block.length === 10_000) {
      writeSync(fd, `${block.join('\n')}\n`);
      block = [];
    }
  }
  if (block.length > 0) writeSync(fd, `${block.join('\n')}\n`);
  closeSync(fd);
}

/** 2 M consecutive calendar days from 1000-01-01 of a random walk (no ×100 jumps). */
function writePrices(path: string): void {
  const random = mulberry32(20261207);
  let date = '1000-01-01';
  let close = 100;
  writeLines(
    path,
    { header: 'date,open,high,low,close,adj_close,volume', count: PRICE_ROWS },
    (i) => {
      if (i > 0) date = addDays(date, 1);
      close = Math.max(1, close * (1 + 0.02 * (random() - 0.5)));
      const c = close.toFixed(4);
      const hi = (close * 1.01).toFixed(4);
      const lo = (close * 0.99).toFixed(4);
      return `${date},${c},${hi},${lo},${c},${c},${Math.floor(random() * 1e6)}`;
    },
  );
}

/** 1,000 columns × 10,000 days of r = 0.04·(u − 0.5), shortest round-trip decimals. */
function writeReturns(path: string): void {
  const random = mulberry32(20260607);
  let date = '1990-01-01';
  const header = `date,${Array.from({ length: RETURN_ASSETS }, (_, j) => `A${j}`).join(',')}`;
  writeLines(path, { header, count: RETURN_DAYS }, (t) => {
    if (t > 0) date = addDays(date, 1);
    const cells = [date];
    for (let j = 0; j < RETURN_ASSETS; j++) cells.push(String(0.04 * (random() - 0.5)));
    return cells.join(',');
  });
}

const dir = mkdtempSync(join(tmpdir(), 'ballast-import-bench-'));
try {
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg()[0]!.toFixed(2)}`,
  );
  const prices = join(dir, 'prices.csv');
  writePrices(prices);
  const p = child('prices', prices, join(dir, 'prices.sqlite'));
  const pMb = statSync(prices).size / 1e6;
  console.log(
    `prices import, ${p.rows.toLocaleString('en')} rows (${pMb.toFixed(0)} MB): ${p.seconds.toFixed(1)} s, peak RSS ${p.rssMb.toFixed(0)} MB (bound ${BOUND_MB} MB: ${p.rssMb <= BOUND_MB ? 'met' : 'NOT MET'})`,
  );
  rmSync(prices);
  const returns = join(dir, 'returns.csv');
  writeReturns(returns);
  const r = child('returns', returns, join(dir, 'returns.sqlite'));
  const rMb = statSync(returns).size / 1e6;
  console.log(
    `returns import, ${RETURN_ASSETS} × ${RETURN_DAYS.toLocaleString('en')} (${rMb.toFixed(0)} MB, ${r.rows.toLocaleString('en')} points): ${r.seconds.toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB (bound ${BOUND_MB} MB: ${r.rssMb <= BOUND_MB ? 'met' : 'NOT MET'})`,
  );
  if (p.rssMb > BOUND_MB || r.rssMb > BOUND_MB) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
