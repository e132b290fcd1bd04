/**
 * The Risk page in chromium over the demo portfolio: volatility, VaR and CVaR (one month and one
 * year) with the method sentence as the API's `risk` document gives them (formatted en-US here,
 * an independent path), a covariance choice fetching the document for it, the contributions
 * chart and tables, the correlation heatmap and table, the built-in stress scenarios as
 * `POST …/stress {}` answers them, and a custom shock. Screenshots at desktop, phone and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RiskDocument } from '../../src/app/risk.ts';
import type { ScenarioDocument, StressDocument } from '../../src/app/stress.ts';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';

const money = (x: number): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(x);
const signedMoney = (x: number): string =>
  x < 0 ? `−${money(-x)}` : x > 0 ? `+${money(x)}` : money(x);
const percent = (x: number): string =>
  new Intl.NumberFormat('en-US', {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(x);

const panel = (page: Page, title: string) => page.locator(`section.panel[aria-label="${title}"]`);

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe.skipIf(!hasChromium)('the Risk page (chromium)', () => {
  let dash: Dashboard;
  let risk: RiskDocument;
  let stress: StressDocument;
  beforeAll(async () => {
    dash = await startDashboard();
    risk = await getJson<RiskDocument>(`${dash.url}/api/v1/portfolios/demo/risk`);
    stress = await getJson<StressDocument>(`${dash.url}/api/v1/portfolios/demo/stress`, post({}));
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('shows volatility, VaR and CVaR and the method as the risk document gives them', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/risk?p=demo`);
    const top = panel(page, 'Volatility and value at risk');
    const tiles = top.locator('.tile');
    await expect.poll(() => tiles.count(), { timeout: 15_000 }).toBe(5);
    const text = await tiles.allTextContents();
    const { oneMonth, oneYear } = risk.valueAtRisk;
    expect(text[0]).toContain(percent(risk.volatilityAnnual));
    expect(text[1]).toContain(money(oneMonth.varAmount));
    expect(text[1]).toContain(`${percent(oneMonth.var)} of NAV at 95%`);
    expect(text[2]).toContain(money(oneMonth.cvarAmount));
    expect(text[2]).toContain(percent(oneMonth.cvar));
    expect(text[3]).toContain(money(oneYear.varAmount));
    expect(text[3]).toContain(percent(oneYear.var));
    expect(text[4]).toContain(money(oneYear.cvarAmount));
    expect(text[4]).toContain(percent(oneYear.cvar));
    // The demo's NAV is its total value: 83,167.08 (see exposures.test.ts for the arithmetic).
    expect(risk.nav).toBe(83167.08);
    const method = await top.locator('dl').textContent();
    expect(method).toContain(risk.valueAtRisk.method);
    expect(method).toContain('$83,167.08 as of Sep 30, 2025');
    expect(method).toContain(risk.covariance.method);

    const chart = panel(page, 'Risk contributions');
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await chart.locator('[role="img"]').getAttribute('aria-label')).toContain(
      'US Large Cap Equity Beta',
    );
    await chart.getByRole('button', { name: 'By position' }).click();
    await expect
      .poll(() => chart.locator('[role="img"]').getAttribute('aria-label'))
      .toContain('UPRO · MARGIN');
    expect(await panel(page, 'Contributions by exposure').locator('tbody tr').count()).toBe(
      risk.byExposure.length,
    );
    expect(await panel(page, 'Contributions by position').locator('tbody tr').count()).toBe(
      risk.byPosition.length,
    );

    // The correlation of the exposures held, drawn and tabled as the document gives it.
    const correlation = panel(page, 'Correlation of exposures');
    // (ECharts may draw a heatmap on more than one canvas layer.)
    await expect
      .poll(() => correlation.locator('canvas').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const { labels, matrix } = risk.correlation;
    expect(labels).toEqual(risk.byExposure.map((e) => e.exposure));
    const ust = labels.indexOf('broad_ust');
    const us = labels.indexOf('us_large_equity');
    await correlation.getByText('The matrix as a table').click();
    const ustRow = correlation.locator('tr[data-exposure="broad_ust"] td');
    expect(await ustRow.count()).toBe(labels.length);
    expect(await ustRow.nth(ust).textContent()).toBe('1');
    expect(await ustRow.nth(us).textContent()).toBe(
      new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(matrix[ust]![us]!),
    );
    await shot(page, 'risk-desktop');

    // Another covariance estimator: the page shows the document the route gives for it.
    const sample = await getJson<RiskDocument>(
      `${dash.url}/api/v1/portfolios/demo/risk?covariance=sample`,
    );
    expect(sample.valueAtRisk.oneMonth.varAmount).not.toBe(oneMonth.varAmount);
    await top.getByLabel('Covariance').selectOption('sample');
    await expect
      .poll(() => tiles.nth(1).textContent(), { timeout: 15_000 })
      .toContain(money(sample.valueAtRisk.oneMonth.varAmount));
    expect(errors).toEqual([]);
  });

  it('lists every built-in stress scenario with its P&L or its error', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/risk?p=demo`);
    const table = panel(page, 'Stress scenarios');
    const rows = table.locator('tr.scenario');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(stress.scenarios.length);
    // The bundled sample covers 2020-09..2025-05: the 2022 rates shock runs; the others fail.
    const ran = stress.scenarios.filter((s): s is ScenarioDocument => !('error' in s));
    expect(ran.map((s) => s.name)).toEqual(['rates-2022']);
    const rates = ran[0]!;
    const row = table.locator('tr[data-scenario="rates-2022"]');
    expect(await row.locator('td.total-pnl').textContent()).toContain(signedMoney(rates.totalPnl));
    for (const account of rates.byAccount)
      expect(await row.textContent()).toContain(signedMoney(account.pnl));
    for (const failed of stress.scenarios.filter((s) => 'error' in s))
      expect(await table.locator(`tr[data-scenario="${failed.name}"]`).textContent()).toContain(
        'DATA_UNAVAILABLE',
      );
    await row.getByRole('button', { name: 'Details of rates-2022' }).click();
    expect(await table.locator('tr.detail caption').allTextContents()).toEqual([
      'By exposure',
      'By position',
    ]);
    expect(errors).toEqual([]);
  });

  it('runs a custom shock and shows the P&L the API gives for it', async () => {
    const expected = await getJson<StressDocument>(
      `${dash.url}/api/v1/portfolios/demo/stress`,
      post({ shocks: [{ target: 'equity', kind: 'return', size: -30, unit: 'percent' }] }),
    );
    const shocked = expected.scenarios[0] as ScenarioDocument;
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.url}/risk?p=demo`);
    const custom = panel(page, 'Custom shock');
    await custom.getByRole('button', { name: 'Equity −30 %' }).click();
    expect(await custom.getByLabel('Size').inputValue()).toBe('-30');
    await custom.getByRole('button', { name: 'Run shock' }).click();
    const result = custom.locator('.shock-result');
    await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1);
    expect(await result.locator('h3').textContent()).toContain(signedMoney(shocked.totalPnl));
    for (const account of shocked.byAccount)
      expect(await result.textContent()).toContain(signedMoney(account.pnl));
    expect(errors).toEqual([]);
  });

  it('fits a phone and draws in the dark theme', async () => {
    const phone = await dash.page({ width: 375 });
    const errors = collectPageErrors(phone);
    await phone.goto(`${dash.url}/risk?p=demo`);
    await expect
      .poll(() => panel(phone, 'Risk contributions').locator('canvas').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect
      .poll(() => panel(phone, 'Stress scenarios').locator('tr.scenario').count(), {
        timeout: 30_000,
      })
      .toBe(stress.scenarios.length);
    expect(
      await phone.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(375);
    await shot(phone, 'risk-phone');

    const dark = await dash.page({ dark: true });
    errors.push(...collectPageErrors(dark));
    await dark.goto(`${dash.url}/risk?p=demo`);
    await expect
      .poll(() => panel(dark, 'Stress scenarios').locator('tr.scenario').count(), {
        timeout: 30_000,
      })
      .toBe(stress.scenarios.length);
    await expect
      .poll(() => panel(dark, 'Risk contributions').locator('canvas').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await dark.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe(
      'dark',
    );
    await shot(dark, 'risk-dark');
    expect(errors).toEqual([]);
  });
});
