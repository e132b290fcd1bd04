import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTxf, txfCapitalGains } from '../../src/domain/tax/txf-parse.ts';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * A taxable account and an IRA, VOO ≡ IVV declared equivalent:
 * - L3: 100 VOO bought 2023-01-03 @ 10, sold 2024-02-01 @ 12 → long-term +200.
 * - L4: 100 VOO bought 2024-01-02 @ 10, sold 2024-03-01 @ 7.5 → loss 250; 40 IVV bought in the
 *   IRA on 03-10 replace 40 shares → 250 × 40/100 = 100 disallowed and lost; 60 VOO bought
 *   03-20 in the taxable account replace the other 60 → 150 disallowed, added to their basis.
 * - L8: those 60 VOO sold 2024-05-01 @ 9: 540 − (480 + 150) = −90 (held from the adjusted date).
 * - An IRA sale at a loss is not reportable.
 */
const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2023-01-02,deposit,,,,10000,,TAX,',
  '2023-01-03,buy,VOO,100,10,,,TAX,',
  '2024-01-02,buy,VOO,100,10,,,TAX,',
  '2024-02-01,sell,VOO,100,12,,,TAX,',
  '2024-03-01,sell,VOO,100,7.5,,,TAX,',
  '2024-03-10,buy,IVV,40,8,,,IRA,',
  '2024-03-20,buy,VOO,60,8,,,TAX,',
  '2024-05-01,sell,VOO,60,9,,,TAX,',
  '2024-06-03,sell,IVV,40,7,,,IRA,',
].join('\n');
const ACCOUNTS = 'account,type\nTAX,taxable\nIRA,traditional_ira\n';
const EQUIVALENTS = 'symbol,group\nVOO,SP500\nIVV,SP500\n';

function files() {
  return tempFiles({ tx: LEDGER, accounts: ACCOUNTS, eq: EQUIVALENTS });
}

const ledgerFlags = (f: Record<string, string>) => [
  '--transactions',
  f['tx']!,
  '--accounts',
  f['accounts']!,
  '--equivalents',
  f['eq']!,
];

