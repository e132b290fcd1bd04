/**
 * The dashboard's shell in chromium: served by the API's process at `/` and at every page's own
 * path (a refresh on /risk loads the app), the seven pages in the navigation, the demo portfolio
 * picked, the theme switch, and API paths never answered with the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyCreate } from '../../src/app/key-create.ts';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, startDashboard, type Dashboard } from '../helpers/dashboard.ts';

describe.skipIf(!hasChromium)('the dashboard shell (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard();
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('loads at a page path, lists the pages and picks the demo portfolio', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/risk`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Risk');
    const nav = await page.locator('nav.pages a').allTextContents();
    expect(nav).toEqual([
      'Overview',
      'Holdings',
      'Tax',
      'Exposures',
      'Risk',
      'Optimize',
      'Backtest',
      'Simulate',
      'Location',
      'Transactions',
      'Data',
    ]);
    expect(await page.locator('nav.pages a[aria-current="page"]').textContent()).toBe('Risk');
    expect(await page.locator('header.top select').inputValue()).toBe('demo');
    await page.locator('nav.pages a', { hasText: 'Holdings' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Holdings');
    expect(new URL(page.url()).pathname).toBe('/holdings');
    expect(errors).toEqual([]);
  });

  it('switches between light and dark and remembers the choice', async () => {
    const page = await dash.page();
    await page.goto(dash.url);
    const theme = () => page.evaluate<string | undefined>('document.documentElement.dataset.theme');
    expect(await theme()).toBe('light');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await theme()).toBe('dark');
    await page.reload();
    expect(await theme()).toBe('dark');
  });

  it('is reachable from the keyboard: skip link, then the pages by Tab and Enter', async () => {
    const page = await dash.page();
    await page.goto(`${dash.url}/?p=demo`);
    await page.locator('nav.pages a').first().waitFor();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate<string>('document.activeElement?.textContent ?? ""');
    expect(await focused()).toBe('Skip to content');
    for (let i = 0; i < 12 && (await focused()) !== 'Risk'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Risk');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Risk');
  });

  it('answers API paths with the API, never with the app', async () => {
    const res = await fetch(`${dash.url}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
    const page = await fetch(`${dash.url}/exposures?p=demo`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root"></div>');
  });
});

describe.skipIf(!hasChromium)('the dashboard on a server that requires keys (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard({ auth: 'required' });
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('asks for a key, then shows the portfolio with it', async () => {
    const { key } = await keyCreate({ scope: 'read', name: 'browser test' }, dash.deps);
    const page = await dash.page();
    await page.goto(`${dash.url}/`);
    await page.getByRole('heading', { name: 'API key needed' }).waitFor();
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await expect.poll(() => page.locator('header.top select').inputValue()).toBe('demo');
    expect(await page.evaluate<string | null>("localStorage.getItem('ballast.apiKey')")).toBe(key);
  });
});
