/**
 * The Location page in chromium, offline on the demo server: the hand case of
 * docs/asset-location.md ("Worked example by hand") typed into the editor and placed — two
 * accounts of $100,000 (a taxable brokerage and a traditional IRA, each with BND = broad_ust 1.0
 * and VTI = us_large_equity 1.0 on the shipped config/funds.yaml), target 50/50 — puts all the
 * bonds in the IRA and all the stocks in the brokerage; the table cells and the value tiles are
 * checked against the hand arithmetic below. The prefilled example places and fits a phone
 * without sideways scroll; a bad field shows the API's error naming it. Screenshots light,
 * phone and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';

/** A parsed JSON document (tests read into it freely). */
type Doc = ReturnType<typeof JSON.parse>;

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const cents = (x: number): number => Math.round(x * 100) / 100;

/** The hand case: ordinary 35 %, qualified 15 %, gains 20 %, withdrawal 25 %, H = 10. */
const HAND_CASE = `accounts:
  - { name: brokerage, type: taxable, balance: 100000, funds: [VTI, BND] }
  - { name: ira, type: traditional, balance: 100000, funds: [VTI, BND] }
target: { us_large_equity: 0.5, broad_ust: 0.5 }
tax: { ordinaryRate: 0.35, qualifiedRate: 0.15, capitalGainsRate: 0.2, withdrawalRate: 0.25, horizonYears: 10 }
exposures:
  broad_ust: { expectedReturn: 0.04, yield: 0.04 }
  us_large_equity: { expectedReturn: 0.07, yield: 0.02, qualifiedShare: 1, turnover: 0.05, realisedGainShare: 0.5 }
`;

/*
 * By hand. Drag per $1 in the brokerage: bonds 0.04 × 0.35 = 0.014; stocks
 * 0.02 × 0.15 + 0.05 × 0.5 × 0.20 = 0.003 + 0.005 = 0.008. With a = bonds in the IRA the value
 * is linear in a with slope 0.75 (1.04^10 − 1.07^10) + (1.062^10 − 1.026^10)
 * = 0.75 (1.480244 − 1.967151) + (1.824926 − 1.292628) = +0.167117 > 0, so a = 100,000: the IRA
 * holds $100,000 of BND, the brokerage $100,000 of VTI.
 * Value at H: 100,000 × 0.75 × 1.04^10 + 100,000 × 1.062^10 = 111,018.32 + 182,492.56
 * = 293,510.88. Naive 50/50 in both (mix return 5.5 %, drag 1.1 %):
 * 100,000 × (1.055 − 0.011)^10 + 100,000 × 0.75 × 1.055^10 = 281,928.06.
 * First-year drag: 100,000 × 0.008 = 800 against 100,000 × 0.011 = 1,100; 300 saved.
 */
const VALUE = 100_000 * 0.75 * 1.04 ** 10 + 100_000 * 1.062 ** 10;
const NAIVE = 100_000 * 1.044 ** 10 + 100_000 * 0.75 * 1.055 ** 10;

const panel = (page: Page, title: string): Locator =>
  page.locator(`section[aria-label="${title}"]`);
const editor = (page: Page): Locator => page.getByLabel('Config (YAML or JSON)');
const tile = (page: Page, key: string): Locator => page.locator(`[data-tile="${key}"] .tile-value`);
const cell = (page: Page, row: string, col: string): Locator =>
  page.locator(`${row} [data-col="${col}"]`);

/** Presses Place assets and waits for the tiles. */
async function place(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Place assets' }).click();
  await panel(page, 'Placement value').locator('[data-tile="value"]').waitFor({ timeout: 60_000 });
}

async function postLocation(url: string, text: string): Promise<{ status: number; body: Doc }> {
  const res = await fetch(`${url}/api/v1/location`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accounts: { text, name: 'accounts' } }),
  });
  return { status: res.status, body: await res.json() };
}

