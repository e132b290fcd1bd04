/**
 * The Tax page in chromium. Over the demo portfolio (which stores no account types: every
 * account is taxable): the years with sales, the totals exactly as GET …/tax/gains gives them
 * (and by hand from data/demo/transactions.csv), the rows of another year when it is chosen, the
 * estimate at typed rates, the Form 8949 PDF, CSV and TXF files behind the links, and the
 * harvest candidates of GET …/tax/harvest. Over a small ledger with a wash sale half replaced in
 * an IRA: the W row highlighted and the loss lost to the IRA. On a server that requires keys:
 * the PDF downloaded through the client with the key.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyCreate } from '../../src/app/key-create.ts';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';

/** The dashboard's money formats, written out independently: `$1,234.50`, `+$…`, `−$…`. */
const usd = (x: number) =>
  `$${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const signed = (x: number) => (x > 0 ? `+${usd(x)}` : x < 0 ? `−${usd(x)}` : usd(x));

interface Gains {
  rows: { lotId: string; symbol: string; gain: number; adjustmentCode: string }[];
  totals: Record<'shortTerm' | 'longTerm' | 'disallowed' | 'lost' | 'proceeds', number>;
  estimate?: { tax: number };
}

async function apiGet<T>(dash: Dashboard, path: string): Promise<T> {
  const res = await fetch(`${dash.url}/api/v1/portfolios/${path}`);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** The value of the tile labelled `label` in the tiles `group`. */
const tile = (page: Page, group: string, label: string) =>
  page
    .locator(`[data-tiles="${group}"] .tile`, {
      has: page.locator('.tile-label', { hasText: new RegExp(`^${label}$`) }),
    })
    .locator('.tile-value');

/** The Form 8949 rows shown: [part, lot, gain text]. */
const shownRows = (page: Page) =>
  page
    .locator('table.form8949 tbody tr[data-lot]')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.closest('tbody')?.getAttribute('data-part') ?? '',
        tr.getAttribute('data-lot') ?? '',
        tr.querySelector('td[data-col="gain"]')?.textContent ?? '',
      ]),
    );

async function openTax(page: Page, dash: Dashboard, portfolio = 'demo') {
  await page.goto(`${dash.url}/tax?p=${portfolio}`);
  await page.getByRole('heading', { level: 1, name: 'Tax' }).waitFor();
  await page.locator('table.form8949 tbody tr[data-lot]').first().waitFor();
}

/** The first bytes of `href` fetched by the page itself (its origin, its cookies). */
const fetchedHead = (page: Page, href: string) =>
  page.evaluate(async (url) => {
    const res = await fetch(url);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      head: String.fromCharCode(...bytes.slice(0, 5)),
    };
  }, href);

describe.skipIf(!hasChromium)('the Tax page (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard({ demo: true });
  });
  afterAll(async () => {
    await dash?.close();
  });

  it("shows the latest year's totals as GET …/tax/gains gives them, then another year's rows", async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await openTax(page, dash);
    // By hand: the demo sells DBMF on 2022-12-19, BND on 2023-03-15, UPRO on 2024-07-15.
    const picker = page.getByLabel('Tax year');
    expect(await picker.locator('option').allTextContents()).toEqual(['2024', '2023', '2022']);
    expect(await picker.inputValue()).toBe('2024');

    const api = await apiGet<Gains>(dash, 'demo/tax/gains?year=2024');
    // By hand: UPRO 50 × 70.50 = 3,525.00 − 50 × 95.40 / 2 = 2,385.00: +1,140.00, long-term.
    expect(api.totals).toMatchObject({ shortTerm: 0, longTerm: 1140, disallowed: 0, lost: 0 });
    expect(await tile(page, 'gains', 'Short-term').textContent()).toBe(
      signed(api.totals.shortTerm),
    );
    expect(await tile(page, 'gains', 'Long-term').textContent()).toBe(signed(api.totals.longTerm));
    expect(await tile(page, 'gains', 'Wash-sale disallowed').textContent()).toBe(
      usd(api.totals.disallowed),
    );
    expect(await tile(page, 'gains', 'Lost to IRA replacements').textContent()).toBe(
      usd(api.totals.lost),
    );
    expect(await tile(page, 'gains', 'Proceeds').textContent()).toBe(usd(api.totals.proceeds));
    expect(await shownRows(page)).toEqual(api.rows.map((r) => ['II', r.lotId, signed(r.gain)]));
    expect(await shownRows(page)).toEqual([['II', 'L3', '+$1,140.00']]);
    await shot(page, 'tax');

    await picker.selectOption('2023');
    await expect.poll(() => shownRows(page)).toEqual([['II', 'L4', '−$1,350.00']]);
    const y2023 = await apiGet<Gains>(dash, 'demo/tax/gains?year=2023');
    // By hand: BND 100 × 72.10 = 7,210.00 − 100 × 85.60 = 8,560.00: −1,350.00.
    expect(y2023.rows.map((r) => [r.lotId, r.gain])).toEqual([['L4', -1350]]);
    expect(await tile(page, 'gains', 'Long-term').textContent()).toBe(
      signed(y2023.totals.longTerm),
    );
    // 2022: DBMF 100 × (33.80 − 29.10) = +470.00 (the IRA counts: no account types stored).
    await picker.selectOption('2022');
    await expect.poll(() => shownRows(page)).toEqual([['II', 'L6', '+$470.00']]);
    expect(errors).toEqual([]);
  });

  it('links to the Form 8949 PDF and CSV and the TXF of the chosen year', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await openTax(page, dash);
    const link = (kind: string) => page.locator(`.downloads a[data-file="${kind}"]`);
    const pdfHref = await link('pdf').getAttribute('href');
    expect(pdfHref).toBe('/api/v1/portfolios/demo/tax/form8949?format=pdf&year=2024');
    expect(await fetchedHead(page, pdfHref!)).toEqual({
      status: 200,
      type: 'application/pdf',
      disposition: 'attachment; filename="form8949-2024.pdf"',
      head: '%PDF-',
    });
    const csv = await fetchedHead(page, (await link('csv').getAttribute('href'))!);
    expect(csv).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8' });
    const txf = await fetchedHead(page, (await link('txf').getAttribute('href'))!);
    expect(txf).toMatchObject({
      status: 200,
      disposition: 'attachment; filename="gains-2024.txf"',
    });
    expect(txf.head.startsWith('V042')).toBe(true);
    // A click saves the file the route names.
    const [download] = await Promise.all([page.waitForEvent('download'), link('pdf').click()]);
    expect(download.suggestedFilename()).toBe('form8949-2024.pdf');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(errors).toEqual([]);
  });

  it('estimates the tax at the rates typed, and names a bad rate under its field', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await openTax(page, dash);
    const form = page.getByRole('form', { name: 'Tax rates' });
    await form.getByLabel('Short-term rate').fill('0.32');
    await form.getByLabel('Long-term rate').fill('0.15');
    await form.getByLabel('State rate').fill('0.05');
    await form.getByLabel('Net investment income tax (3.8 %)').check();
    await form.getByRole('button', { name: 'Estimate' }).click();
    const api = await apiGet<Gains>(
      dash,
      'demo/tax/gains?year=2024&shortRate=0.32&longRate=0.15&stateRate=0.05&niit=true',
    );
    // By hand: +1,140.00 long-term × (0.15 + 0.05 + 0.038) = 271.32.
    expect(api.estimate?.tax).toBe(271.32);
    const tax = tile(page, 'estimate', 'Estimated tax');
    await expect.poll(() => tax.textContent()).toBe(usd(api.estimate!.tax));
    await shot(page, 'tax-estimate');

    await form.getByLabel('Short-term rate').fill('1.5');
    await form.getByRole('button', { name: 'Estimate' }).click();
    const short = form.getByLabel('Short-term rate');
    await expect.poll(() => short.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#rate-shortRate-error').textContent()).toMatch(/^shortRate: /);
    // The refused estimate is a 400 the browser logs; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  });

  it('lists the harvest candidates of GET …/tax/harvest', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await openTax(page, dash);
    const harvest = page.getByRole('region', { name: 'Harvest' });
    await harvest.locator('table.harvest tbody tr').first().waitFor();
    const api = await apiGet<{
      candidates: { lotId: string; loss: number; taxSaving: number; washUntil: string }[];
    }>(dash, 'demo/tax/harvest');
    const shown = await harvest
      .locator('table.harvest tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-lot') ?? '',
          tr.querySelector('td[data-col="loss"]')?.textContent ?? '',
          tr.querySelector('td[data-col="saving"]')?.textContent ?? '',
        ]),
      );
    expect(shown).toEqual(api.candidates.map((c) => [c.lotId, signed(c.loss), usd(c.taxSaving)]));
    // By hand at the last trade prices: BND L4 100 × (72.50 − 85.60) = −1,310.00, long-term,
    // saving × 0.20 = 262.00 — the biggest saving, first.
    expect(shown[0]).toEqual(['L4', '−$1,310.00', '$262.00']);
    expect(errors).toEqual([]);
  });

  it('highlights a wash sale and counts the loss lost to an IRA replacement', async () => {
    // By hand: 100 VOO at 50 sold at 40 (−1,000.00); 40 bought back in the IRA, 60 in TAXABLE
    // within 30 days: all 1,000.00 disallowed (W), 40 × 10.00 = 400.00 of it lost for good.
    const created = await fetch(`${dash.url}/api/v1/portfolios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'wash' }),
    });
    expect(created.status).toBe(201);
    const posted = await fetch(`${dash.url}/api/v1/portfolios/wash/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: `date,type,symbol,quantity,price,amount,fees,account,lots
2024-01-02,deposit,,,,20000,,TAXABLE,
2024-01-02,deposit,,,,10000,,IRA,
2024-01-02,buy,VOO,100,50,,0,TAXABLE,
2024-06-03,sell,VOO,100,40,,0,TAXABLE,
2024-06-20,buy,VOO,40,42,,0,IRA,
2024-06-21,buy,VOO,60,41,,0,TAXABLE,
`,
    });
    expect(posted.status).toBe(201);
    await (
      await dash.deps.store()
    ).portfolios.setAccounts('wash', [
      { name: 'IRA', taxType: 'traditional_ira' },
      { name: 'TAXABLE', taxType: 'taxable' },
    ]);
    const api = await apiGet<Gains>(dash, 'wash/tax/gains?year=2024');
    expect(api.totals).toMatchObject({ shortTerm: 0, disallowed: 1000, lost: 400 });

    for (const dark of [false, true]) {
      const page = await dash.page({ dark });
      const errors = collectPageErrors(page);
      await openTax(page, dash, 'wash');
      const row = page.locator('table.form8949 tr.wash');
      expect(await row.count()).toBe(1);
      expect(await row.getAttribute('data-code')).toBe('W');
      expect(await row.locator('td[data-col="adjustment"]').textContent()).toBe('$1,000.00');
      expect(await tile(page, 'gains', 'Wash-sale disallowed').textContent()).toBe(
        usd(api.totals.disallowed),
      );
      expect(await tile(page, 'gains', 'Lost to IRA replacements').textContent()).toBe(
        usd(api.totals.lost),
      );
      await shot(page, dark ? 'tax-wash-dark' : 'tax-wash');
      expect(errors).toEqual([]);
    }
  });

  it('shows the demo in the dark theme and at phone width', async () => {
    for (const [name, options] of [
      ['tax-dark', { dark: true }],
      ['tax-phone', { width: 375, height: 800 }],
    ] as const) {
      const page = await dash.page(options);
      const errors = collectPageErrors(page);
      await openTax(page, dash);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width, name).toBeLessThanOrEqual(options.width ?? 1280);
      await shot(page, name);
      expect(errors, name).toEqual([]);
    }
  });
});

describe.skipIf(!hasChromium)('the Tax page on a server that requires keys (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard({ demo: true, auth: 'required' });
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('downloads the PDF through the client with the key (a bare link would be refused)', async () => {
    const { key } = await keyCreate({ scope: 'read', name: 'tax test' }, dash.deps);
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/`);
    await page.evaluate(`localStorage.setItem('ballast.apiKey', ${JSON.stringify(key)})`);
    await openTax(page, dash);
    const link = page.locator('.downloads a[data-file="pdf"]');
    expect((await fetchedHead(page, (await link.getAttribute('href'))!)).status).toBe(401);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('form8949-2024.pdf');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
