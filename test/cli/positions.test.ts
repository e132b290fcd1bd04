import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const ledger = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2023-01-10,deposit,,,,5000,,,',
  '2023-01-10,buy,abc,10,100,,,,',
  '2023-06-10,buy,ABC,10,150,,,,',
  '2023-09-10,buy,ABC,10,120,,,,',
  '2024-03-01,sell,ABC,15,160,,,,',
].join('\n');

describe('ballast positions', () => {
  it('prints the JSON contract with FIFO lots and realised gains by term', async () => {
    const { tx } = tempFiles({ tx: ledger });
    const run = await runCli('positions', '--transactions', tx!, '--format', 'json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    // cash: 5000 − 1000 − 1500 − 1200 + 15 × 160 = 3700
    expect(out.cash).toEqual({ DEFAULT: 3700 });
    expect(out.asOf).toBe('2024-03-01');
    expect(out.positions).toEqual([
      {
        symbol: 'ABC',
        account: 'DEFAULT',
        quantity: 15,
        costBasisTotal: 5 * 150 + 10 * 120,
        costBasisPerShare: 130,
        lots: [
          { id: 'L4', acquired: '2023-06-10', quantity: 5, costPerShare: 150 },
          { id: 'L5', acquired: '2023-09-10', quantity: 10, costPerShare: 120 },
        ],
      },
    ]);
    // L3: 10 × (160 − 100) = 600 long-term; L4: 5 × (160 − 150) = 50 short-term
    expect(out.realizedTotal).toEqual({ shortTerm: 50, longTerm: 600, total: 650 });
    expect(out.realized[0]).toMatchObject({
      symbol: 'ABC',
      quantity: 10,
      proceeds: 1600,
      costBasis: 1000,
      gain: 600,
      term: 'long',
      acquired: '2023-01-10',
      disposed: '2024-03-01',
    });
  });

  it('uses the lot method, as-of date and CSV format given', async () => {
    const { tx } = tempFiles({ tx: ledger });
    const hifo = JSON.parse(
      (await runCli('positions', '--transactions', tx!, '--lot-method', 'HIFO', '--format', 'json'))
        .stdout,
    );
    expect(hifo.realizedTotal.total).toBe(10 * 10 + 5 * 40);
    const before = await runCli(
      'positions',
      '--transactions',
      tx!,
      '--as-of',
      '2023-12-31',
      '--format',
      'csv',
    );
    expect(before.stdout.trim().split('\n')).toEqual([
      'account,symbol,lot,acquired,adjusted_acquired,quantity,cost_per_share,wash_adjustment',
      'DEFAULT,ABC,L3,2023-01-10,,10,100,0',
      'DEFAULT,ABC,L4,2023-06-10,,10,150,0',
      'DEFAULT,ABC,L5,2023-09-10,,10,120,0',
    ]);
  });

  it('prints readable tables by default', async () => {
    const { tx } = tempFiles({ tx: ledger });
    const run = await runCli('positions', '--transactions', tx!);
    expect(run.stdout).toContain('Positions as of 2024-03-01 (lot relief: FIFO)');
    expect(run.stdout).toContain('Realised: short-term 50.00, long-term 600.00, total 650.00');
  });

  it('fails with a code, the file and the line for a bad row', async () => {
    const { tx } = tempFiles({ tx: `${ledger}\n2024-03-02,buy,ABC,1,-5,,,,` });
    const run = await runCli('positions', '--transactions', tx!);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[INVALID_INPUT\]: .*tx:7: column "price": must be at least 0 \(got "-5"\)/,
    );
  });

  it('rejects a bad option value and a missing file with their exit codes', async () => {
    const { tx } = tempFiles({ tx: ledger });
    expect(
      (await runCli('positions', '--transactions', tx!, '--lot-method', 'random')).stderr,
    ).toContain('--lot-method');
    expect((await runCli('positions', '--transactions', tx!, '--as-of', '2024-13-01')).code).toBe(
      2,
    );
    expect((await runCli('positions', '--transactions', '/nonexistent.csv')).code).toBe(3);
    expect((await runCli('positions')).code).toBe(2);
  });
});

describe('ballast positions: wash sales', () => {
  // IRS Pub. 550's example: buy 100 for $1,000, sell for $750, buy 100 for $800 within 30 days.
  const washLedger = [
    'date,type,symbol,quantity,price,amount,fees,account,lots',
    '2024-01-02,buy,XYZ,100,10,,,TAX,',
    '2024-03-01,sell,XYZ,100,7.5,,,TAX,',
    '2024-03-15,buy,XYZ,100,8,,,TAX,',
  ].join('\n');

  it('shows the replacement lot with the disallowed loss and its adjusted acquisition date', async () => {
    const { tx } = tempFiles({ tx: washLedger });
    const doc = JSON.parse(
      (await runCli('positions', '--transactions', tx!, '--format', 'json')).stdout,
    );
    // $250 disallowed → basis 800 + 250 = 1,050; held 59 days (01-02 → 03-01, leap February)
    // → 2024-03-15 − 59 days = 2024-01-16.
    expect(doc.positions[0].lots[0]).toMatchObject({
      acquired: '2024-03-15',
      adjustedAcquired: '2024-01-16',
      costPerShare: 10.5,
      washAdjustment: 250,
    });
    expect(doc.realized[0]).toMatchObject({ gain: 0, washDisallowed: 250 });
    const csv = await runCli('positions', '--transactions', tx!, '--format', 'csv');
    expect(csv.stdout.trim().split('\n')[1]).toBe('TAX,XYZ,L4,2024-03-15,2024-01-16,100,10.5,250');
    const table = await runCli('positions', '--transactions', tx!);
    expect(table.stdout).toMatch(/Wash adj\.\s+Holding from/);
  });

  it('--no-wash-sales realises the whole loss', async () => {
    const { tx } = tempFiles({ tx: washLedger });
    const doc = JSON.parse(
      (await runCli('positions', '--transactions', tx!, '--no-wash-sales', '--format', 'json'))
        .stdout,
    );
    expect(doc.realized[0].gain).toBe(-250);
    expect(doc.positions[0].lots[0].costPerShare).toBe(8);
  });

  it('an IRA replacement (from --accounts) loses the loss and adjusts no basis', async () => {
    const { tx, accounts } = tempFiles({
      tx: washLedger.replace('2024-03-15,buy,XYZ,100,8,,,TAX,', '2024-03-15,buy,XYZ,100,8,,,IRA,'),
      accounts: 'account,type\nTAX,taxable\nIRA,roth_ira\n',
    });
    const doc = JSON.parse(
      (
        await runCli(
          'positions',
          '--transactions',
          tx!,
          '--accounts',
          accounts!,
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(doc.realized[0]).toMatchObject({ gain: 0, washDisallowed: 250 });
    expect(doc.positions[0].lots[0].costPerShare).toBe(8);
  });
});
