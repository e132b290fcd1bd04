/**
 * The Transactions page in chromium over the demo portfolio: the stored ledger with its
 * filters; the add form showing the API's error at the field it names (aria-invalid,
 * aria-describedby) and storing nothing; a CSV whose one bad row is listed with its error in
 * the preview and which then stores nothing; editing and deleting rows, and a delete that
 * would break the ledger refused with its message and nothing changed. "Nothing stored" is
 * always checked through the API.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.ts';
import { collectPageErrors, shot, startDashboard, type Dashboard } from '../helpers/dashboard.ts';
import {
  addForm,
  appendRows,
  fillForm,
  ledger,
  ledgerCount,
  navigateTo,
  open,
  shownQuantity,
} from '../helpers/ledger-pages.ts';

const today = (): string => new Date().toISOString().slice(0, 10);

const ledgerPanel = (page: Page): Locator => page.getByRole('region', { name: 'Ledger' });
const row = (page: Page, line: number): Locator =>
  ledgerPanel(page).locator(`tbody tr[data-line="${line}"]`);

/** The error shown for `input`: its aria-describedby element's text, checked to be there. */
async function fieldError(input: Locator): Promise<string> {
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const id = await input.getAttribute('aria-describedby');
  expect(id).toBeTruthy();
  const page = input.page();
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}

