/**
 * The Holdings page in chromium over the demo portfolio: positions by account with the lots the
 * API returns (and the quantities worked out by hand from data/demo/transactions.csv), totals,
 * realised gains by year and term, and a transaction added through the Transactions form
 * showing on the Holdings page at once (the write invalidates the cached holdings).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween } from '../../src/domain/calendar/iso-date.ts';
import { systemClock } from '../../src/data/system-clock.ts';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';
import {
  accountPanel,
  addForm,
  fillForm,
  ledgerCount,
  navigateTo,
  open,
  shownLots,
  shownQuantity,
} from '../helpers/ledger-pages.ts';

interface ApiHoldings {
  accounts: {
    account: string;
    positions: { symbol: string; quantity: number; lots: { id: string; quantity: number }[] }[];
  }[];
}

/**
 * The demo's open positions, by hand from data/demo/transactions.csv (FIFO): MARGIN bought
 * 200 BND and sold 100 (L4 keeps 100); UPRO 100 split 2-for-1 is 200, 50 sold, 60 more bought
 * (L3 150, L21 60); RSSB 800 + 300; IRA's DBMF 300 − 100 sold + 6.12 reinvested + 150.
 */
const BY_HAND: Record<string, Record<string, Record<string, number>>> = {
  IRA: {
    BND: { L12: 100 },
    DBMF: { L6: 200, L18: 6.12, L20: 150 },
  },
  MARGIN: {
    BND: { L4: 100 },
    NTSX: { L8: 400 },
    RSSB: { L15: 800, L19: 300 },
    RSST: { L13: 500 },
    UPRO: { L3: 150, L21: 60 },
  },
};

const today = (): string => new Date().toISOString().slice(0, 10);

describe.skipIf(!hasChromium)('the Holdings page (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard();
  });
  afterAll(async () => {
    await dash?.close();
  });

  it("lists the demo's positions by account with the lots the API returns", async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await open(page, dash, '/holdings', 'Holdings');
    await accountPanel(page, 'MARGIN').locator('tbody[data-position]').first().waitFor();

    const res = await fetch(`${dash.url}/api/v1/portfolios/demo/holdings`);
    const api = (await res.json()) as ApiHoldings;
    const fromApi: typeof BY_HAND = {};
    for (const a of api.accounts)
      for (const p of a.positions)
        (fromApi[a.account] ??= {})[p.symbol] = Object.fromEntries(
          p.lots.map((l) => [l.id, l.quantity]),
        );
    expect(fromApi).toEqual(BY_HAND);

    const shown: typeof BY_HAND = {};
    for (const account of Object.keys(BY_HAND)) {
      const panel = accountPanel(page, account);
      const symbols = await panel
        .locator('tbody[data-position]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-position') ?? ''));
      shown[account] = {};
      for (const symbol of symbols) {
        shown[account][symbol] = await shownLots(page, account, symbol);
        const lots = Object.values(shown[account][symbol]);
        expect(await shownQuantity(page, account, symbol)).toBeCloseTo(
          lots.reduce((s, q) => s + q, 0),
          9,
        );
      }
    }
    expect(shown).toEqual(BY_HAND);
    // Each lot's cost basis, price and its source, term and days to long-term are shown.
    const lot = accountPanel(page, 'MARGIN').locator('tr[data-lot="L21"]');
    expect(await lot.textContent()).toContain('$58.75');
    expect(await lot.textContent()).toContain('last trade price (ledger)');
    expect(await lot.locator('.badge').textContent()).toMatch(/^(Long|Short)$/);
    await shot(page, 'holdings');
    expect(errors).toEqual([]);
  });

  it('totals each account and gives the realised gains by year and term', async () => {
    const page = await dash.page();
    await open(page, dash, '/holdings', 'Holdings');
    const realized = page.getByRole('region', { name: 'Realised gains' });
    await realized.locator('tr[data-year]').first().waitFor();
    // By hand: 2022 DBMF 100 × (33.80 − 29.10) = +470, 2023 BND 100 × (72.10 − 85.60) = −1,350,
    // 2024 UPRO 50 × (70.50 − 95.40 / 2) = +1,140; every lot sold was held over a year.
    const rows = await realized
      .locator('tr[data-year]')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows).toEqual([
      ['2022', '$0.00', '+$470.00', '+$470.00'],
      ['2023', '$0.00', '−$1,350.00', '−$1,350.00'],
      ['2024', '$0.00', '+$1,140.00', '+$1,140.00'],
    ]);
    expect(await realized.locator('tfoot').textContent()).toContain('+$260.00');
    // IRA at cost: BND 7,250 + DBMF 10,172.99 (300 × 29.10 × 2/3 + 6.12 × 27.45 + 150 × 27.90).
    const ira = accountPanel(page, 'IRA').locator('tfoot');
    expect(await ira.locator('tr.total').textContent()).toContain('$17,422.99');
    // IRA cash: 20,000 deposited − 8,730 − 7,250 − 4,185 spent + 3,380 from the sale
    // (the reinvested dividend of 6.12 × 27.45 is income and a lot, no cash).
    expect(await ira.textContent()).toContain('$3,215.00');
  });

  it('shows a buy added through the Transactions form: BND in MARGIN grows by exactly 10', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await open(page, dash, '/holdings', 'Holdings');
    await accountPanel(page, 'MARGIN').locator('tbody[data-position="BND"]').waitFor();
    // By hand from the ledger: 200 bought on 2021-03-02, 100 sold on 2023-03-15.
    const before = await shownQuantity(page, 'MARGIN', 'BND');
    expect(before).toBe(100);
    const count = await ledgerCount(dash);

    await navigateTo(page, 'Transactions');
    const form = addForm(page);
    await fillForm(form, {
      type: 'buy',
      Date: today(),
      Account: 'MARGIN',
      Symbol: 'BND',
      Quantity: '10',
      'Price per share': '72.10',
    });
    await form.getByRole('button', { name: 'Add transaction' }).click();
    await form.getByRole('status').filter({ hasText: 'Added line' }).waitFor();
    expect(await ledgerCount(dash)).toBe(count + 1);
    const line = count + 2; // the demo's rows are lines 2…23, one after another

    // Back on Holdings without a reload: the cached holdings were invalidated by the write.
    await navigateTo(page, 'Holdings');
    await expect.poll(() => shownQuantity(page, 'MARGIN', 'BND')).toBe(before + 10);
    expect(await shownLots(page, 'MARGIN', 'BND')).toEqual({ L4: 100, [`L${line}`]: 10 });
    expect(await shownQuantity(page, 'IRA', 'BND')).toBe(100);
    const lot = accountPanel(page, 'MARGIN').locator(`tr[data-lot="L${line}"]`);
    expect(await lot.locator('.badge').textContent()).toBe('Short');
    // Held long from a year and a day after the buy (entered as today in UTC), counted from the
    // server's today, the New York date (src/data/system-clock.ts): a day more between 00:00
    // and 05:00 UTC.
    const days = daysBetween(systemClock.today(), addDays(addYears(today(), 1), 1));
    expect(await lot.locator('td[data-col="days-to-long"]').textContent()).toBe(`${days} days`);
    expect(await lot.textContent()).toContain('$721.00');
    expect(errors).toEqual([]);
  });
});
