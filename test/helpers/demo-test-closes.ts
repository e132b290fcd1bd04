/**
 * Made-up daily closes for the demo's funds and SPY, from 2021-02-01 to today, to exercise the
 * dashboard's performance panels in tests: each symbol follows a smooth path (a small drift and
 * a gentle wave). They are test data, never market data, and never leave the tests.
 */
import type { AppDeps } from '../../src/app/deps.ts';
import { dataImport } from '../../src/app/data-import.ts';

/** Weekdays from `from` to `to` (ISO dates), inclusive. */
export function weekdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 864e5) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Test closes for `symbol`: start × (1 + drift)^t with a gentle wave as the adjusted close; UPRO's
 * 2-for-1 split of 2022-01-13 (in the demo ledger) halves its unadjusted close from that day,
 * with the split on that row.
 */
export function testCloses(
  symbol: string,
  start: number,
  drift: number,
  days: readonly string[],
): string {
  const rows = days.map((d, t) => {
    const split = symbol === 'UPRO' && d >= '2022-01-13' ? 2 : 1;
    const adjusted = start * (1 + drift) ** t * (1 + 0.04 * Math.sin(t / 25));
    const close = adjusted / split;
    const splitCell = symbol === 'UPRO' && d === '2022-01-13' ? 2 : '';
    return `${d},${close.toFixed(4)},${adjusted.toFixed(4)},,${splitCell}`;
  });
  return ['date,close,adj_close,dividend,split', ...rows].join('\n');
}

/** The first close of each symbol's path. */
const STARTS: Readonly<Record<string, number>> = {
  BND: 86,
  DBMF: 29,
  NTSX: 34,
  RSSB: 20,
  RSST: 20,
  UPRO: 95,
  SPY: 380,
};

/** Stores the test closes of every demo fund and SPY (weekdays from 2021-02-01 to today). */
export async function storeDemoTestCloses(deps: AppDeps): Promise<void> {
  const days = weekdays('2021-02-01', new Date().toISOString().slice(0, 10));
  for (const [symbol, start] of Object.entries(STARTS)) {
    const text = testCloses(symbol, start, 0.0002, days);
    await dataImport({ file: { text, name: `${symbol}-test.csv` }, kind: 'prices', symbol }, deps);
  }
}