describe.skipIf(!hasChromium)('the Transactions page (chromium)', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    dash = await startDashboard();
  });
  afterAll(async () => {
    await dash?.close();
  });

  it('lists the stored ledger and filters it by account, type, symbol and dates', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await open(page, dash, '/transactions', 'Transactions');
    const stored = await ledger(dash);
    await row(page, stored.at(-1)!.source.line).waitFor();
    const lines = () =>
      ledgerPanel(page)
        .locator('tbody tr[data-line]')
        .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line'))));
    expect(await lines()).toEqual(stored.map((t) => t.source.line));
    expect(await row(page, 2).textContent()).toContain('$60,000.00');

    const filters = ledgerPanel(page).getByRole('group', { name: 'Filters' });
    await filters.getByLabel('Account').selectOption('IRA');
    await filters.getByLabel('Type').selectOption('buy');
    expect(await lines()).toEqual(
      stored.filter((t) => t.account === 'IRA' && t.type === 'buy').map((t) => t.source.line),
    );
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await filters.getByLabel('Symbol').selectOption('UPRO');
    await filters.getByLabel('From').fill('2022-01-01');
    await filters.getByLabel('To').fill('2024-12-31');
    // UPRO between those dates: the split (line 7) and the sale (line 17).
    expect(await lines()).toEqual([7, 17]);
    await shot(page, 'transactions');
    expect(errors).toEqual([]);
  });

  it("shows the API's error at the field it names and stores nothing", async () => {
    const page = await dash.page();
    await open(page, dash, '/transactions', 'Transactions');
    const count = await ledgerCount(dash);
    const form = addForm(page);
    await fillForm(form, {
      type: 'buy',
      Date: today(),
      Account: 'MARGIN',
      Symbol: 'BND',
      Quantity: '-5',
      'Price per share': '72.10',
    });
    await form.getByRole('button', { name: 'Add transaction' }).click();
    const quantity = form.getByLabel('Quantity');
    const message = await fieldError(quantity);
    expect(message).toContain('quantity');
    expect(message).toContain('must be a number > 0 (got -5)');
    // The other inputs are not marked, and the input named takes the focus.
    expect(await form.getByLabel('Symbol').getAttribute('aria-invalid')).toBeNull();
    expect(await quantity.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await ledgerCount(dash)).toBe(count);

    // An error of the whole ledger's replay names its column: a date before the last row's.
    await quantity.fill('5');
    await form.getByLabel('Date').fill('2020-01-01');
    await form.getByRole('button', { name: 'Add transaction' }).click();
    const dateMessage = await fieldError(form.getByLabel('Date'));
    expect(dateMessage).toContain('transactions must be in date order');
    expect(await quantity.getAttribute('aria-invalid')).toBeNull();
    expect(await ledgerCount(dash)).toBe(count);
    await shot(page, 'transactions-field-error');
  });

  it("lists a bad CSV row's error in the preview, and then stores nothing", async () => {
    const page = await dash.page();
    await open(page, dash, '/transactions', 'Transactions');
    const count = await ledgerCount(dash);
    const panel = page.getByRole('region', { name: 'Import a CSV' });
    const csv = [
      'date,type,symbol,quantity,price,amount,fees,account,lots',
      `${today()},buy,BND,5,72.10,,0,MARGIN,`,
      `${today()},buy,RSSB,-3,23.10,,0,MARGIN,`,
      `${today()},deposit,,,,1000,,IRA,`,
    ].join('\n');
    await panel.getByLabel('or paste the CSV').fill(csv);
    await panel.getByRole('button', { name: 'Preview' }).click();
    const preview = panel.locator('table.preview');
    await preview.waitFor();
    const results = await preview.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        line: Number(tr.getAttribute('data-line')),
        bad: tr.classList.contains('bad'),
        error: tr.querySelector('.row-error')?.textContent ?? '',
      })),
    );
    expect(results.map((r) => [r.line, r.bad])).toEqual([
      [2, false],
      [3, true],
      [4, false],
    ]);
    expect(results[1]!.error).toContain('quantity');
    expect(results[0]!.error).toBe('');
    expect(await panel.getByRole('status').first().textContent()).toContain('1 of 3 rows');
    expect(await ledgerCount(dash)).toBe(count);

    // Importing is refused while a row is bad: the button does nothing, nothing is stored.
    const importButton = panel.getByRole('button', { name: /^Import/ });
    expect(await importButton.isDisabled()).toBe(true);
    await importButton.click({ force: true });
    await shot(page, 'transactions-csv-preview');
    expect(await ledgerCount(dash)).toBe(count);

    // Fixed, previewed again and imported: all three rows are stored.
    await panel.getByLabel('or paste the CSV').fill(csv.replace('RSSB,-3', 'RSSB,3'));
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel.getByRole('button', { name: 'Import 3 rows' }).click();
    await panel.getByRole('status').filter({ hasText: 'Imported 3 rows' }).waitFor();
    expect(await ledgerCount(dash)).toBe(count + 3);
  });

  it('edits a row in place: it keeps its line and the holdings follow', async () => {
    const page = await dash.page();
    const errors = collectPageErrors(page);
    await open(page, dash, '/holdings', 'Holdings');
    expect(await shownQuantity(page, 'MARGIN', 'UPRO')).toBe(210);
    await navigateTo(page, 'Transactions');
    const count = await ledgerCount(dash);
    // Line 21: 2025-04-08 buy 60 UPRO at 58.75 in MARGIN.
    await row(page, 21).getByRole('button', { name: 'Edit line 21' }).click();
    const form = page.getByRole('region', { name: 'Edit line 21' });
    // The editor opens above the table with its first input focused (scrolled into view).
    await expect
      .poll(() => form.getByLabel('Date').evaluate((el) => el === el.ownerDocument.activeElement))
      .toBe(true);
    expect(await form.getByLabel('Quantity').inputValue()).toBe('60');
    await form.getByLabel('Quantity').fill('70');
    await form.getByRole('button', { name: 'Save line 21' }).click();
    await form.waitFor({ state: 'detached' });

    const stored = await ledger(dash);
    expect(stored.length).toBe(count);
    expect(stored.find((t) => t.source.line === 21)).toMatchObject({
      type: 'buy',
      symbol: 'UPRO',
      quantity: 70,
      price: 58.75,
      account: 'MARGIN',
      date: '2025-04-08',
    });
    await expect.poll(async () => row(page, 21).locator('td').nth(5).textContent()).toBe('70');
    await navigateTo(page, 'Holdings');
    await expect.poll(() => shownQuantity(page, 'MARGIN', 'UPRO')).toBe(220);
    expect(errors).toEqual([]);
  });

  it('deletes a row after a confirmation', async () => {
    const page = await dash.page();
    await open(page, dash, '/transactions', 'Transactions');
    const before = await ledger(dash);
    // Line 23: the demo's last margin interest.
    await row(page, 23).getByRole('button', { name: 'Delete line 23' }).click();
    await row(page, 23).getByRole('button', { name: 'Confirm: delete line 23' }).click();
    await row(page, 23).waitFor({ state: 'detached' });
    const after = await ledger(dash);
    expect(after.map((t) => t.source.line)).toEqual(
      before.map((t) => t.source.line).filter((line) => line !== 23),
    );
  });

  it('refuses a delete that would break the ledger, shows why and changes nothing', async () => {
    // A later sale that names the lot the buy on line 13 opened (500 RSST, L13).
    const { lines } = await appendRows(dash, [
      {
        date: today(),
        type: 'sell',
        symbol: 'RSST',
        quantity: 100,
        price: 21,
        account: 'MARGIN',
        lots: ['L13'],
      },
    ]);
    const page = await dash.page();
    await open(page, dash, '/transactions', 'Transactions');
    const before = await ledger(dash);
    await row(page, 13).getByRole('button', { name: 'Delete line 13' }).click();
    await row(page, 13).getByRole('button', { name: 'Confirm: delete line 13' }).click();
    const alert = ledgerPanel(page).getByRole('alert');
    await alert.waitFor();
    // The API's message names the sale's line and its lots column.
    expect(await alert.textContent()).toMatch(new RegExp(`:${lines.last}: lots: .*RSST`));
    expect(await ledgerPanel(page).textContent()).toContain(
      `Line 13 was not deleted; the ledger is unchanged. The row on line ${lines.last} needs it.`,
    );
    await shot(page, 'transactions-delete-refused');
    expect(await ledger(dash)).toEqual(before);
    expect(await row(page, 13).count()).toBe(1);
  });
});
