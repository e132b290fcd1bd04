// Child of bench/ledger.bench.ts: reads a transactions file and replays it with the compiled
// library (dist/, what the `ballast` CLI runs), in a fresh process so the heap holds only the
// ledger. Prints one JSON line of wall and CPU milliseconds per phase and the peak RSS.
// Usage: node bench/ledger-big.mjs FILE METHOD
import { readFileSync } from 'node:fs';
import { parseTransactionsCsv } from '../dist/data/ledger/transactions-csv.js';
import { buildLedger } from '../dist/domain/ledger/ledger.js';

const [file, lotMethod] = process.argv.slice(2);
const timed = (fn) => {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const cpu = process.cpuUsage(cpu0);
  return { value, wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 };
};
const read = timed(() => readFileSync(file, 'utf8'));
const parse = timed(() => parseTransactionsCsv(read.value, file));
const replay = timed(() => buildLedger(parse.value, { lotMethod }));
const phase = (t) => ({ wall: t.wall, cpu: t.cpu });
console.log(
  JSON.stringify({
    read: phase(read),
    parse: phase(parse),
    replay: phase(replay),
    openLots: replay.value.lots.length,
    peakMb: process.resourceUsage().maxRSS / 1024,
  }),
);
