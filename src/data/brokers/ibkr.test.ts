import { describe, expect, it } from 'vitest';
import { convertBrokerCsv } from './convert.ts';
import { fixture, readBack, rejection } from '../../../test/helpers/broker-fixtures.ts';

// test/fixtures/brokers/ibkr.csv: an IBKR activity statement in CSV (README there).
const { path, text } = fixture('ibkr.csv');

const TRADES =
  'Trades,Header,DataDiscriminator,Asset Category,Currency,Symbol,Date/Time,Quantity,T. Price,C. Price,Proceeds,Comm/Fee,Basis,Realized P/L,MTM P/L,Code';

describe('IBKR activity statement', () => {
  it('maps trades, cash sections and a split of the fixture, oldest first', () => {
    const doc = convertBrokerCsv(text, path, { broker: 'ibkr' });
    expect(readBack(doc.csv)).toEqual([
      '2024-01-08 deposit 500000c',
      '2024-01-10 buy AAPL 10@185.5 fee=100c', // Comm/Fee -1
      '2024-01-12 buy NVDA 3@540 fee=100c',
      '2024-02-15 dividend AAPL 240c',
      '2024-02-15 fee AAPL 36c', // Withholding Tax -0.36
      '2024-03-04 fee 1000c', // Fees: market data
      '2024-03-05 interest 421c',
      '2024-04-03 interest -85c', // debit interest
      '2024-05-20 sell AAPL 4@190 fee=102c', // Quantity -4
      '2024-06-03 withdrawal 100000c',
      '2024-06-07 split NVDA x10', // "Split 10 for 1"
    ]);
    const reasons = new Map<string, number>();
    for (const i of doc.ignored) reasons.set(i.reason, (reasons.get(i.reason) ?? 0) + 1);
    // Statement 4 + Account Information 2 + Net Asset Value 2 + Codes 3 lines; 1 ClosedLot;
    // 2 Trades SubTotal; Trades Total + 6 "Total" data lines of the cash sections and corporate actions.
    expect(Object.fromEntries(reasons)).toEqual({
      'summary section (no transactions)': 11,
      'a lot closed by the trade above (detail)': 1,
      'subtotal line': 2,
      'total line': 7,
    });
    // 39 records = 11 rows + 21 recognised + the 7 headers of the converted sections.
    expect(doc.lines.length + doc.ignored.length).toBe(32);
  });

  it('refuses an unknown section, options and another currency by name with the line', () => {
    const section = rejection(() =>
      convertBrokerCsv('Statement,Header,Field Name,Field Value\nCFD Charges,Header,a,b', 'i.csv', {
        broker: 'ibkr',
      }),
    );
    expect(section.message).toBe(
      'i.csv:2: section "CFD Charges" is not converted: unknown IBKR section',
    );
    const option = rejection(() =>
      convertBrokerCsv(
        `${TRADES}\nTrades,Data,Order,Equity and Index Options,USD,AAPL 19JAN24 150 C,"2024-01-10, 10:30:00",1,5,5,-500,-0.65,500.65,0,0,O`,
        'i.csv',
        { broker: 'ibkr' },
      ),
    );
    expect(option.message).toMatch(
      /^i\.csv:2: Trades\.Asset Category "Equity and Index Options" is not converted/,
    );
    const euro = rejection(() =>
      convertBrokerCsv(
        `${TRADES}\nTrades,Data,Order,Stocks,EUR,SAP,"2024-01-10, 10:30:00",1,150,150,-150,-1,151,0,0,O`,
        'i.csv',
        { broker: 'ibkr' },
      ),
    );
    expect(euro.message).toBe(
      'i.csv:2: Trades.Currency "EUR" is not converted: the ledger holds USD only',
    );
  });
});
