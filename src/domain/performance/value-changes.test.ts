import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import { portfolioHistory } from './history.ts';
import type { ClosePoint } from './types.ts';
import { valueChanges, valueChangesStart, type ValueChange } from './value-changes.ts';

const nyse = createNyseCalendar();

/** Deposit $10 000 and buy 50 VTI @ 100 on 2024-01-02; deposit $1 000 on 2024-06-14. */
const LEDGER = ledgerRows([
  { date: '2024-01-02', type: 'deposit', amount: 10000 },
  { date: '2024-01-02', type: 'buy', symbol: 'VTI', quantity: 50, price: 100 },
  { date: '2024-06-14', type: 'deposit', amount: 1000 },
]);

/** VTI closes stored on a few days only (2024-06-19 is Juneteenth: closed). */
const CLOSES: ClosePoint[] = [
  { date: '2024-01-02', close: 100 },
  { date: '2024-05-20', close: 110 },
  { date: '2024-06-18', close: 118 },
  { date: '2024-06-20', close: 120 },
];

function changesAt(asOf: string) {
  const history = portfolioHistory({
    transactions: LEDGER,
    prices: new Map([['VTI', CLOSES]]),
    calendar: nyse,
    from: valueChangesStart(asOf),
    to: asOf,
  });
  return valueChanges(history, { asOf, calendar: nyse, firstTransaction: '2024-01-02' });
}

describe('valueChanges: windows measured only at stored closes', () => {
  it('measures the day and the month by hand, with the month’s deposit netted out', () => {
    const { to, windows } = changesAt('2024-06-20');
    expect(to).toBe('2024-06-20');
    // 2024-06-20: 50 × 120 + cash (10 000 − 5 000 + 1 000 = 6 000) = 12 000
    // one day: from the close of 2024-06-18 (06-19 closed): 50 × 118 + 6 000 = 11 900;
    // no flow in between → change 100, return 100 / 11 900
    const day = windows.oneDay as ValueChange;
    expect(day).toMatchObject({ from: '2024-06-18', to: '2024-06-20', valueFrom: 11900 });
    expect([day.valueTo, day.flows, day.change]).toEqual([12000, 0, 100]);
    expect(day.return).toBeCloseTo(100 / 11900, 15);
    // one month: from 2024-05-20: 50 × 110 + 5 000 = 10 500; the $1 000 of 2024-06-14 is a
    // flow: change = 12 000 − 10 500 − 1 000 = 500. Modified Dietz over 31 days, the deposit
    // invested 06-14..06-20 = 7 days: return = 500 / (10 500 + 1 000 × 7/31)
    const month = windows.oneMonth as ValueChange;
    expect(month).toMatchObject({ from: '2024-05-20', valueFrom: 10500, flows: 1000, change: 500 });
    expect(month.return).toBeCloseTo(500 / (10500 + (1000 * 7) / 31), 15);
  });

  it('says why a window is unavailable: no stored close at its start, or before the ledger', () => {
    const { windows } = changesAt('2024-06-20');
    // 2024-03-20: VTI only has a carried close (of 2024-01-02) → not measured
    expect(windows.threeMonths).toEqual({
      from: '2024-03-20',
      to: '2024-06-20',
      change: null,
      return: null,
      reason: 'no stored close on 2024-03-20 for VTI',
    });
    // the last close of 2023 (2023-12-29) and 2023-06-20 are before the first transaction
    expect(windows.yearToDate).toMatchObject({
      from: '2023-12-29',
      change: null,
      reason: "the ledger begins on 2024-01-02, after the window's start 2023-12-29",
    });
    expect(windows.oneYear).toMatchObject({ from: '2023-06-20', change: null });
  });

  it('ends at the latest close within five sessions of the as-of date, and no earlier', () => {
    // Friday 2024-06-21 has no close: the windows end at Thursday's
    const friday = changesAt('2024-06-21');
    expect(friday.to).toBe('2024-06-20');
    expect(friday.windows.oneDay).toMatchObject({ from: '2024-06-18', change: 100 });
    // 2024-06-28: Thursday 06-20 is 6 sessions back (06-21, 24, 25, 26, 27, 28) → nothing
    const late = changesAt('2024-06-28');
    expect(late.to).toBeNull();
    expect(late.windows.oneDay).toEqual({
      from: null,
      to: null,
      change: null,
      return: null,
      reason:
        'no trading day from 2024-06-21 to 2024-06-28 has a stored close for every position held (2024-06-28: none for VTI)',
    });
    // five sessions back (06-21, 24, 25, 26, 27): still measured from Thursday's close
    expect(changesAt('2024-06-27').to).toBe('2024-06-20');
  });

  it('starts the history three weeks before one year back', () => {
    expect(valueChangesStart('2024-06-20')).toBe('2023-05-30');
  });
});
