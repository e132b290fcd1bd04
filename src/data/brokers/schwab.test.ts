import { describe, expect, it } from 'vitest';
import { convertBrokerCsv } from './convert.ts';
import { fixture, readBack, rejection } from '../../../test/helpers/broker-fixtures.ts';

// test/fixtures/brokers/schwab.csv: Schwab's "Transaction History → Export" layout (README there).
const { path, text } = fixture('schwab.csv');

/** Schwab lines with the layout's header, `rows` below it. */
const schwab = (...rows: string[]): string =>
  [
    '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"',
    ...rows,
  ].join('\n');

describe('Schwab export', () => {
  it('maps each action of the fixture to its ledger row, oldest first', () => {
    const doc = convertBrokerCsv(text, path, { broker: 'schwab' });
    // Read from the fixture by hand, bottom line first (the file is newest first).
    expect(readBack(doc.csv)).toEqual([
      '2024-01-02 deposit 1000000c', // MoneyLink Transfer $10,000.00
      '2024-01-03 buy AAPL 10@185.5',
      '2024-01-04 buy VTI 20@230',
      '2024-01-05 buy SCHD 50@76',
      '2024-02-15 dividend AAPL 240c', // Qualified Dividend
      '2024-03-01 dividend VTI 1620c', // Cash Dividend dated "03/01/2024 as of 02/28/2024"
      '2024-03-26 return_of_capital VTI 300c',
      '2024-03-27 fee VTI 36c', // Foreign Tax Paid -$0.36
      '2024-03-28 dividend SCHD 3050c', // Reinvest Dividend: the cash income …
      '2024-03-28 buy SCHD 0.4@76.25', // … Reinvest Shares: the shares it bought (same day, after)
      '2024-03-29 interest 123c', // Bank Interest
      '2024-04-01 interest -456c', // Margin Interest, a debit
      '2024-04-15 fee 2500c', // Service Fee
      '2024-05-01 withdrawal 50000c', // Journal -$500.00
      '2024-06-20 sell AAPL 5@210 fee=2c', // Fees & Comm $0.02
      // Stock Split: 100.8 shares added to the 50 + 0.4 held: (50.4 + 100.8) / 50.4 = 3
      '2024-10-10 split SCHD x3',
    ]);
    expect(doc.broker).toBe('schwab');
    expect(doc.ignored).toEqual([
      {
        line: 1,
        action: expect.stringMatching(/^Transactions {2}for account/),
        reason: 'title line above the header',
      },
      { line: 19, action: 'Transactions Total', reason: 'total line below the rows' },
    ]);
    // Each output row names the broker line it came from: the deposit is the last data line.
    expect(doc.lines[0]).toEqual({
      line: 2,
      brokerLine: 18,
      action: 'MoneyLink Transfer',
      type: 'deposit',
    });
  });

  it('refuses an unknown action, naming the file, its line and the action', () => {
    const error = rejection(() =>
      convertBrokerCsv(schwab('"01/02/2024","Bogus Action","","","","","","$1.00"'), 's.csv', {
        broker: 'schwab',
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      's.csv:2: Action "Bogus Action" is not converted: unknown Schwab action',
    );
    expect(error.details).toMatchObject({
      file: 's.csv',
      line: 2,
      field: 'Action',
      value: 'Bogus Action',
    });
  });

  it('refuses a known action the ledger cannot take, by name, with the reason', () => {
    const merger = rejection(() =>
      convertBrokerCsv(
        schwab(
          '"05/01/2024","Stock Merger","XYZ","XYZ CORP","-10","","",""',
          '"01/02/2024","Buy","XYZ","","10","$5.00","","-$50.00"',
        ),
        's.csv',
        { broker: 'schwab' },
      ),
    );
    expect(merger.message).toMatch(
      /^s\.csv:2: Action "Stock Merger" is not converted: a reorganisation/,
    );
    const option = rejection(() =>
      convertBrokerCsv(
        schwab(
          '"01/02/2024","Buy to Open","AAPL 01/19/2024 150.00 C","","1","$5.00","$0.65","-$500.65"',
        ),
        's.csv',
        { broker: 'schwab' },
      ),
    );
    expect(option.message).toMatch(/s\.csv:2: Action "Buy to Open" is not converted: options/);
  });

  it('refuses a dividend reversal, a fee refund and shares journaled in, by name', () => {
    const cases = [
      [
        '"02/15/2024","Qualified Dividend","AAPL","","","","","-$2.40"',
        'a dividend of zero or less',
      ],
      ['"04/15/2024","Service Fee","","","","","","$25.00"', 'a fee credited back'],
      [
        '"04/15/2024","Journaled Shares","AAPL","","10","","",""',
        'shares moved in without their cost',
      ],
    ] as const;
    for (const [row, why] of cases) {
      const action = row.split('","')[1]!;
      const error = rejection(() => convertBrokerCsv(schwab(row), 's.csv', { broker: 'schwab' }));
      expect(error.message).toContain(`s.csv:2: Action "${action}" is not converted: ${why}`);
    }
  });

  it('refuses a line above the header that is no title, and a split of shares not held', () => {
    const stray = rejection(() =>
      convertBrokerCsv(
        `"a","b"\n${schwab('"01/02/2024","Bank Interest","","","","","","$1.00"')}`,
        's.csv',
        { broker: 'schwab' },
      ),
    );
    expect(stray.message).toMatch(/^s\.csv:1: /);
    const split = rejection(() =>
      convertBrokerCsv(
        schwab('"06/10/2024","Stock Split","NVDA","NVIDIA CORP","36","","",""'),
        's.csv',
        { broker: 'schwab' },
      ),
    );
    expect(split.message).toMatch(
      /^s\.csv:2: Action "Stock Split" is not converted: a split of NVDA/,
    );
  });

  it('refuses a bad cell naming its column and value', () => {
    const error = rejection(() =>
      convertBrokerCsv(schwab('"13/45/2024","Buy","AAPL","","1","$1.00","","-$1.00"'), 's.csv', {
        broker: 'schwab',
      }),
    );
    expect(error.message).toContain('s.csv:2: Date: expected a date MM/DD/YYYY');
    expect(error.details).toMatchObject({ field: 'Date', value: '13/45/2024' });
  });

  it('keeps a file sorted oldest first in its order, and gives --account to every row', () => {
    const doc = convertBrokerCsv(
      schwab(
        '"01/02/2024","MoneyLink Transfer","","","","","","$100.00"',
        '"01/02/2024","Buy","AAPL","","1","$50.00","","-$50.00"',
        '"01/03/2024","Sell","AAPL","","1","$60.00","","$60.00"',
      ),
      's.csv',
      { broker: 'schwab', account: 'IRA' },
    );
    expect(readBack(doc.csv)).toEqual([
      '2024-01-02 deposit 10000c @IRA',
      '2024-01-02 buy AAPL 1@50 @IRA',
      '2024-01-03 sell AAPL 1@60 @IRA',
    ]);
  });
});
