/**
 * What the crash-safety tests check through the restarted server (test/helpers/crash-import.ts):
 * the portfolio holds all the appended rows or none (its count, `GET …/portfolios/{id}`); when
 * all, they read back and replay to the expected holdings (`GET …/positions`); and the store takes
 * further writes — an append to the same portfolio and a new portfolio.
 */

import { expect } from 'vitest';
import type { CrashOutcome } from './crash-import.ts';
import { stopServe } from './serve-process.ts';
import { tradesHoldings } from './trades-ledger.ts';

/** Rows of the appended ledger (test/helpers/trades-ledger.ts). */
export const LEDGER_ROWS = 50_000;

const ONE_MORE =
  'date,type,symbol,quantity,price,amount,fees,account,lots\n2030-01-02,deposit,,,,100,,MAIN,\n';

const post = (url: string, type: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': type }, body });

/** Quantities by symbol in the portfolio's positions. */
async function heldBySymbol(base: string): Promise<Record<string, number>> {
  const doc = (await (await fetch(`${base}/positions`)).json()) as {
    positions: { symbol: string; quantity: number }[];
  };
  return Object.fromEntries(doc.positions.map((p) => [p.symbol, p.quantity]));
}

/**
 * Checks the restarted server of `outcome` (module comment), stops it (SIGTERM, exit 0) and
 * returns how many rows of the killed append were stored: 0 or {@link LEDGER_ROWS}. One more
 * row (a deposit) is appended by the check.
 */
export async function checkServedAfterCrash(outcome: CrashOutcome): Promise<number> {
  const { server, portfolioId } = outcome;
  try {
    const base = `${server.url}/api/v1/portfolios/${portfolioId}`;
    const stored = ((await (await fetch(base)).json()) as { transactions: number }).transactions;
    expect([0, LEDGER_ROWS]).toContain(stored);
    // All stored: the ledger reads back and replays to the generator's holdings.
    if (stored === LEDGER_ROWS) expect(await heldBySymbol(base)).toEqual(tradesHoldings(stored));
    const more = await post(`${base}/transactions`, 'text/csv', ONE_MORE);
    expect([more.status, ((await more.json()) as { transactions: number }).transactions]).toEqual([
      201,
      stored + 1,
    ]);
    const other = await post(`${server.url}/api/v1/portfolios`, 'application/json', '{"name":"b"}');
    expect(other.status).toBe(201);
    expect(await stopServe(server)).toEqual({ code: 0, signal: null });
    return stored;
  } finally {
    await stopServe(server, 'SIGKILL');
  }
}