describe('ballast tax gains', () => {
  it('gives the Form 8949 rows, totals and the estimated tax (JSON contract)', async () => {
    const f = files();
    const run = await runCli(
      ...['tax', 'gains', ...ledgerFlags(f), '--year', '2024'],
      ...['--short-rate', '0.32', '--long-rate', '0.15', '--niit', '--format', 'json'],
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.rows).toEqual([
      {
        symbol: 'VOO',
        account: 'TAX',
        lotId: 'L3',
        quantity: 100,
        acquired: '2023-01-03',
        disposed: '2024-02-01',
        proceeds: 1200,
        costBasis: 1000,
        adjustmentCode: '',
        adjustment: 0,
        gain: 200,
        term: 'long',
        part: 'II',
      },
      expect.objectContaining({
        lotId: 'L4',
        proceeds: 750,
        costBasis: 1000,
        adjustmentCode: 'W',
        adjustment: 250, // 100 lost to the IRA + 150 moved to the 60 VOO
        gain: 0,
        term: 'short',
        part: 'I',
      }),
      // Held 2024-01-02 → 03-01 = 59 days; 2024-03-20 − 59 days = 2024-01-21.
      expect.objectContaining({ lotId: 'L8', acquired: '2024-01-21', costBasis: 630, gain: -90 }),
    ]);
    expect(doc.totals).toEqual({
      shortTerm: -90,
      longTerm: 200,
      disallowed: 250,
      lost: 100,
      proceeds: 1200 + 750 + 540,
      costBasis: 1000 + 1000 + 630,
    });
    // Netting: −90 short-term offsets 200 long-term → 110 long-term × (0.15 + 0.038) = 20.68.
    expect(doc.estimate).toEqual({
      taxedShortTerm: 0,
      taxedLongTerm: 110,
      lossDeduction: 0,
      carryforward: 0,
      tax: 20.68,
    });
  });

  it('without the equivalents the IRA purchase of IVV replaces nothing', async () => {
    const f = files();
    const run = await runCli(
      ...['tax', 'gains', '--transactions', f['tx']!, '--accounts', f['accounts']!],
      ...['--format', 'json'],
    );
    const doc = JSON.parse(run.stdout);
    // Only the 60 VOO replace: 250 × 60/100 = 150 disallowed, none lost.
    expect(doc.totals).toMatchObject({ disallowed: 150, lost: 0 });
  });

  it('prints a table and a CSV of the rows', async () => {
    const f = files();
    const table = await runCli('tax', 'gains', ...ledgerFlags(f));
    expect(table.stdout).toContain(
      'wash-sale losses disallowed 250.00 (of which 100.00 lost to IRA replacements)',
    );
    const csv = await runCli('tax', 'gains', ...ledgerFlags(f), '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe(
      'part,account,symbol,lot,quantity,acquired,disposed,proceeds,cost_basis,code,adjustment,gain,term',
    );
    expect(csv.stdout.split('\n')[2]).toBe(
      'I,TAX,VOO,L4,100,2024-01-02,2024-03-01,750.00,1000.00,W,250.00,0.00,short',
    );
  });

  it('refuses bad input with one error naming the flag', async () => {
    const f = files();
    const rate = await runCli('tax', 'gains', '--transactions', f['tx']!, '--short-rate', '1.5');
    expect(rate.code).toBe(2);
    expect(rate.stderr).toMatch(/--short-rate.*1\.5/);
    const both = await runCli('tax', 'gains', '--transactions', f['tx']!, '--portfolio', 'x');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--portfolio: give transactions or portfolio, not both/);
    const rule = await runCli('tax', 'gains', '--transactions', f['tx']!, '--partial-lot', 'maybe');
    expect(rule.stderr).toMatch(/--partial-lot: expected one of replacement, not-replacement/);
    const eq = tempFiles({ eq: 'symbol,group\nVOO,A\nVOO,B\n' });
    const twice = await runCli(
      'tax',
      'gains',
      '--transactions',
      f['tx']!,
      '--equivalents',
      eq['eq']!,
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/VOO is already in group "A"/);
  });

  it('reads a stored portfolio with its stored accounts', async () => {
    const f = files();
    const db = join(f['tx']!, '..', 'tax.sqlite');
    await runCli('--db', db, 'portfolio', 'create', 'p');
    const imported = await runCli(
      ...['--db', db, 'portfolio', 'import', 'p', '--transactions', f['tx']!],
      ...['--accounts', f['accounts']!],
    );
    expect(imported.code).toBe(0);
    const run = await runCli(
      ...['--db', db, 'tax', 'gains', '--portfolio', 'p', '--equivalents', f['eq']!],
      ...['--format', 'json'],
    );
    expect(JSON.parse(run.stdout).totals).toMatchObject({ disallowed: 250, lost: 100 });
  });
});

describe('ballast tax form8949 and tax txf', () => {
  it('writes Form 8949 as CSV with the box letters, and as a PDF', async () => {
    const f = files();
    const out = join(f['tx']!, '..', 'f8949.csv');
    const run = await runCli('tax', 'form8949', ...ledgerFlags(f), '--year', '2024', '--out', out);
    expect(run.stdout.trim()).toBe(`Wrote Form 8949 (CSV) to ${out}: 3 rows`);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    // Short-term rows are box A, long-term box D (basis reported, the default).
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(
      expect.arrayContaining(['I,A', 'II,D']),
    );
    const pdf = join(f['tx']!, '..', 'f8949.pdf');
    await runCli('tax', 'form8949', ...ledgerFlags(f), '--out', pdf, '--name', 'Pat Investor');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await runCli(
      'tax',
      'form8949',
      ...ledgerFlags(f),
      '--out',
      join(pdf, '..', 'x.doc'),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out: name a \.pdf or \.csv file/);
  });

  it('writes a TXF file that our TXF parser reads back row for row', async () => {
    const f = files();
    const out = join(f['tx']!, '..', 'gains.txf');
    const run = await runCli(
      'tax',
      'txf',
      ...ledgerFlags(f),
      '--out',
      out,
      '--box',
      'not-reported',
    );
    expect(run.code).toBe(0);
    const gains = txfCapitalGains(parseTxf(readFileSync(out, 'utf8'), out));
    expect(
      gains.map((g) => [
        g.refnum,
        g.acquired,
        g.costBasisCents,
        g.proceedsCents,
        g.disallowedCents,
      ]),
    ).toEqual([
      [714, '2023-01-03', 100_000, 120_000, null], // long-term, box F
      [712, '2024-01-02', 100_000, 75_000, 25_000], // short-term, box C, wash sale
      [712, '2024-01-21', 63_000, 54_000, null],
    ]);
  });
});
