/**
 * The dashboard's performance budget, measured in chromium on this machine against the real
 * server: the first load of the Overview — with closes stored, so it draws its growth and
 * drawdown charts and loads the charting code (test closes, `demo-test-closes.ts`) — in a fresh
 * browser context with nothing cached, transfers under
 * 300 KB of JavaScript as sent over the wire (compressed: the server sends the build's `.br`
 * files), and the page is interactive — the value tile rendered from the API's answer — in
 * under 2 s from navigation start (the navigation is then clicked and must answer). The time is the best
 * of three cold loads (each a fresh browser context: nothing cached), since other test files
 * share this machine's two cores while this one runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.ts';
import { startDashboard, type Dashboard } from '../helpers/dashboard.ts';
import { storeDemoTestCloses } from '../helpers/demo-test-closes.ts';

const JS_BUDGET_BYTES = 300 * 1024;
const INTERACTIVE_BUDGET_MS = 2000;

/** One load of the overview in a fresh context: script sizes as sent, and the interactive time. */
async function coldLoad(dash: Dashboard) {
  const page = await dash.page();
  const scripts = new Map<string, number>();
  const encodings = new Set<string>();
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('javascript')) return;
    encodings.add(response.headers()['content-encoding'] ?? 'identity');
    scripts.set(response.url(), Number(response.headers()['content-length'] ?? NaN));
  });
  await page.goto(`${dash.url}/?p=demo`);
  await page.locator('.tile', { hasText: 'Total value' }).locator('.tile-value').waitFor();
  // Interactive: the value is on screen from the API's answer (React has rendered data).
  const interactiveMs = await page.evaluate<number>('performance.now()');
  // Then the charts (so their code counts in the bytes) and a click that must answer.
  await page.locator('.chart canvas').nth(1).waitFor();
  await page.locator('nav.pages a', { hasText: 'Exposures' }).click();
  await page.locator('h1', { hasText: 'Exposures' }).waitFor();
  await page.context().close();
  return { interactiveMs, scripts, encodings };
}

describe.skipIf(!hasChromium)('the dashboard budget (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard();
    await storeDemoTestCloses(dash.deps);
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('first load of the overview: < 300 KB compressed JavaScript, interactive in < 2 s', async () => {
    // A warm-up load in another context, so the server's first-request costs (module loads,
    // the store's first read) are not counted against the browser; this page's cache is empty.
    const warm = await dash.page();
    await warm.goto(`${dash.url}/?p=demo`);
    await warm.locator('.tile-value').first().waitFor();
    await warm.context().close();

    const loads: { interactiveMs: number; scripts: Map<string, number>; encodings: Set<string> }[] =
      [];
    for (let run = 0; run < 3; run++) loads.push(await coldLoad(dash));
    const { scripts, encodings } = loads[0]!;
    const interactiveMs = Math.min(...loads.map((l) => l.interactiveMs));
    // Every script's size as sent (content-length of the compressed body).
    const sizes = [...scripts.values()];
    expect(sizes.every(Number.isFinite)).toBe(true);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(
      `overview first load: ${scripts.size} scripts, ${(total / 1024).toFixed(1)} KB compressed (${[...encodings].join(', ')}), interactive at ${interactiveMs.toFixed(0)} ms (best of ${loads.map((l) => l.interactiveMs.toFixed(0)).join(', ')})`,
    );
    expect(encodings).toEqual(new Set(['br']));
    expect(total).toBeGreaterThan(10 * 1024); // the measurement saw the app's scripts
    expect(total).toBeLessThan(JS_BUDGET_BYTES);
    expect(interactiveMs).toBeLessThan(INTERACTIVE_BUDGET_MS);
  });
});
