/**
 * Ledger benchmark: parse and replay synthetic transactions files — 100 000 rows (every
 * transaction type, 4 accounts + a specific-lot account, 300 symbols, shorts) for every lot
 * method, and 2 000 000 rows with about a million lots left open — and the replay against the
 * straightforward reference implementation (test/helpers/reference-ledger.ts, quadratic in open
 * lots) on 25 000 rows, where it still finishes. The big ledger is written to a temporary file and
 * replayed by the compiled library (dist/) in a fresh process, then read by `ballast positions`
 * as a whole command (needs `npm run build`).
 *
 * The ledgers are SYNTHETIC BENCHMARK DATA from a seeded generator
 * (test/helpers/synthetic-ledger.ts), built in memory (the big one written to a temporary directory
 * and removed at the end); never committed.
 *
 * Times are wall-clock and, beside them, the process's own CPU time: on a machine shared with
 * other work the CPU figure is the steadier one.
 *
 * Run: `npx tsx bench/ledger.bench.ts` (or `npm run bench -- ledger`). `LEDGER_BENCH_BIG=500000`
 * shrinks the big ledger.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTransactionsCsv } from '../src/data/ledger/transactions-csv.ts';
import { buildLedger } from '../src/domain/ledger/ledger.ts';
import type { LotMethod, Transaction } from '../src/domain/ledger/types.ts';
import { referenceBuildLedger } from '../test/helpers/reference-ledger.ts';
import { syntheticLedgerCsv } from '../test/helpers/synthetic-ledger.ts';
import { best, measure, type CallTiming } from './call-timing.ts';
import { timeCommands } from './process-timing.ts';

const ms = (t: CallTiming): string =>
  `${t.wall.toFixed(0).padStart(7)} ms  (cpu ${t.cpu.toFixed(0).padStart(6)} ms)`;
const perSecond = (rows: number, t: CallTiming): string =>
  `${((rows / t.wall) * 1000).toLocaleString('en-US', { maximumFractionDigits: 0 }).padStart(11)} rows/s`;

console.log(
  `Ledger benchmark — synthetic ledgers, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()[0]!.toFixed(1)}`,
);

// 100 000 rows, every method.
const ROWS = 100_000;
const gen = measure(() => syntheticLedgerCsv({ rows: ROWS, seed: 1 }));
console.log(
  `\n${ROWS.toLocaleString('en-US')} rows (${(gen.value.length / 1e6).toFixed(1)} MB), generated in ${gen.wall.toFixed(0)} ms`,
);
const parse = best(4, () => parseTransactionsCsv(gen.value, 'bench.csv'));
console.log(`  parse transactions CSV          ${ms(parse)}  ${perSecond(ROWS, parse)}`);
const txs: Transaction[] = parse.value;
const methods: LotMethod[] = ['fifo', 'lifo', 'hifo', 'average', 'specific'];
for (const lotMethod of methods) {
  const replay = best(4, () => buildLedger(txs, { lotMethod }));
  const total = { wall: parse.wall + replay.wall, cpu: parse.cpu + replay.cpu };
  console.log(
    `  replay ${lotMethod.padEnd(9)} ${String(replay.value.lots.length).padStart(6)} open lots ${ms(replay)}  ${perSecond(ROWS, replay)}   parse + replay ${total.wall.toFixed(0)} ms (target < 500)`,
  );
}

// The reference replay where it still finishes.
const SMALL = 25_000;
const small = parseTransactionsCsv(syntheticLedgerCsv({ rows: SMALL, seed: 1 }), 'small.csv');
console.log(
  `\n${SMALL.toLocaleString('en-US')} rows: indexed replay vs the reference replay (FIFO)`,
);
const fast = best(4, () => buildLedger(small, { lotMethod: 'fifo' }));
const reference = measure(() => referenceBuildLedger(small, { lotMethod: 'fifo' }));
console.log(`  indexed (src/domain/ledger)     ${ms(fast)}`);
console.log(`  reference (test/helpers)        ${ms(reference)}`);
console.log(
  `  speed-up                        ${(reference.wall / fast.wall).toFixed(0).padStart(7)} ×`,
);
if (JSON.stringify(fast.value.realized) !== JSON.stringify(reference.value.realized)) {
  throw new Error('the indexed and reference replays disagree');
}

// The big one, written to a temporary file and replayed by the compiled library in a fresh
// process (bench/ledger-big.mjs), as `ballast positions` runs it; then the whole command.
const BIG = Number(process.env['LEDGER_BENCH_BIG'] ?? 2_000_000);
const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'dist', 'data', 'ledger', 'transactions-csv.js'))) {
  throw new Error('run `npm run build` first (the big ledger runs the compiled library)');
}
const bigFile = join(mkdtempSync(join(tmpdir(), 'ballast-ledger-bench-')), 'big.csv');
const bigGen = measure(() => syntheticLedgerCsv({ rows: BIG, seed: 11, buyShare: 0.85 }));
writeFileSync(bigFile, bigGen.value);
console.log(
  `\n${BIG.toLocaleString('en-US')} rows (${(bigGen.value.length / 1e6).toFixed(0)} MB, 85 % of trades buys), generated in ${bigGen.wall.toFixed(0)} ms; compiled library, fresh process`,
);
interface BigRun {
  readonly read: CallTiming;
  readonly parse: CallTiming;
  readonly replay: CallTiming;
  readonly openLots: number;
  readonly peakMb: number;
}
for (const lotMethod of ['fifo', 'hifo'] as const) {
  const child = spawnSync(
    process.execPath,
    [join(root, 'bench', 'ledger-big.mjs'), bigFile, lotMethod],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`ledger-big.mjs failed: ${child.stderr.slice(-500)}`);
  const run = JSON.parse(child.stdout) as BigRun;
  const total = {
    wall: run.read.wall + run.parse.wall + run.replay.wall,
    cpu: run.read.cpu + run.parse.cpu + run.replay.cpu,
  };
  console.log(`  ${lotMethod}: read file                 ${ms(run.read)}`);
  console.log(
    `  ${lotMethod}: parse transactions CSV    ${ms(run.parse)}  ${perSecond(BIG, run.parse)}`,
  );
  console.log(
    `  ${lotMethod}: replay, ${String(run.openLots).padStart(8)} open lots ${ms(run.replay)}  ${perSecond(BIG, run.replay)}`,
  );
  console.log(
    `  ${lotMethod}: read + parse + replay     ${ms(total)}  (target < 10 s), peak RSS ${run.peakMb.toFixed(0)} MB`,
  );
}
// The whole command, its output (one CSV row per open lot) thrown away by the shell.
const positionsArgv = [process.execPath, join(root, 'bin', 'ballast.mjs'), 'positions'];
const [positions] = timeCommands(
  [
    {
      name: 'positions',
      argv: [
        'sh',
        '-c',
        `exec "$@" >/dev/null`,
        'sh',
        ...positionsArgv,
        '--transactions',
        bigFile,
        '--format',
        'csv',
      ],
    },
  ],
  1,
);
console.log(
  `  ballast positions --format csv (whole process, 1 row per open lot) ${(positions!.wallSeconds * 1000).toFixed(0)} ms, peak RSS ${positions!.peakMb.toFixed(0)} MB`,
);
rmSync(dirname(bigFile), { recursive: true, force: true });
