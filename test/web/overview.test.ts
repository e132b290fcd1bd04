/**
 * The Overview page in chromium. On a fresh store the demo is valued at the ledger's last
 * trade prices (no closes stored, offline) and performance says which data is missing; with
 * closes imported it shows TWR, MWR, growth of $1 and drawdown exactly as the API computes
 * them. The closes are made-up test data (`demo-test-closes.ts`) — they exist to exercise the
 * page, and nothing is asserted about markets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';
import { storeDemoTestCloses } from '../helpers/demo-test-closes.ts';

const formatMoney = (x: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(x);

describe.skipIf(!hasChromium)('the Overview page (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard();
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('shows the demo’s value at its last trade prices, and why performance is missing', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/?p=demo`);
    const value = page.locator('.tile', { hasText: 'Total value' }).locator('.tile-value');
    // By hand from data/demo/transactions.csv, each fund at its last trade price:
    // BND 200 × 72.50 = 14,500; DBMF 356.12 × 27.90 = 9,935.748; NTSX 400 × 34.20 = 13,680;
    // RSSB 1,100 × 23.10 = 25,410; RSST 500 × 20.05 = 10,025; UPRO 210 × 58.75 = 12,337.50;
    // cash IRA 3,215 + MARGIN −5,936.17 = −2,721.17. Total 85,888.248 − 2,721.17 = 83,167.078.
    await expect.poll(() => value.textContent()).toBe('$83,167.08');
    expect(
      await page.locator('.tile', { hasText: 'Cash' }).locator('.tile-value').textContent(),
    ).toBe('-$2,721.17');
    const performance = page.locator('section[aria-label="Performance"]');
    await expect.poll(() => performance.locator('[role="alert"]').count()).toBe(1);
    expect(await performance.textContent()).toContain('DATA_UNAVAILABLE');
    await shot(page, 'overview-no-prices');
    expect(errors.filter((e) => !e.includes('424'))).toEqual([]);
  });

  it('with closes stored: TWR, MWR, growth of $1 and drawdown as the API computes them', async () => {
    await storeDemoTestCloses(dash.deps);
    const api = (await (
      await fetch(`${dash.url}/api/v1/portfolios/demo/performance?benchmark=SPY`)
    ).json()) as { twr: number; mwr: number; netFlows: number };
    const summary = (await (await fetch(`${dash.url}/api/v1/portfolios/demo/summary`)).json()) as {
      totalValue: number;
      changes: { oneMonth: { change: number | null; return: number | null } };
    };

    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/?p=demo`);
    const tile = (label: string) =>
      page
        .locator('.tile', { has: page.locator('.tile-label', { hasText: label }) })
        .locator('.tile-value');
    await expect
      .poll(() => tile('TWR').textContent(), { timeout: 20_000 })
      .toBe(`${api.twr > 0 ? '+' : '−'}${(Math.abs(api.twr) * 100).toFixed(2)}%`);
    expect(await tile('MWR').textContent()).toBe(
      `${api.mwr > 0 ? '+' : '−'}${(Math.abs(api.mwr) * 100).toFixed(2)}%`,
    );
    expect(await tile('Total value').textContent()).toBe(formatMoney(summary.totalValue));
    // The month's change at stored closes, as the summary document gives it.
    const month = summary.changes.oneMonth;
    expect(month.change).not.toBeNull();
    const row = page.locator('table[aria-label="Change in value"] tr', { hasText: '1 month' });
    const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '');
    expect(await row.locator('td').nth(2).textContent()).toBe(
      `${sign(month.change!)}${formatMoney(Math.abs(month.change!))}`,
    );
    expect(await row.locator('td').nth(3).textContent()).toBe(
      `${sign(month.return!)}${(Math.abs(month.return!) * 100).toFixed(2)}%`,
    );
    expect(await tile('Net contributions').textContent()).toBe(formatMoney(api.netFlows));
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(2);
    await shot(page, 'overview-desktop');

    const phone = await dash.page({ width: 375, height: 800 });
    await phone.goto(`${dash.url}/?p=demo`);
    await expect.poll(() => phone.locator('.chart canvas').count(), { timeout: 20_000 }).toBe(2);
    expect(
      await phone.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(375);
    await shot(phone, 'overview-phone');

    const dark = await dash.page({ dark: true });
    await dark.goto(`${dash.url}/?p=demo`);
    await expect.poll(() => dark.locator('.chart canvas').count(), { timeout: 20_000 }).toBe(2);
    await shot(dark, 'overview-dark');
    expect(errors).toEqual([]);
  });
});
