import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

// Fixtures: test/fixtures/brokers/ (each broker's own export layout; README there names them).
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'brokers');
const SCHWAB = join(FIXTURES, 'schwab.csv');

describe('ballast transactions convert', () => {
  it('writes the ledger CSV and prints what it converted and recognised', async () => {
    const { 'ledger.csv': out } = tempFiles({ 'ledger.csv': '' });
    const run = await runCli(
      'transactions',
      'convert',
      '--from',
      'schwab',
      '--csv',
      SCHWAB,
      '--out',
      out!,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Converted schwab export to ${out}: 16 transactions`);
    expect(run.stdout).toMatch(/title line above the header\s+1/);
    expect(run.stdout).toMatch(/total line below the rows\s+1/);
    const text = readFileSync(out!, 'utf8');
    expect(text.split('\n')[0]).toBe(
      'date,type,symbol,quantity,price,amount,fees,account,lots,acquired',
    );
    // The oldest row first: the MoneyLink Transfer of $10,000.00 on 01/02/2024.
    expect(text.split('\n')[1]).toBe('2024-01-02,deposit,,,,10000.00,,DEFAULT,,');
  });

  it('converts → positions: cash, quantities and cost by hand', async () => {
    const { 'ledger.csv': out } = tempFiles({ 'ledger.csv': '' });
    await runCli(
      'transactions',
      'convert',
      '--csv',
      SCHWAB,
      '--out',
      out!,
      '--account',
      'Brokerage',
    );
    const run = await runCli('positions', '--transactions', out!, '--format', 'json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    // Cash: +10,000 − 1,855 − 4,600 − 3,800 + 2.40 + 16.20 + 3.00 (RoC) − 0.36 + 30.50 − 30.50
    //       + 1.23 − 4.56 − 25.00 − 500 + 1,049.98 = 287.89 (the file's own "Transactions Total")
    expect(doc.cash).toEqual({ Brokerage: 287.89 });
    const bySymbol = Object.fromEntries(
      doc.positions.map((p: { symbol: string; quantity: number; costBasisTotal: number }) => [
        p.symbol,
        [p.quantity, p.costBasisTotal],
      ]),
    );
    expect(bySymbol).toEqual({
      AAPL: [5, 927.5], // 10 @ 185.50 bought, 5 sold: 5 × 185.50
      SCHD: [151.2, 3830.5], // (50 + 0.4) × 3 after the 3-for-1 split; 3,800 + 30.50
      VTI: [20, 4597], // 20 @ 230 less the $3.00 return of capital
    });
    // AAPL: proceeds 5 × 210 − 0.02 = 1,049.98, basis 927.50: gain 122.48, short-term.
    expect(doc.realizedTotal).toEqual({ shortTerm: 122.48, longTerm: 0, total: 122.48 });
  });

  it('positions --broker reads the export directly, the same as the converted file', async () => {
    const { 'ledger.csv': out } = tempFiles({ 'ledger.csv': '' });
    await runCli('transactions', 'convert', '--csv', SCHWAB, '--out', out!);
    const converted = await runCli('positions', '--transactions', out!, '--format', 'json');
    const direct = await runCli(
      'positions',
      '--transactions',
      SCHWAB,
      '--broker',
      'schwab',
      '--format',
      'json',
    );
    expect(direct.code).toBe(0);
    expect(JSON.parse(direct.stdout)).toEqual(JSON.parse(converted.stdout));
    const orphan = await runCli('positions', '--portfolio', 'p', '--broker', 'schwab');
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('--broker: give the export with --transactions');
  });

  it('converts → portfolio import → positions --portfolio', async () => {
    const { 'ledger.csv': out, 'store.sqlite': db } = tempFiles({
      'ledger.csv': '',
      'store.sqlite': '',
    });
    await runCli('transactions', 'convert', '--csv', join(FIXTURES, 'vanguard.csv'), '--out', out!);
    expect((await runCli('--db', db!, 'portfolio', 'create', 'v')).code).toBe(0);
    expect(
      (await runCli('--db', db!, 'portfolio', 'import', 'v', '--transactions', out!)).code,
    ).toBe(0);
    const stored = await runCli('--db', db!, 'positions', '--portfolio', 'v', '--format', 'json');
    expect(stored.code).toBe(0);
    const doc = JSON.parse(stored.stdout);
    // Cash: 6,000 − 2,400 − 1,441 − 1,000 − 20 + 1.50 + 25 − 25 − 300 + 4.10 + 730 = 1,574.60
    expect(doc.cash).toEqual({ '12345678': 1574.6 });
    expect(
      doc.positions.map((p: { symbol: string; quantity: number }) => [p.symbol, p.quantity]),
    ).toEqual([
      ['BND', 10],
      ['VGT', 8], // 2 × 4 after the split
      ['VTI', 10.1],
    ]);
  });

  it('performance --broker gives the document of the same ledger written by hand', async () => {
    // The ledger of test/cli/performance.test.ts, written as Schwab would export it (newest first).
    const ledger = [
      'date,type,symbol,quantity,price,amount,fees,account',
      '2024-03-04,deposit,,,,1000,,',
      '2024-03-04,buy,X,10,50,,,',
      '2024-03-06,deposit,,,,500,,',
      '2024-03-07,split,X,2,,,,',
      '2024-03-08,dividend,X,,,10,,',
      '2024-03-11,sell,X,5,32,,,',
    ].join('\n');
    const schwab = [
      '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"',
      '"03/11/2024","Sell","X","X CORP","5","$32.00","","$160.00"',
      '"03/08/2024","Cash Dividend","X","X CORP","","","","$10.00"',
      '"03/07/2024","Stock Split","X","X CORP","10","","",""',
      '"03/06/2024","MoneyLink Transfer","","","","","","$500.00"',
      '"03/04/2024","Buy","X","X CORP","10","$50.00","","-$500.00"',
      '"03/04/2024","MoneyLink Transfer","","","","","","$1,000.00"',
    ].join('\n');
    const prices = [
      'date,symbol,close,adj_close',
      '2024-03-04,X,50,',
      '2024-03-05,X,55,',
      '2024-03-06,X,60,',
      '2024-03-07,X,30,',
      '2024-03-08,X,31,',
      '2024-03-11,X,32,',
    ].join('\n');
    const f = tempFiles({ ledger, schwab, prices, 'unused.sqlite': '' });
    const args = [
      '--db',
      f['unused.sqlite']!,
      'performance',
      '--prices-history',
      f['prices']!,
      '--format',
      'json',
    ];
    const byHand = await runCli(...args, '--transactions', f['ledger']!);
    const direct = await runCli(...args, '--transactions', f['schwab']!, '--broker', 'auto');
    expect(direct.code).toBe(0);
    expect(JSON.parse(direct.stdout)).toEqual(JSON.parse(byHand.stdout));
  });

  it('names an unknown action and its line; an unknown layout; a bad --from', async () => {
    const bad = tempFiles({
      's.csv': [
        '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"',
        '"01/02/2024","Gift Received","","","","","","$5.00"',
      ].join('\n'),
      'x.csv': 'a,b,c\n1,2,3',
    });
    const action = await runCli('transactions', 'convert', '--csv', bad['s.csv']!);
    expect(action.code).toBe(2);
    expect(action.stderr).toContain(
      `${bad['s.csv']}:2: Action "Gift Received" is not converted: unknown Schwab action`,
    );
    const layout = await runCli('transactions', 'convert', '--csv', bad['x.csv']!);
    expect(layout.code).toBe(2);
    expect(layout.stderr).toContain('the broker layout is not recognised');
    const from = await runCli(
      'transactions',
      'convert',
      '--from',
      'etrade',
      '--csv',
      bad['x.csv']!,
    );
    expect(from.code).toBe(2);
    expect(from.stderr).toContain(
      '--from: expected one of schwab, fidelity, vanguard, ibkr, auto (got "etrade")',
    );
  });

  it('prints the ledger CSV without --out, and the JSON document with --format json', async () => {
    const plain = await runCli('transactions', 'convert', '--csv', join(FIXTURES, 'ibkr.csv'));
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\n')[1]).toBe('2024-01-08,deposit,,,,5000.00,,DEFAULT,,');
    const json = await runCli(
      'transactions',
      'convert',
      '--csv',
      join(FIXTURES, 'ibkr.csv'),
      '--format',
      'json',
    );
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ broker: 'ibkr', detected: true, transactions: 11 });
    expect(doc.csv).toBe(plain.stdout);
  });
});
