/**
 * The Exposures page in chromium over the demo portfolio: total value, cash and the gross and
 * net economic leverage as the API's `exposures` document gives them (formatted en-US here, an
 * independent path), the treemap drawn, one holdings row per position, the look-through of each
 * fund's definition, and a holding without a fund definition flagged with what to do. Screenshots
 * at desktop, phone and dark.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExposuresDocument } from '../../src/app/exposures.ts';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';

const money = (x: number): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(x);
const times = (x: number): string =>
  `${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x)}×`;
const percent = (x: number): string =>
  new Intl.NumberFormat('en-US', {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(x);

const panel = (page: Page, title: string) => page.locator(`section.panel[aria-label="${title}"]`);

describe.skipIf(!hasChromium)('the Exposures page (chromium)', () => {
  let dash: Dashboard;
  let doc: ExposuresDocument;
  beforeAll(async () => {
    dash = await startDashboard();
    doc = (await (
      await fetch(`${dash.url}/api/v1/portfolios/demo/exposures`)
    ).json()) as ExposuresDocument;
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('shows value and economic leverage as the exposures document gives them', async () => {
    // Hand arithmetic on data/demo/transactions.csv at the last trade prices: BND 200 × 72.50 +
    // DBMF 356.12 × 27.90 + NTSX 400 × 34.20 + RSSB 1100 × 23.10 + RSST 500 × 20.05 + UPRO
    // 210 × 58.75 = 85,888.25 of holdings, cash −2,721.17: 83,167.08.
    expect(doc.totalValue).toBe(83167.08);
    expect(doc.cash).toBe(-2721.17);
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/exposures?p=demo`);
    const tiles = panel(page, 'Value and economic leverage').locator('.tile');
    await expect.poll(() => tiles.count(), { timeout: 15_000 }).toBe(4);
    const text = await tiles.allTextContents();
    expect(text[0]).toContain('$83,167.08');
    expect(text[1]).toContain('-$2,721.17');
    expect(text[2]).toContain(times(doc.grossEconomicExposure));
    expect(text[2]).toContain(`${percent(doc.grossEconomicExposure)} of total value`);
    expect(text[3]).toContain(times(doc.netEconomicExposure));
    // The demo holds no short exposure: gross and net are the same 1.84× (183.73 %).
    expect(times(doc.grossEconomicExposure)).toBe('1.84×');

    const treemap = panel(page, 'Economic exposure by category');
    await expect.poll(() => treemap.locator('canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await treemap.locator('[role="img"]').getAttribute('aria-label')).toContain(
      'US Large Cap Equity Beta',
    );

    const holdings = panel(page, 'Holdings at notional value');
    expect(await holdings.locator('tbody tr').count()).toBe(doc.positions.length);
    const upro = doc.positions.find((p) => p.symbol === 'UPRO')!;
    const uproRow = holdings.locator('tbody tr', { hasText: 'UPRO' });
    expect(await uproRow.textContent()).toContain(money(upro.marketValue));
    expect(await uproRow.textContent()).toContain('last trade price (ledger)');

    const economic = panel(page, 'Economic exposures');
    for (const e of doc.byCategory)
      expect(await economic.locator('tr.group').allTextContents()).toContainEqual(
        expect.stringContaining(money(e.economicValue)),
      );

    // UPRO is a 3× S&P 500 fund in config/funds.yaml: $3 of US large cap per $1 held.
    const look = panel(page, 'Look-through by fund');
    await expect.poll(() => look.locator('tbody tr').count()).toBe(doc.positions.length);
    const uproLook = await look.locator('tbody tr', { hasText: 'UPRO' }).textContent();
    expect(uproLook).toContain('3.000× per $1');
    // UPRO 210 × $58.75 = $12,337.50 held carries 3 × 12,337.50 = $37,012.50 of US large cap.
    expect(uproLook).toContain('$37,012.50');
    const us = doc.exposures.find((e) => e.id === 'us_large_equity')!;
    expect(await look.locator('tfoot tr.total').textContent()).toContain(money(us.economicValue));

    expect(await panel(page, 'Unexplained holdings').textContent()).toContain(
      'nothing is left unexplained',
    );
    await shot(page, 'exposures-desktop');
    expect(errors).toEqual([]);
  });

  it('fits a phone and draws in the dark theme', async () => {
    const phone = await dash.page({ width: 375 });
    const errors = collectPageErrors(phone);
    await phone.goto(`${dash.url}/exposures?p=demo`);
    await expect
      .poll(() => panel(phone, 'Economic exposure by category').locator('canvas').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect
      .poll(() => panel(phone, 'Look-through by fund').locator('tbody tr').count())
      .toBe(doc.positions.length);
    expect(
      await phone.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(375);
    await shot(phone, 'exposures-phone');

    const dark = await dash.page({ dark: true });
    errors.push(...collectPageErrors(dark));
    await dark.goto(`${dash.url}/exposures?p=demo`);
    await expect
      .poll(() => panel(dark, 'Economic exposure by category').locator('canvas').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await dark.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe(
      'dark',
    );
    await shot(dark, 'exposures-dark');
    expect(errors).toEqual([]);
  });

  it('flags a holding without a fund definition and says what to do', async () => {
    const created = await fetch(`${dash.url}/api/v1/portfolios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'undefined-fund' }),
    });
    expect(created.status).toBe(201);
    const appended = await fetch(`${dash.url}/api/v1/portfolios/undefined-fund/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: [
        'date,type,symbol,quantity,price,amount,fees,account,lots',
        '2024-01-02,deposit,,,,10000,,TAXABLE,',
        '2024-01-03,buy,SPY,10,450,,0,TAXABLE,',
        '2024-01-03,buy,ZZZQ,10,50,,0,TAXABLE,',
      ].join('\n'),
    });
    expect(appended.status).toBe(201);
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/exposures?p=undefined-fund`);
    const unexplained = panel(page, 'Unexplained holdings').locator('li.warning');
    await expect.poll(() => unexplained.count(), { timeout: 15_000 }).toBe(1);
    const text = await unexplained.textContent();
    // 10 × $50 = $500 still counts in total value: $5,000 cash + $4,500 SPY + $500 ZZZQ.
    expect(text).toContain('ZZZQ');
    expect(text).toContain('$500.00');
    expect(text).toContain('no fund definition for ZZZQ');
    expect(text).toContain('ballast funds save NAME --file FILE');
    const tiles = panel(page, 'Value and economic leverage').locator('.tile');
    expect(await tiles.first().textContent()).toContain('$10,000.00');
    const lookThrough = panel(page, 'Look-through by fund');
    expect(await lookThrough.locator('tbody tr', { hasText: 'ZZZQ' }).textContent()).toContain(
      'no fund definition',
    );

    // Defined in a stored set and chosen under Fund definitions: nothing is left unexplained,
    // and the look-through shows the stored definition (2× US large cap per $1).
    const yaml = readFileSync(new URL('../../config/funds.yaml', import.meta.url), 'utf8');
    const stored = await fetch(`${dash.url}/api/v1/funds/stored/with-zzzq`, {
      method: 'PUT',
      headers: { 'content-type': 'application/yaml' },
      body: `${yaml}\n  ZZZQ:\n    name: A test fund\n    category: Test\n    exposures:\n      us_large_equity: 2.0\n    provenance: this test\n    validatedBy: null\n`,
    });
    expect(stored.status).toBe(201);
    await page.reload();
    await page.getByLabel('Fund definitions').selectOption('with-zzzq');
    await expect
      .poll(() => panel(page, 'Unexplained holdings').textContent(), { timeout: 15_000 })
      .toContain('nothing is left unexplained');
    expect(new URL(page.url()).searchParams.get('funds')).toBe('with-zzzq');
    expect(await lookThrough.locator('tbody tr', { hasText: 'ZZZQ' }).textContent()).toContain(
      '2.000×',
    );
    // 10 SPY × $450 × 1 + 10 ZZZQ × $50 × 2 = $5,500 of US large cap: 0.55× of $10,000.
    expect(await tiles.nth(2).textContent()).toContain('0.55×');
    expect(errors).toEqual([]);
  });
});
