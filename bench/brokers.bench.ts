/**
 * Broker export conversion benchmark: a Schwab transaction export of 100,000 lines (newest
 * first, `$1,234.50` amounts, a title line and a total line) converted by `convertBrokerCsv`
 * — read, mapped, ordered, written and read back — against reading the resulting ledger CSV
 * alone with `parseTransactionsCsv` (the baseline: what `positions` does with a ledger file).
 *
 * The export is SYNTHETIC BENCHMARK DATA from a seeded formula (no account data).
 *
 * Run: `npx tsx bench/brokers.bench.ts` (or `npm run bench -- brokers`).
 */

import { convertBrokerCsv } from '../src/data/brokers/convert.ts';
import { parseTransactionsCsv } from '../src/data/ledger/transactions-csv.ts';
import { mulberry32 } from './synthetic-bars.ts';

const ROWS = 100_000;
const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];

const money = (cents: number): string => {
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  return `${cents < 0 ? '-' : ''}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
};

/** A Schwab export of `ROWS` lines: a deposit, then buys, sells and dividends, newest first. */
function schwabExport(): string {
  const random = mulberry32(7);
  const lines: string[] = [];
  const start = Date.UTC(2000, 0, 3);
  for (let i = 0; i < ROWS; i++) {
    const d = new Date(start + Math.floor(i / 10) * 86_400_000);
    const date = `"${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}"`;
    const symbol = SYMBOLS[i % SYMBOLS.length]!;
    const kind = i === 0 ? 0 : 1 + (i % 3);
    const priceCents = 1000 + Math.floor(random() * 9000);
    if (kind === 0) lines.push(`${date},"MoneyLink Transfer","","","","","","${money(1e9)}"`);
    else if (kind === 1)
      lines.push(
        `${date},"Buy","${symbol}","","2","${money(priceCents)}","","${money(-2 * priceCents)}"`,
      );
    else if (kind === 2)
      lines.push(
        `${date},"Sell","${symbol}","","1","${money(priceCents)}","$0.01","${money(priceCents - 1)}"`,
      );
    else lines.push(`${date},"Qualified Dividend","${symbol}","","","","","${money(123)}"`);
  }
  return [
    '"Transactions  for account XXXX-0000 as of 01/01/2030"',
    '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"',
    ...lines.reverse(),
    '"Transactions Total","","","","","","","$0.00"',
  ].join('\n');
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = work();
  return { ms: performance.now() - t0, value };
}

const text = schwabExport();
// One warm-up run of each, then the best of three.
convertBrokerCsv(text, 'bench.csv', { broker: 'auto' });
const convert = [0, 1, 2].map(() =>
  timed(() => convertBrokerCsv(text, 'bench.csv', { broker: 'auto' })),
);
const csv = convert[0]!.value.csv;
parseTransactionsCsv(csv, 'ledger.csv');
const read = [0, 1, 2].map(() => timed(() => parseTransactionsCsv(csv, 'ledger.csv')));
const best = (runs: { ms: number }[]) => Math.min(...runs.map((r) => r.ms));
const convertMs = best(convert);
const readMs = best(read);
console.log(
  `Schwab export: ${ROWS.toLocaleString('en-US')} rows, ${(text.length / 1e6).toFixed(1)} MB`,
);
console.log(
  `convert (read, map, order, write, read back): ${convertMs.toFixed(0)} ms (${Math.round(ROWS / (convertMs / 1000)).toLocaleString('en-US')} rows/s)`,
);
console.log(`ledger CSV read alone (baseline):             ${readMs.toFixed(0)} ms`);
console.log(`ratio convert / read: ${(convertMs / readMs).toFixed(1)}×`);
