/**
 * The Simulate page in chromium, offline on the demo server: a config with CONSTANT returns (every
 * row 1 %, made up for the test) run as a `simulate` job, whose every percentile is then
 * initial·1.01^year by hand — the percentile table under the fan chart and the tiles show those
 * figures, and the chart is drawn; the prefilled example (sample returns inline) runs and fits a
 * phone without sideways scroll; a bad field shows the API's error naming it. Screenshots light,
 * phone and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';

/** A parsed JSON document (tests read into it freely). */
type Doc = ReturnType<typeof JSON.parse>;

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const pct = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * Made-up annual returns: two assets, every row exactly 1 %, so any 0.6/0.4 mix returns 1 % a
 * year on every path whichever rows the bootstrap draws.
 */
const CONSTANT = `weights: { A: 0.6, B: 0.4 }
method: bootstrap
periodsPerYear: 1
paths: 200
years: 5
initial: 1000
seed: 3
returns:
  name: constant 1 % a year (made up)
  text: |
    date,A,B
    2015-12-31,0.01,0.01
    2016-12-31,0.01,0.01
    2017-12-31,0.01,0.01
    2018-12-31,0.01,0.01
    2019-12-31,0.01,0.01
    2020-12-31,0.01,0.01
    2021-12-31,0.01,0.01
    2022-12-31,0.01,0.01
`;

/**
 * 1000·1.01^y by hand: 1000, 1010, 1020.10, 1030.301, 1040.60401, 1051.0100501 (each the one
 * before × 1.01), in cents as the document rounds money.
 */
const BY_YEAR = [1000, 1010, 1020.1, 1030.3, 1040.6, 1051.01];

/**
 * Safe withdrawal rate of a path growing 1 % a year over 5 annual payments (docs/simulate.md):
 * R = min_j G_j / (A_j + 1), G_j = 1.01^j, A_j = Σ_{i=1}^{j−1} 1.01^i (earlier payments grown).
 * j = 1: 1.01/1; j = 2: 1.0201/2.01 = 0.50751; j = 3: 1.030301/3.0301 = 0.34002; j = 4:
 * 1.04060401/4.060401 = 0.25628; j = 5: 1.0510100501/5.10100501 = 0.20604 — the smallest.
 */
const SWR = 1.0510100501 / 5.10100501;

const panel = (page: Page, title: string): Locator =>
  page.locator(`section[aria-label="${title}"]`);
const editor = (page: Page): Locator => page.getByLabel('Config (YAML or JSON)');
const tile = (page: Page, key: string): Locator => page.locator(`[data-tile="${key}"] .tile-value`);

/** Presses Run and waits for the run's result; returns the run as the API gives it. */
async function run(page: Page, url: string): Promise<Doc> {
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const result = panel(page, 'Outcomes').locator('[data-run]');
  await result.waitFor({ timeout: 60_000 });
  const id = await result.getAttribute('data-run');
  return (await fetch(`${url}/api/v1/runs/${id}`)).json();
}

/** Pixels of a panel's chart canvas that are not transparent. */
async function drawnPixels(page: Page, title: string): Promise<number> {
  await panel(page, title).locator('canvas').first().waitFor();
  return page.evaluate(`(() => {
    const c = document.querySelector('section[aria-label="${title}"] canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  })()`);
}

