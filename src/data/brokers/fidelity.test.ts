import { describe, expect, it } from 'vitest';
import { convertBrokerCsv } from './convert.ts';
import { fixture, readBack, rejection } from '../../../test/helpers/broker-fixtures.ts';

// test/fixtures/brokers/fidelity.csv: Fidelity's "Accounts History" download (README there).
const { path, text } = fixture('fidelity.csv');

const HEADER =
  'Run Date,Action,Symbol,Security Description,Security Type,Quantity,Price ($),Commission ($),Fees ($),Accrued Interest ($),Amount ($),Settlement Date';

describe('Fidelity export', () => {
  it('maps each action of the fixture to its ledger row, oldest first', () => {
    const doc = convertBrokerCsv(text, path, { broker: 'fidelity' });
    expect(readBack(doc.csv)).toEqual([
      '2024-01-02 deposit 600000c', // Electronic Funds Transfer Received
      '2024-01-03 buy MSFT 5@370', // YOU BOUGHT
      '2024-01-04 buy FXAIX 10@170',
      '2024-01-05 buy NVDA 4@490',
      '2024-03-14 dividend MSFT 375c', // DIVIDEND RECEIVED
      '2024-03-28 dividend FXAIX 900c',
      '2024-03-28 buy FXAIX 0.05@180', // REINVESTMENT: the shares the dividend bought
      '2024-04-10 withdrawal 20000c', // ELECTRONIC FUNDS TRANSFER PAID
      '2024-04-15 fee 1000c', // FEE CHARGED
      '2024-04-30 interest 312c', // INTEREST EARNED (cash interest, no symbol kept)
      '2024-05-20 sell MSFT 2@420 fee=4c', // YOU SOLD, quantity -2, Fees ($) 0.04
      // DISTRIBUTION of 36 NVDA on the 4 held: (4 + 36) / 4 = 10 (a 10-for-1 split)
      '2024-06-10 split NVDA x10',
    ]);
    // The three notes below the table are recognised, each on its line.
    expect(doc.ignored.map((i) => [i.line, i.reason])).toEqual([
      [19, 'note below the rows'],
      [21, 'note below the rows'],
      [23, 'note below the rows'],
    ]);
  });

  it('refuses an unknown action with its line', () => {
    const error = rejection(() =>
      convertBrokerCsv(`${HEADER}\n01/02/2024,SOMETHING NEW,XYZ,X,Cash,1,1,,,,-1,`, 'f.csv', {
        broker: 'fidelity',
      }),
    );
    expect(error.message).toBe(
      'f.csv:2: Action "SOMETHING NEW" is not converted: unknown Fidelity action',
    );
  });

  it('refuses shares transferred in without their cost', () => {
    const error = rejection(() =>
      convertBrokerCsv(
        `${HEADER}\n01/02/2024,TRANSFERRED FROM VS X12-345678-1,AAPL,APPLE INC,Cash,10,,,,,,`,
        'f.csv',
        { broker: 'fidelity' },
      ),
    );
    expect(error.message).toMatch(
      /^f\.csv:2: Action "TRANSFERRED FROM VS X12-345678-1" is not converted: shares moved in without their cost/,
    );
  });

  it("takes each row's account from the newer layout's Account column", () => {
    const doc = convertBrokerCsv(
      [
        'Run Date,Account,Action,Symbol,Description,Type,Quantity,Price ($),Commission ($),Fees ($),Accrued Interest ($),Amount ($),Cash Balance ($),Settlement Date',
        '01/03/2024,Roth IRA,YOU BOUGHT APPLE INC (AAPL) (Cash),AAPL,APPLE INC,Cash,2,100,,,,-200,0,01/04/2024',
        '01/02/2024,Roth IRA,Electronic Funds Transfer Received (Cash),,No Description,Cash,,,,,,200,200,',
      ].join('\n'),
      'f.csv',
      { broker: 'fidelity' },
    );
    expect(readBack(doc.csv)).toEqual([
      '2024-01-02 deposit 20000c @Roth IRA',
      '2024-01-03 buy AAPL 2@100 @Roth IRA',
    ]);
  });
});
