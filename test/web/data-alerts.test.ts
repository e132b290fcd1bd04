/**
 * The Alerts panel of the Data page in chromium: with no alerts stored it says where they come
 * from; two alerts written straight to the server's store (made-up test alerts, not a refresh)
 * are listed newest first with their time (UTC), symbol, code, message and source, and the
 * legend gives each code's meaning. Screenshots at desktop, phone and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StoredAlert } from '../../src/app/data-alerts.ts';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';

/** `Mar 3, 2025 14:05 UTC` from `2025-03-03T14:05:…Z`, written here with en-US Intl. */
const usTime = (iso: string): string =>
  `${new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso))} ${iso.slice(11, 16)} UTC`;

const panel = (page: Page) => page.locator('section[aria-label="Alerts"]');
const rows = (page: Page) => panel(page).locator('table[aria-label="Data alerts"] tbody tr');

describe.skipIf(!hasChromium)('the Alerts panel of the Data page (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard({ demo: false });
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('says where alerts come from while none is stored, and lists the codes', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/data`);
    await panel(page).getByText('No data alerts stored.').waitFor();
    expect(await rows(page).count()).toBe(0);
    const legend = await panel(page).locator('dl[aria-label="Alert codes"] dt').allInnerTexts();
    expect(legend).toEqual([
      'GAP',
      'STALE_CLOSE',
      'JUMP',
      'SPLIT_LIKE_JUMP',
      'DATA_STALE',
      'CORPORATE_ACTION_PROPOSED',
    ]);
    expect(await panel(page).innerText()).toContain(
      'Every provider failed for the missing tail; the stored data was left exactly as it was.',
    );
    await shot(page, 'data-alerts-empty');
    expect(errors).toEqual([]);
  });

  it('lists two stored alerts newest first with time, symbol, code, message and source', async () => {
    const store = await dash.deps.store();
    const [stale] = await store.alerts.add([
      {
        symbol: 'testagg',
        code: 'DATA_STALE',
        message: 'TESTAGG: every provider failed for 2025-03-04..2025-03-05',
        source: 'stooq',
      },
    ]);
    const [gap] = await store.alerts.add([
      {
        symbol: 'TESTSPY',
        code: 'GAP',
        message: 'TESTSPY: 1 NYSE trading day missing before 2025-03-06',
        source: 'refresh',
      },
    ]);
    // The API gives them oldest first (the `data alerts` document).
    const api = (await (await fetch(`${dash.url}/api/v1/data/alerts`)).json()) as StoredAlert[];
    expect(api.map((a) => a.id)).toEqual([stale!.id, gap!.id]);

    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/data`);
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(2);
    const cells = async (i: number) => rows(page).nth(i).locator('th, td').allInnerTexts();
    expect(await cells(0)).toEqual([
      usTime(gap!.createdAt),
      'TESTSPY',
      'GAP',
      'TESTSPY: 1 NYSE trading day missing before 2025-03-06',
      'refresh',
    ]);
    expect(await cells(1)).toEqual([
      usTime(stale!.createdAt),
      'TESTAGG',
      'DATA_STALE',
      'TESTAGG: every provider failed for 2025-03-04..2025-03-05',
      'stooq',
    ]);
    expect(await rows(page).nth(0).locator('.badge').getAttribute('title')).toBe(
      'NYSE trading days missing between stored bars (holidays are not gaps).',
    );
    expect(await panel(page).getByText('No data alerts stored.').count()).toBe(0);
    expect(errors).toEqual([]);

    for (const [name, options] of [
      ['data-alerts-desktop', { width: 1280 }],
      ['data-alerts-phone', { width: 375, height: 800 }],
      ['data-alerts-dark', { width: 1280, dark: true }],
    ] as const) {
      const view = await dash.page(options);
      const viewErrors = collectPageErrors(view);
      await view.goto(`${dash.url}/data`);
      await rows(view).first().waitFor();
      if (options.width === 375)
        expect(await view.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
          375,
        );
      await shot(view, name);
      expect(viewErrors).toEqual([]);
    }
  });
});
