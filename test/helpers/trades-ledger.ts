/**
 * A large, valid, deterministic transactions CSV for store and server tests: one deposit, then
 * buys and sells of four symbols in account `MAIN`, eight rows a day from 2000-01-03. A sale
 * (10 shares) comes only when the symbol holds at least 20, so every sale closes open shares and
 * the ledger replays under every lot method. {@link tradesHoldings} gives the final quantities.
 */

const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD'] as const;
const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
const DAY_MS = 86_400_000;
const START = Date.UTC(2000, 0, 3);

/** Row `i` (1-based after the deposit): symbol index, sale or not, quantity. */
function trade(i: number, held: number[]): { k: number; sell: boolean; quantity: number } {
  const k = i % SYMBOLS.length;
  const sell = held[k]! >= 20 && i % 3 === 0;
  const quantity = sell ? 10 : 20;
  held[k]! += sell ? -quantity : quantity;
  return { k, sell, quantity };
}

/** The CSV text: a header and `rows` data rows (the first a deposit). */
export function tradesCsv(rows: number): string {
  const held = SYMBOLS.map(() => 0);
  const lines = [HEADER, '2000-01-03,deposit,,,,100000000,,MAIN,'];
  for (let i = 1; i < rows; i++) {
    const { k, sell, quantity } = trade(i, held);
    const date = new Date(START + Math.floor(i / 8) * DAY_MS).toISOString().slice(0, 10);
    const price = (50 + (i % 17)).toFixed(2);
    lines.push(`${date},${sell ? 'sell' : 'buy'},${SYMBOLS[k]},${quantity},${price},,0,MAIN,`);
  }
  return `${lines.join('\n')}\n`;
}

/** Symbol → shares held after the `rows` rows of {@link tradesCsv}. */
export function tradesHoldings(rows: number): Record<string, number> {
  const held = SYMBOLS.map(() => 0);
  for (let i = 1; i < rows; i++) trade(i, held);
  return Object.fromEntries(SYMBOLS.map((s, k) => [s, held[k]!]));
}