async function postSimulate(url: string, text: string): Promise<{ status: number; body: Doc }> {
  const res = await fetch(`${url}/api/v1/simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ config: { text, name: 'config' } }),
  });
  return { status: res.status, body: await res.json() };
}

describe.skipIf(!hasChromium)('the Simulate page (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard();
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('runs constant 1 % returns: every percentile is 1000·1.01^year in the table and tiles', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/simulate`);
    await page.getByRole('heading', { level: 1, name: 'Simulate' }).waitFor();
    await editor(page).fill(CONSTANT);
    const done = await run(page, dash.url);
    expect(done).toMatchObject({ kind: 'simulate', status: 'succeeded' });
    // The document itself: the hand figures.
    for (const q of ['p5', 'p25', 'p50', 'p75', 'p95'])
      expect(done.result.percentiles[q]).toEqual(BY_YEAR);

    // The chart's numbers, year by year, every quantile column.
    const table = page.getByRole('table', { name: 'Value percentiles by year' });
    await page.getByText("The chart's numbers").click();
    for (const [year, value] of BY_YEAR.entries()) {
      const cells = await table.locator(`tr[data-year="${year}"] td`).allInnerTexts();
      expect(cells).toEqual(Array(5).fill(usd.format(value)));
    }
    expect(BY_YEAR[5]).toBeCloseTo(1000 * 1.01 ** 5, 2);

    expect(await tile(page, 'terminal-median').textContent()).toBe('$1,051.01');
    expect(await tile(page, 'terminal-mean').textContent()).toBe('$1,051.01');
    expect(await tile(page, 'terminal-p5').textContent()).toBe('$1,051.01');
    expect(await tile(page, 'terminal-p95').textContent()).toBe('$1,051.01');
    expect(await tile(page, 'success').textContent()).toBe('100.00%');
    expect(await tile(page, 'depletion').textContent()).toBe('0.00%');
    expect(await tile(page, 'depletion-year').textContent()).toBe('—');
    expect(await tile(page, 'drawdown-p95').textContent()).toBe('0.00%');
    expect(await tile(page, 'swr-p95').textContent()).toBe(pct.format(SWR));
    expect(pct.format(SWR)).toBe('20.60%');
    // Each tile carries its definition.
    expect(await page.locator('[data-tile="success"] .tile-sub').textContent()).toBe(
      'Share of paths never depleted over the horizon.',
    );
    await expect
      .poll(() => drawnPixels(page, 'Value by year'), { timeout: 10_000 })
      .toBeGreaterThan(5000);
    await shot(page, 'simulate-constant');
    expect(errors).toEqual([]);
  });

  it('depletes every path when 250 a year leaves 1,000 at zero returns (docs example)', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/simulate`);
    // Zero returns, 1,000 initial, 250 a year: 750, 500, 250, 0 at the ends of years 1–4;
    // year 5 cannot pay 250, so every path is depleted in year 5.
    const text = CONSTANT.replaceAll(',0.01,0.01', ',0,0').replace(
      'initial: 1000',
      'initial: 1000\nwithdrawal: { amount: 250, every: annual }',
    );
    await editor(page).fill(text);
    const { result } = await run(page, dash.url);
    expect(result.percentiles.p50).toEqual([1000, 750, 500, 250, 0, 0]);
    expect(await tile(page, 'success').textContent()).toBe('0.00%');
    expect(await tile(page, 'depletion').textContent()).toBe('100.00%');
    expect(await tile(page, 'depletion-year').textContent()).toBe('5');
    expect(await tile(page, 'terminal-mean').textContent()).toBe('$0.00');
    expect(errors).toEqual([]);
  });

  it('runs the prefilled example on a phone: no sideways scroll', async () => {
    const page = await dash.page({ width: 375, height: 800 });
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/simulate`);
    expect(await editor(page).inputValue()).toContain('date,EQUITY,BONDS');
    const done = await run(page, dash.url);
    expect(done.result).toMatchObject({ paths: 2000, years: 30, method: 'block-bootstrap' });
    expect(done.result.history).toEqual({ from: '2020-09-30', to: '2025-05-31', rows: 57 });
    expect(await tile(page, 'success').textContent()).toBe(
      pct.format(done.result.successProbability),
    );
    await expect
      .poll(() => drawnPixels(page, 'Value by year'), { timeout: 10_000 })
      .toBeGreaterThan(5000);
    // Unfolded, the fields' list and the percentile table fit too (the table scrolls in its box).
    await page.getByText("The config's fields").click();
    await page.getByText("The chart's numbers").click();
    await page.getByRole('table', { name: 'Value percentiles by year' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot(page, 'simulate-phone');
    expect(errors).toEqual([]);
  });

  it("shows a bad field's error where it names it (dark theme)", async () => {
    const page = await dash.page({ dark: true });
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/simulate`);
    const bad = CONSTANT.replace('years: 5', 'years: 0');
    await editor(page).fill(bad);
    await page.getByRole('button', { name: 'Run simulation' }).click();
    const api = await postSimulate(dash.url, bad);
    expect(api.status).toBe(400);
    expect(api.body.details.field).toBe('years');
    const shown = page.locator('#simulate-config-error');
    await expect.poll(() => shown.locator('[data-field]').getAttribute('data-field')).toBe('years');
    expect(await shown.getByRole('alert').locator('p').first().textContent()).toBe(
      api.body.message,
    );
    expect(await editor(page).getAttribute('aria-invalid')).toBe('true');
    expect(await editor(page).getAttribute('aria-describedby')).toBe('simulate-config-error');
    await shot(page, 'simulate-error');
    expect(errors).toEqual([]);
  });
});