describe.skipIf(!hasChromium)('the Location page (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard();
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('places the hand case: bonds in the IRA, stocks in the brokerage, value by hand', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/location`);
    await page.getByRole('heading', { level: 1, name: 'Location' }).waitFor();
    await editor(page).fill(HAND_CASE);
    await place(page);

    // The holdings table: one fund per account, the whole balance.
    const rows = page
      .getByRole('table', { name: 'Dollars per fund by account' })
      .locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const ira = 'tr[data-account="ira"]';
    const brokerage = 'tr[data-account="brokerage"]';
    expect(await cell(page, ira, 'fund').textContent()).toBe('BND');
    expect(await cell(page, ira, 'dollars').textContent()).toBe('$100,000.00');
    expect(await cell(page, ira, 'share').textContent()).toBe('100.0%');
    expect(await cell(page, brokerage, 'fund').textContent()).toBe('VTI');
    expect(await cell(page, brokerage, 'dollars').textContent()).toBe('$100,000.00');

    // The exposures table: each target 0.5 × 200,000 = 100,000, placed, where it sits.
    const bonds = 'tr[data-exposure="broad_ust"]';
    const stocks = 'tr[data-exposure="us_large_equity"]';
    expect(await cell(page, bonds, 'target').textContent()).toBe('$100,000.00');
    expect(await cell(page, bonds, 'placed').textContent()).toBe('$100,000.00');
    expect(await cell(page, bonds, 'miss').textContent()).toBe('$0.00');
    expect(await cell(page, bonds, 'in-ira').textContent()).toBe('$100,000.00');
    expect(await cell(page, bonds, 'in-brokerage').textContent()).toBe('$0.00');
    expect(await cell(page, bonds, 'drag').textContent()).toBe('1.40%');
    expect(await cell(page, stocks, 'in-brokerage').textContent()).toBe('$100,000.00');
    expect(await cell(page, stocks, 'in-ira').textContent()).toBe('$0.00');
    expect(await cell(page, stocks, 'drag').textContent()).toBe('0.80%');

    // The tiles: the hand figures, to the cent.
    expect(cents(VALUE)).toBe(293_510.88);
    expect(cents(NAIVE)).toBe(281_928.06);
    expect(await tile(page, 'value').textContent()).toBe(usd.format(cents(VALUE)));
    expect(await tile(page, 'value-naive').textContent()).toBe(usd.format(cents(NAIVE)));
    expect(await tile(page, 'drag').textContent()).toBe('$800.00');
    expect(await tile(page, 'drag-naive').textContent()).toBe('$1,100.00');
    expect(await tile(page, 'drag-saved').textContent()).toBe('$300.00');
    // Each tile carries its definition.
    expect(await page.locator('[data-tile="value"] .tile-sub').textContent()).toBe(
      'Dollars after tax in 10 years of this placement: the value the program maximises.',
    );
    await shot(page, 'location-hand-case');
    expect(errors).toEqual([]);
  });

  it('places the prefilled example on a phone: no sideways scroll', async () => {
    const page = await dash.page({ width: 375, height: 800 });
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/location`);
    expect(await editor(page).inputValue()).toContain('name: brokerage, type: taxable');
    await place(page);
    // docs/asset-location.md, "The example": the 401(k) holds $300,000 of BND.
    const k = 'tr[data-account="401k"][data-fund="BND"]';
    expect(await cell(page, k, 'dollars').textContent()).toBe('$300,000.00');
    await page.getByRole('table', { name: 'Target and placement by exposure' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    // The body hides sideways overflow: no tile may stick out of its panel either.
    const overflow = await page.evaluate(`[...document.querySelectorAll('.tile-box')].filter(
      (t) => t.getBoundingClientRect().right > t.closest('section').getBoundingClientRect().right,
    ).length`);
    expect(overflow).toBe(0);
    await shot(page, 'location-phone');
    expect(errors).toEqual([]);
  });

  it("shows a bad field's error where it names it (dark theme)", async () => {
    const page = await dash.page({ dark: true });
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/location`);
    const bad = HAND_CASE.replace('ordinaryRate: 0.35', 'ordinaryRate: 35');
    await editor(page).fill(bad);
    await page.getByRole('button', { name: 'Place assets' }).click();
    const api = await postLocation(dash.url, bad);
    expect(api.status).toBe(400);
    expect(api.body.details.field).toBe('tax.ordinaryRate');
    const shown = page.locator('#location-config-error');
    await expect
      .poll(() => shown.locator('[data-field]').getAttribute('data-field'))
      .toBe('tax.ordinaryRate');
    expect(await shown.getByRole('alert').locator('p').first().textContent()).toBe(
      api.body.message,
    );
    expect(api.body.message).toContain('accounts: tax.ordinaryRate');
    expect(await editor(page).getAttribute('aria-invalid')).toBe('true');
    expect(await editor(page).getAttribute('aria-describedby')).toBe('location-config-error');
    await shot(page, 'location-error');
    // The browser logs the refused POST itself (400); nothing else may go wrong.
    expect(errors.filter((e) => !e.includes('status of 400 (Bad Request)'))).toEqual([]);
  });
});
