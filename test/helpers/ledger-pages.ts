/**
 * What the Holdings and Transactions browser tests share: reading the stored ledger through
 * the API (the count a failed write must leave unchanged), reading a position's or a lot's
 * quantity off the Holdings page, and filling the transaction form.
 */
import type { Locator, Page } from 'playwright-core';
import type { Dashboard } from './dashboard.ts';

/** A stored ledger row as the API gives it (money in cents). */
export type LedgerRow = Record<string, unknown> & { source: { line: number } };

/** The stored ledger of `portfolio`, through the API. */
export async function ledger(dash: Dashboard, portfolio = 'demo'): Promise<LedgerRow[]> {
  const res = await fetch(`${dash.url}/api/v1/portfolios/${portfolio}/transactions`);
  if (res.status !== 200) throw new Error(`GET transactions answered ${res.status}`);
  return ((await res.json()) as { transactions: LedgerRow[] }).transactions;
}

/** The number of stored ledger rows, through the API. */
export async function ledgerCount(dash: Dashboard, portfolio = 'demo'): Promise<number> {
  return (await ledger(dash, portfolio)).length;
}

/** Appends JSON rows through the API (a test's own set-up). */
export async function appendRows(
  dash: Dashboard,
  rows: readonly Record<string, unknown>[],
  portfolio = 'demo',
): Promise<{ lines: { first: number; last: number } }> {
  const res = await fetch(`${dash.url}/api/v1/portfolios/${portfolio}/transactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ transactions: rows }),
  });
  const body = (await res.json()) as { lines: { first: number; last: number } };
  if (res.status !== 201) throw new Error(`append answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** `1,234.5` → 1234.5. */
export const num = (text: string | null): number => Number((text ?? '').replace(/[,\s]/g, ''));

/** The region (panel) of `account` on the Holdings page. */
export const accountPanel = (page: Page, account: string): Locator =>
  page.getByRole('region', { name: `Account ${account}` });

/** The quantity the Holdings page shows for `symbol` in `account`. */
export async function shownQuantity(page: Page, account: string, symbol: string): Promise<number> {
  const cell = accountPanel(page, account).locator(
    `tbody[data-position="${symbol}"] tr.position td[data-col="quantity"]`,
  );
  return num(await cell.textContent());
}

/** The lots (id → quantity) the Holdings page shows for `symbol` in `account`. */
export async function shownLots(
  page: Page,
  account: string,
  symbol: string,
): Promise<Record<string, number>> {
  const rows = accountPanel(page, account).locator(`tbody[data-position="${symbol}"] tr[data-lot]`);
  const lots: Record<string, number> = {};
  for (const row of await rows.all()) {
    const id = (await row.getAttribute('data-lot')) ?? '';
    lots[id] = num(await row.locator('td[data-col="quantity"]').textContent());
  }
  return lots;
}

/** Opens `path` of the dashboard and waits for its heading. */
export async function open(page: Page, dash: Dashboard, path: string, title: string) {
  await page.goto(`${dash.url}${path}?p=demo`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Goes to another page through the navigation (the app stays loaded: its query cache too). */
export async function navigateTo(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The "Add a transaction" form's region. */
export const addForm = (page: Page): Locator =>
  page.getByRole('region', { name: 'Add a transaction' });

/** Fills the form in `form`: `type` first (it decides the inputs), then each label's value. */
export async function fillForm(
  form: Locator,
  values: { type?: string } & Record<string, string>,
): Promise<void> {
  if (values.type !== undefined) await form.getByLabel('Type').selectOption(values.type);
  for (const [label, value] of Object.entries(values)) {
    if (label === 'type') continue;
    await form.getByLabel(label).fill(value);
  }
}
