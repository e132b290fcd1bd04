import { describe, expect, it } from 'vitest';
import { convertBrokerCsv } from './convert.ts';
import { fixture, readBack, rejection } from '../../../test/helpers/broker-fixtures.ts';

// test/fixtures/brokers/vanguard.csv: Vanguard's "Download center" spreadsheet CSV (README there).
const { path, text } = fixture('vanguard.csv');

const HEADER =
  'Account Number,Trade Date,Settlement Date,Transaction Type,Transaction Description,Investment Name,Symbol,Shares,Share Price,Principal Amount,Commission Fees,Net Amount,Accrued Interest,Account Type,';

describe('Vanguard export', () => {
  it('maps each transaction type of the fixture, in the account of the file', () => {
    const doc = convertBrokerCsv(text, path, { broker: 'vanguard' });
    expect(readBack(doc.csv)).toEqual([
      '2024-01-02 deposit 600000c @12345678', // Funds Received
      '2024-01-03 buy VTI 10@240 @12345678',
      '2024-01-04 buy BND 20@72 fee=100c @12345678', // Commission Fees 1.00
      '2024-01-05 buy VGT 2@500 @12345678',
      '2024-02-01 fee VMFXX 2000c @12345678',
      '2024-03-27 dividend BND 150c @12345678', // Capital gain (LT)
      '2024-03-28 dividend VTI 2500c @12345678',
      '2024-03-28 buy VTI 0.1@250 @12345678', // Reinvestment
      '2024-04-01 withdrawal 30000c @12345678',
      '2024-04-30 interest 410c @12345678',
      '2024-05-15 sell BND 10@73 @12345678', // Shares -10
      // Stock split: 6 shares added to the 2 held: (2 + 6) / 2 = 4
      '2024-06-14 split VGT x4 @12345678',
    ]);
    // Holdings table (header + 2 rows) and the zero-cash sweep are recognised, not converted.
    expect(doc.ignored.map((i) => [i.line, i.reason])).toEqual([
      [1, 'holdings header'],
      [2, 'holdings snapshot above the transactions (no transaction)'],
      [3, 'holdings snapshot above the transactions (no transaction)'],
      [16, 'settlement-fund sweep (the fund is the cash; no cash moves)'],
    ]);
  });

  it('gives --account in place of the account number', () => {
    const doc = convertBrokerCsv(text, path, { broker: 'vanguard', account: 'Brokerage' });
    expect(readBack(doc.csv)[0]).toBe('2024-01-02 deposit 600000c @Brokerage');
  });

  it('refuses an unknown type and a sweep that moves cash, each with its line', () => {
    const unknown = rejection(() =>
      convertBrokerCsv(
        `${HEADER}\n1,01/02/2024,01/02/2024,Rollover (incoming),x,y,,0,1,0,0,100,0,CASH,`,
        'v.csv',
        { broker: 'vanguard' },
      ),
    );
    expect(unknown.message).toBe(
      'v.csv:2: Transaction Type "Rollover (incoming)" is not converted: unknown Vanguard transaction type',
    );
    const sweep = rejection(() =>
      convertBrokerCsv(
        `${HEADER}\n1,01/02/2024,01/02/2024,Sweep in,x,y,VMFXX,5,1,5,0,5,0,CASH,`,
        'v.csv',
        { broker: 'vanguard' },
      ),
    );
    expect(sweep.message).toMatch(
      /^v\.csv:2: Transaction Type "Sweep in" is not converted: a sweep that moves cash/,
    );
  });
});
