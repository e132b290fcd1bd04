/**
 * The Backtest page in chromium, offline on the demo server with made-up test closes of the
 * demo's funds and SPY stored (test/helpers/demo-test-closes.ts): the prefilled example runs as a
 * `backtest` job and the comparison table shows exactly the run's document (fetched here, and
 * equal to `POST /api/v1/backtest` on the same config), formatted; both charts are drawn; the
 * made-up example with its closes inline runs too; a bad config shows the API's error with the
 * field it names. Screenshots light and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';
import { storeDemoTestCloses } from '../helpers/demo-test-closes.ts';

/** A parsed JSON document (tests read into it freely). */
type Doc = ReturnType<typeof JSON.parse>;

const en = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-US', options);
const usd = en({ style: 'currency', currency: 'USD' });
const pct = en({ style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = (text: (x: number) => string) => (x: number | null) =>
  x === null ? '—' : x > 0 ? `+${text(x)}` : x < 0 ? `−${text(-x)}` : text(x);

/**
 * The row of a strategy as the page should show it: the document's numbers in the formats of
 * web/src/format.ts (en-US, as the tests pin it), the max drawdown as a fall.
 */
function expectedRow(s: Doc): string[] {
  const m = s.metrics;
  return [
    usd.format(s.finalValue),
    signed((x) => pct.format(x))(s.twr),
    signed((x) => pct.format(x))(s.mwr),
    signed((x) => pct.format(x))(s.twrAnnualized),
    pct.format(m.annualizedVolatility),
    signed((x) => pct.format(x))(m.maxDrawdown === 0 ? 0 : -m.maxDrawdown),
    en({ maximumFractionDigits: 2 }).format(m.sharpe),
    usd.format(s.costs),
    signed((x) => usd.format(x))(s.interest),
    String(s.rebalances.length),
  ];
}

const panel = (page: Page, title: string): Locator =>
  page.locator(`section[aria-label="${title}"]`);
const editor = (page: Page): Locator => page.getByLabel('Config (YAML or JSON)');

/** Presses Run and waits for the run's result; returns the run as the API gives it. */
async function run(page: Page, url: string): Promise<Doc> {
  await page.getByRole('button', { name: 'Run backtest' }).click();
  const result = panel(page, 'Strategies compared').locator('[data-run]');
  await result.waitFor({ timeout: 60_000 });
  const id = await result.getAttribute('data-run');
  return (await fetch(`${url}/api/v1/runs/${id}`)).json();
}

/** The table's rows: strategy name → its cells' text. */
async function shownRows(page: Page): Promise<Record<string, string[]>> {
  const table = page.getByRole('table', { name: 'Strategies compared' });
  const rows: Record<string, string[]> = {};
  for (const tr of await table.locator('tbody tr').all())
    rows[(await tr.getAttribute('data-strategy'))!] = await tr.locator('td').allInnerTexts();
  return rows;
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

async function postBacktest(url: string, text: string): Promise<{ status: number; body: Doc }> {
  const res = await fetch(`${url}/api/v1/backtest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ config: { text, name: 'config' } }),
  });
  return { status: res.status, body: await res.json() };
}

describe.skipIf(!hasChromium)('the Backtest page (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard();
    await storeDemoTestCloses(dash.deps);
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('runs the example on the stored closes: the table is the document, and the charts are drawn', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/backtest`);
    await page.getByRole('heading', { level: 1, name: 'Backtest' }).waitFor();
    const text = await editor(page).inputValue();
    expect(text).toContain('symbols: [SPY, BND, NTSX, UPRO, DBMF]');

    const done = await run(page, dash.url);
    expect(done).toMatchObject({ kind: 'backtest', status: 'succeeded' });
    const doc = done.result;
    // The synchronous route gives the same document for the same text.
    expect(await postBacktest(dash.url, text)).toEqual({ status: 200, body: doc });
    expect(doc.prices).toBe('the store');
    expect(doc.strategies.map((s: Doc) => s.name)).toEqual([
      '60-40',
      '90-60 levered',
      'NTSX + UPRO + DBMF',
      '60-40 saving',
    ]);

    const expected = Object.fromEntries(
      [...doc.strategies, doc.benchmark].map((s: Doc) => [s.name, expectedRow(s)]),
    );
    expect(await shownRows(page)).toEqual(expected);
    expect(Object.keys(expected).at(-1)).toBe('SPY (benchmark)');
    // The saving strategy's MWR differs from its TWR (its flows), and it rebalanced monthly.
    const saving = doc.strategies[3];
    expect(saving.flows.length).toBeGreaterThan(12);
    expect(saving.mwr).not.toBeCloseTo(saving.twr, 3);
    const tiles = await panel(page, 'Strategies compared').locator('.tile').allInnerTexts();
    expect(tiles.join('\n')).toContain(usd.format(doc.initial));
    expect(tiles.join('\n')).toContain(`${doc.window.rows.toLocaleString('en-US')} trading days`);

    for (const title of ['Growth of $1 and drawdown', 'Rolling 12-month return'])
      await expect.poll(() => drawnPixels(page, title), { timeout: 10_000 }).toBeGreaterThan(5000);
    expect(
      await panel(page, 'Rolling 12-month return').locator('.chart').getAttribute('aria-label'),
    ).toContain('60-40, 90-60 levered, NTSX + UPRO + DBMF, 60-40 saving and the benchmark SPY');
    await shot(page, 'backtest');
    expect(errors).toEqual([]);
  });

  it('runs the made-up example with its closes inline, named as made up', async () => {
    const page = await dash.page({ dark: true });
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/backtest`);
    await page.getByLabel('Example').selectOption({ label: 'Made-up prices (examples/backtest)' });
    expect(await editor(page).inputValue()).toContain('date,EQ,BD,MKT');
    const { result: doc } = await run(page, dash.url);
    expect(doc.prices).toBe('made-up example prices (examples/backtest/prices.csv)');
    // examples/backtest/prices.csv: every weekday of 2022 and 2023 (260 + 260 rows).
    expect(doc.window).toEqual({ from: '2022-01-03', to: '2023-12-29', rows: 520 });
    expect(await shownRows(page)).toEqual(
      Object.fromEntries(
        [...doc.strategies, doc.benchmark].map((s: Doc) => [s.name, expectedRow(s)]),
      ),
    );
    expect(await panel(page, 'Strategies compared').textContent()).toContain(
      'made-up example prices',
    );
    await expect
      .poll(() => drawnPixels(page, 'Rolling 12-month return'), { timeout: 10_000 })
      .toBeGreaterThan(5000);
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    await shot(page, 'backtest-dark');
    expect(errors).toEqual([]);
  });

  it('fits a phone: no sideways scroll, the table scrolls in its box', async () => {
    const page = await dash.page({ width: 375, height: 800 });
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/backtest`);
    await run(page, dash.url);
    await panel(page, 'Growth of $1 and drawdown').locator('canvas').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot(page, 'backtest-phone');
    expect(errors).toEqual([]);
  });

  it("shows a bad config's error with the field it names, and a prices path refused", async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/backtest`);
    const good = await editor(page).inputValue();
    const bad = good.replace('weights: { SPY: 0.6, BND: 0.4 }', 'weights: { SPY: -0.6, BND: 0.4 }');
    expect(bad).not.toBe(good);
    await editor(page).fill(bad);
    await page.getByRole('button', { name: 'Run backtest' }).click();
    const api = await postBacktest(dash.url, bad);
    expect(api.status).toBe(400);
    expect(api.body.details.field).toBe('strategies[0].weights.SPY');
    const shown = page.locator('#backtest-config-error');
    await expect
      .poll(() => shown.locator('[data-field]').getAttribute('data-field'))
      .toBe('strategies[0].weights.SPY');
    expect(await shown.getByRole('alert').locator('p').first().textContent()).toBe(
      api.body.message,
    );
    expect(await editor(page).getAttribute('aria-invalid')).toBe('true');
    expect(await editor(page).getAttribute('aria-describedby')).toBe('backtest-config-error');
    await shot(page, 'backtest-error');

    await editor(page).fill(good.replace(/^symbols: .*$/m, 'prices: /etc/passwd'));
    await page.getByRole('button', { name: 'Run backtest' }).click();
    await expect
      .poll(() => shown.locator('[data-field]').getAttribute('data-field'))
      .toBe('prices');
    expect(await shown.textContent()).toContain("files are not read from the server's disk");
    expect(errors).toEqual([]);
  });
});
