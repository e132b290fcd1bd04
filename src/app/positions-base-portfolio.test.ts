import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioImport } from './portfolio-import.ts';
import { portfolioPositions } from './portfolio-positions.ts';
import { positionsInBase } from './positions-base.ts';
import { errorOf } from './test-helpers.ts';

/** `positionsInBase` on a stored portfolio whose rows keep their currencies (docs/currencies.md). */

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});
async function withRates() {
  const d = testDeps({ now: '2024-03-05T18:00:00.000Z' });
  opened.push(d);
  // USD per 1 EUR.
  const rates = 'date,EURUSD\n2024-01-02,1.08\n2024-01-05,1.10\n';
  await dataImport({ file: { text: rates, name: 'rates.csv' }, kind: 'fx' }, d);
  return d;
}
const text = (t: string, name: string) => ({ text: t, name });

const LEDGER = [
  'date,type,symbol,quantity,price,amount,currency',
  '2024-01-02,deposit,,,,1000,',
  '2024-01-02,buy,SAP,10,48,,EUR',
].join('\n');
const PRICES = text('symbol,price\nSAP,50\n', 'prices.csv');

describe('positionsInBase({ portfolio })', () => {
  it('gives the document of the file it was imported from: 10 × €50 × 1.10 = $550.00', async () => {
    const d = await withRates();
    await portfolioCreate({ name: 'eu' }, d);
    await portfolioImport({ name: 'eu', transactions: text(LEDGER, 'l.csv') }, d);
    const common = { asOf: '2024-01-05', baseCurrency: 'USD', prices: PRICES };
    const stored = await positionsInBase({ portfolio: 'eu', ...common }, d);
    const file = await positionsInBase({ transactions: text(LEDGER, 'l.csv'), ...common }, d);
    // Basis 10 × €48 × 1.08 = $518.40; value €500 × 1.10 = $550.00; cash 1000 − 518.40 = $481.60.
    expect(stored.positions[0]).toMatchObject({ symbol: 'SAP', costBasisTotal: 518.4 });
    expect(stored.valuation.holdings[0]).toMatchObject({ localValue: 500, baseValue: 550 });
    expect(stored.valuation.total).toBe(1031.6);
    expect(stored).toStrictEqual(file);
    // Replayed without a conversion, the EUR row is refused rather than added to dollars.
    const plain = await errorOf(() => portfolioPositions({ portfolio: 'eu' }, d));
    expect(plain).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'currency' } });
  });

  it('reads a row without a currency in the portfolio’s base currency (EUR), not the report’s', async () => {
    const d = await withRates();
    await portfolioCreate({ name: 'eur', baseCurrency: 'EUR' }, d);
    const ledger = 'date,type,amount\n2024-01-02,deposit,1000\n';
    await portfolioImport({ name: 'eur', transactions: text(ledger, 'e.csv') }, d);
    const doc = await positionsInBase(
      { portfolio: 'eur', asOf: '2024-01-05', baseCurrency: 'USD' },
      d,
    );
    // €1,000 deposited on 2 January at 1.08: $1,080.00 of cash.
    expect(doc.cash).toEqual({ DEFAULT: 1080 });
  });

  it('takes a file or a portfolio, not both', async () => {
    const d = await withRates();
    const both = await errorOf(() =>
      positionsInBase({ portfolio: 'eu', transactions: text(LEDGER, 'l.csv') }, d),
    );
    expect(both).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'portfolio' } });
  });
});
