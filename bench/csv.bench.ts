/**
 * Returns-panel CSV benchmark: a 500-asset × 1,000-day returns file (≈ 11 MB, values printed in
 * shortest round-trip form as pandas writes them) read by `readReturnsPanel` (streaming, straight
 * into Float64Array columns) against the path it replaces, `readFileSync` +
 * `parseReturnsFileCsv` + `alignCommon` — time in this process, peak memory each in a child
 * process of its own — and the peak memory of reading a 200 MB returns file (1,000 assets ×
 * 10,000 days).
 *
 * The files are SYNTHETIC BENCHMARK DATA from a seeded formula (no market data), written to a
 * temporary directory that is removed at the end.
 *
 * Run: `npx tsx bench/csv.bench.ts` (or `npm run bench -- csv`).
 */

import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReturnsPanel } from '../src/data/csv/returns-panel.ts';
import { parseReturnsFileCsv } from '../src/data/providers/csv-file.ts';
import { addDays } from '../src/domain/calendar/iso-date.ts';
import { alignCommon, type AlignedTable } from '../src/domain/series/align-common.ts';
import { mulberry32 } from './synthetic-bars.ts';

/** The old path: the whole text, a point object per cell, a Map per column, then alignment. */
function oldPath(path: string): AlignedTable {
  const file = parseReturnsFileCsv(readFileSync(path, 'utf8'), path);
  return alignCommon(file.columns.map((id) => ({ id, series: file.seriesByColumn.get(id)! })));
}

const newPath = (path: string): AlignedTable => readReturnsPanel({ path });

// A child process runs one reader once and reports its time and peak RSS.
if (process.argv[2] === '--child') {
  const [mode, path] = [process.argv[3], process.argv[4]!];
  const t0 = performance.now();
  const table = mode === 'new' ? newPath(path) : mode === 'old' ? oldPath(path) : undefined;
  const ms = performance.now() - t0;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, rssMb, rows: table?.dates.length ?? 0 }));
  process.exit(0);
}

function child(mode: 'new' | 'old' | 'none', path: string): { ms: number; rssMb: number } {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, path], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`child ${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number; rssMb: number };
}

/** Writes a returns file: `assets` columns of r = 0.04·(u − 0.5) over `days` dates. */
function writePanel(path: string, assets: number, days: number): number {
  const random = mulberry32(20260607);
  const fd = openSync(path, 'w');
  writeSync(fd, `date,${Array.from({ length: assets }, (_, j) => `A${j}`).join(',')}\n`);
  let date = '1990-01-01';
  let block: string[] = [];
  for (let t = 0; t < days; t++) {
    const row = [date];
    for (let j = 0; j < assets; j++) row.push(String((random() - 0.5) * 0.04));
    block.push(row.join(','));
    date = addDays(date, 1);
    if (block.length === 200 || t === days - 1) {
      writeSync(fd, `${block.join('\n')}\n`);
      block = [];
    }
  }
  closeSync(fd);
  return statSync(path).size;
}

/** The fastest of `runs` calls, in wall-clock and CPU milliseconds. */
function best(runs: number, fn: () => unknown): { wall: number; cpu: number } {
  let out = { wall: Infinity, cpu: Infinity };
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (wall < out.wall) out = { wall, cpu: (c.user + c.system) / 1000 };
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'ballast-csv-bench-'));
try {
  console.log(
    `Returns-panel CSV benchmark — synthetic data, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()[0]!.toFixed(1)}`,
  );
  const panel = join(dir, 'panel.csv');
  const bytes = writePanel(panel, 500, 1000);
  console.log(`\n500 assets × 1,000 days (${(bytes / 1e6).toFixed(1)} MB)`);
  const a = newPath(panel);
  const b = oldPath(panel);
  const same =
    JSON.stringify(a.ids) === JSON.stringify(b.ids) &&
    JSON.stringify(a.dates) === JSON.stringify(b.dates) &&
    a.columns.every((c, j) => c.every((v, t) => Object.is(v, b.columns[j]![t])));
  if (!same) throw new Error('readReturnsPanel and the old path disagree');
  const tNew = best(7, () => newPath(panel));
  const tOld = best(3, () => oldPath(panel));
  const row = (label: string, t: { wall: number; cpu: number }) =>
    console.log(
      `  ${label.padEnd(52)} ${t.wall.toFixed(0).padStart(6)} ms  (cpu ${t.cpu.toFixed(0).padStart(5)} ms)`,
    );
  row('readReturnsPanel (streamed, Float64Array columns)', tNew);
  row('readFileSync + parseReturnsFileCsv + alignCommon', tOld);
  console.log(
    `  speed-up ${(tOld.wall / tNew.wall).toFixed(1)} ×   (identical ids, dates and values)`,
  );

  const base = child('none', panel);
  const mNew = child('new', panel);
  const mOld = child('old', panel);
  console.log(`  peak RSS, child process each (Node + tsx alone: ${base.rssMb.toFixed(0)} MB)`);
  console.log(
    `    readReturnsPanel                                   ${mNew.rssMb.toFixed(0).padStart(6)} MB`,
  );
  console.log(
    `    old path                                           ${mOld.rssMb.toFixed(0).padStart(6)} MB`,
  );

  const big = join(dir, 'big.csv');
  const bigBytes = writePanel(big, 1000, 10_000);
  const mBig = child('new', big);
  console.log(
    `\n1,000 assets × 10,000 days (${(bigBytes / 1e6).toFixed(0)} MB): readReturnsPanel ${mBig.ms.toFixed(0)} ms, peak RSS ${mBig.rssMb.toFixed(0)} MB (target ≤ 300 MB; the old path is not run: it needs gigabytes)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
