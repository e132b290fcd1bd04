/**
 * The Data page in chromium, offline: an empty store says how to import data; closes imported
 * through `POST /api/v1/data/import` (a small CSV written here, clearly test data) are listed
 * with their range, row count, source, age and quality score as the API reports them; Refresh
 * (one symbol, and all) runs offline and shows why nothing was refreshed — the offline note the
 * data-fetch run reports. Screenshots at desktop, phone and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';

/** A parsed JSON document (tests read into it freely). */
type Doc = ReturnType<typeof JSON.parse>;

/** Test data: seven made-up closes of a made-up symbol over seven NYSE trading days. */
const SYMBOL = 'TESTCLOSE';
const CLOSES_CSV = [
  'date,close',
  '2025-03-03,100.00',
  '2025-03-04,101.50',
  '2025-03-05,99.25',
  '2025-03-06,102.00',
  '2025-03-07,103.10',
  '2025-03-10,102.40',
  '2025-03-11,104.00',
].join('\n');

/** `Mar 3, 2025`: the page's date format (format.ts `date`, en-US). */
const usDate = (iso: string): string =>
  new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

async function importCloses(url: string): Promise<void> {
  const res = await fetch(
    `${url}/api/v1/data/import?symbol=${SYMBOL}&kind=prices&name=test-closes.csv`,
    { method: 'POST', headers: { 'content-type': 'text/csv' }, body: CLOSES_CSV },
  );
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual([{ id: SYMBOL, kind: 'prices', rows: 7, written: 7 }]);
}

const row = (page: Page) => page.locator(`table[aria-label="Stored data"] tr[data-id="${SYMBOL}"]`);
const refreshPanel = (page: Page) => page.locator('section[aria-label="Refresh"]');

describe.skipIf(!hasChromium)('the Data page (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard();
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('says how to import data while the store holds none', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/data`);
    const panel = page.locator('section[aria-label="Stored data"]');
    await panel.getByText('The store holds no market data yet').waitFor();
    const text = await panel.innerText();
    expect(text).toContain('ballast data import --csv closes.csv --symbol SPY');
    expect(text).toContain('POST /api/v1/data/import');
    expect(await page.getByRole('button', { name: 'Refresh all' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('lists imported closes with their range, rows, age and quality, and shows an offline refresh failing', async () => {
    await importCloses(dash.url);
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/data`);
    await row(page).waitFor();
    const [listed] = ((await (await fetch(`${dash.url}/api/v1/data`)).json()) as Doc).filter(
      (e: Doc) => e.id === SYMBOL,
    );
    expect(listed).toMatchObject({ first: '2025-03-03', last: '2025-03-11', rows: 7 });
    const cells = await row(page).locator('th, td').allInnerTexts();
    expect(cells.slice(0, 6)).toEqual([
      SYMBOL,
      'prices',
      usDate('2025-03-03'),
      usDate('2025-03-11'),
      '7',
      'csv:test-closes.csv',
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const age = Math.round((Date.parse(today) - Date.parse('2025-03-11')) / 86_400_000);
    expect(cells[7]).toContain(`${age.toLocaleString('en-US')} days old`);
    expect(await row(page).locator('.badge.stale').textContent()).toBe('stale');
    const quality = (await (
      await fetch(`${dash.url}/api/v1/data/quality?symbols=${SYMBOL}`)
    ).json()) as Doc;
    await expect
      .poll(() => row(page).locator('td').nth(7).innerText())
      .toContain(`score ${quality[SYMBOL].score}`);

    await page.getByRole('button', { name: `Refresh ${SYMBOL}` }).click();
    const alert = refreshPanel(page).getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const runs = (await (await fetch(`${dash.url}/api/v1/runs?limit=1`)).json()) as Doc;
    const [fetchRun] = runs.runs;
    expect(fetchRun).toMatchObject({ kind: 'data-fetch', status: 'succeeded' });
    const [result] = fetchRun.result.rows;
    expect(result).toMatchObject({ id: SYMBOL, stale: true });
    expect(result.note).toMatch(/offline/);
    expect(await alert.innerText()).toContain(
      `${SYMBOL}: not refreshed: stored data served (${result.note})`,
    );
    await shot(page, 'data-refresh');
    expect(errors).toEqual([]);
  });

  it('looks right at desktop, phone and dark, with Refresh all run', async () => {
    for (const [name, options] of [
      ['data-desktop', { width: 1280 }],
      ['data-phone', { width: 375, height: 800 }],
      ['data-dark', { width: 1280, dark: true }],
    ] as const) {
      const page = await dash.page(options);
      const errors = collectPageErrors(page);
      await page.goto(`${dash.url}/data`);
      await row(page).waitFor();
      await page.getByRole('button', { name: 'Refresh all' }).click();
      await refreshPanel(page).getByRole('alert').waitFor({ timeout: 30_000 });
      if (options.width === 375)
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
          375,
        );
      await shot(page, name);
      expect(errors).toEqual([]);
    }
  });
});
