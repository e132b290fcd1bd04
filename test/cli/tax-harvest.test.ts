import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2022-01-03,deposit,,,,30000,,TAX,', // line 2
  '2022-01-10,buy,XYZ,200,30,,,TAX,', // line 3: L3, 6,000.00
  '2024-01-02,deposit,,,,10000,,IRA,', // line 4
  '2024-01-10,buy,ABC,100,50,,,TAX,', // line 5: L5, 5,000.00
  '2024-02-01,buy,ABC,50,45,,,IRA,', // line 6: L6 (IRA)
  '2024-05-21,buy,ABD,5,44,,,IRA,', // line 7: L7 (IRA), 30 days before 2024-06-20
].join('\n');

const fund = (symbol: string, exposures: string) =>
  `  ${symbol}:\n    name: Fund ${symbol}\n    category: Test\n    exposures: { ${exposures} }\n    provenance: test\n    validatedBy: null\n`;

const FILES = {
  tx: LEDGER,
  prices: 'symbol,price\nABC,42\nXYZ,25\nABD,44\n',
  accounts: 'account,type\nTAX,taxable\nIRA,roth_ira\n',
  eq: 'symbol,group\nABC,ABC-LIKE\nABD,ABC-LIKE\n',
  funds: [
    'funds:\n',
    fund('ABC', 'us_large_equity: 1.0'),
    fund('ABD', 'us_large_equity: 1.0'),
    fund('DEF', 'us_large_equity: 0.98, us_small_equity: 0.02'),
    fund('GHI', 'us_large_equity: 0.9, us_small_equity: 0.1'),
  ].join(''),
};

function harvestArgs(f: Record<string, string>, ...more: string[]): string[] {
  return [
    'tax',
    'harvest',
    '--transactions',
    f['tx']!,
    '--prices',
    f['prices']!,
    '--accounts',
    f['accounts']!,
    '--funds',
    f['funds']!,
    '--as-of',
    '2024-06-20',
    ...more,
  ];
}

describe('ballast tax harvest', () => {
  it('lists the candidates with saving, wash blocks and substitutes (JSON)', async () => {
    const f = tempFiles(FILES);
    const run = await runCli(...harvestArgs(f, '--equivalents', f['eq']!, '--format', 'json'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    // ABC L5: 100 × 42 = 4,200 against 5,000: loss −800, short-term: 800 × 0.37 = 296; blocked
    //   by the IRA's purchase of ABD (same group) on 2024-05-21, 30 days before 2024-06-20.
    // XYZ L3: 200 × 25 = 5,000 against 6,000: loss −1,000, long-term: 1,000 × 0.20 = 200.
    expect(doc.candidates).toEqual([
      {
        account: 'TAX',
        symbol: 'ABC',
        lotId: 'L5',
        acquired: '2024-01-10',
        term: 'short',
        quantity: 100,
        price: 42,
        priceSource: expect.stringContaining('prices file'),
        priceDate: null,
        costBasis: 5000,
        value: 4200,
        loss: -800,
        rate: 0.37,
        taxSaving: 296,
        blocked: true,
        blockedBy: [
          { date: '2024-05-21', account: 'IRA', symbol: 'ABD', quantity: 5, lotId: 'L7' },
        ],
        washUntil: '2024-07-20',
      },
      expect.objectContaining({ symbol: 'XYZ', lotId: 'L3', term: 'long', loss: -1000 }),
    ]);
    expect(doc.candidates[1]).toMatchObject({ taxSaving: 200, blocked: false, blockedBy: [] });
    expect(doc).toMatchObject({
      asOf: '2024-06-20',
      threshold: 0,
      rates: { shortTerm: 0.37, longTerm: 0.2 },
      tolerance: 0.05,
      // June has 30 days: 2024-06-20 + 30 = 2024-07-20; − 30 = 2024-05-21.
      washWindow: {
        purchasesFrom: '2024-05-21',
        washUntil: '2024-07-20',
        firstCleanDate: '2024-07-21',
      },
      totals: {
        candidates: 2,
        blocked: 1,
        loss: -1800,
        taxSaving: 496,
        unblockedLoss: -1000,
        unblockedTaxSaving: 200,
      },
      // The Roth IRA's lots L6 and L7 are never harvested.
      excluded: { nonTaxableLots: 2, shortLots: 0, unpriced: [] },
    });
    // ABC's substitutes: ABD is its equivalent (excluded); DEF |0.98 − 1| + |0.02 − 0| = 0.04;
    // GHI 0.1 + 0.1 = 0.2 is past the tolerance 0.05. XYZ has no definition.
    expect(doc.substitutes).toEqual([
      {
        symbol: 'ABC',
        group: 'ABC-LIKE',
        inUniverse: true,
        exposures: { us_large_equity: 1 },
        substitutes: [
          {
            symbol: 'DEF',
            name: 'Fund DEF',
            group: 'DEF',
            distance: 0.04,
            exposures: { us_large_equity: 0.98, us_small_equity: 0.02 },
            difference: { us_large_equity: -0.02, us_small_equity: 0.02 },
          },
        ],
      },
      { symbol: 'XYZ', group: 'XYZ', inUniverse: false, exposures: {}, substitutes: [] },
    ]);
    expect(doc.warnings).toEqual([
      expect.objectContaining({ code: 'NOT_IN_FUND_UNIVERSE', details: { symbol: 'XYZ' } }),
    ]);
  });

  it('without equivalents ABD is another fund: nothing blocks ABC, and ABD may substitute', async () => {
    const f = tempFiles(FILES);
    const doc = JSON.parse(
      (await runCli(...harvestArgs(f, '--tolerance', '0.2', '--format', 'json'))).stdout,
    );
    expect(doc.candidates.map((c: { blocked: boolean }) => c.blocked)).toEqual([false, false]);
    // Distances from ABC: ABD 0, DEF 0.04, GHI 0.2 (at the tolerance).
    expect(
      doc.substitutes[0].substitutes.map((s: { symbol: string; distance: number }) => [
        s.symbol,
        s.distance,
      ]),
    ).toEqual([
      ['ABD', 0],
      ['DEF', 0.04],
      ['GHI', 0.2],
    ]);
  });

  it('applies the threshold and the rates given', async () => {
    const f = tempFiles(FILES);
    const args = harvestArgs(f, '--threshold', '900', '--long-rate', '0.15', '--format', 'json');
    const doc = JSON.parse((await runCli(...args)).stdout);
    // Only XYZ's $1,000 loss reaches $900: 1,000 × 0.15 = 150.
    expect(
      doc.candidates.map((c: { lotId: string; taxSaving: number }) => [c.lotId, c.taxSaving]),
    ).toEqual([['L3', 150]]);
    expect(doc.threshold).toBe(900);
  });

  it('prints CSV rows per candidate lot and a readable table', async () => {
    const f = tempFiles(FILES);
    const csv = await runCli(...harvestArgs(f, '--equivalents', f['eq']!, '--format', 'csv'));
    expect(csv.stdout.trim().split('\n')).toEqual([
      'account,symbol,lot,acquired,term,quantity,price,cost_basis,value,loss,rate,tax_saving,blocked,blocked_by,wash_until',
      'TAX,ABC,L5,2024-01-10,short,100,42,5000,4200,-800,0.37,296,true,L7,2024-07-20',
      'TAX,XYZ,L3,2022-01-10,long,200,25,6000,5000,-1000,0.2,200,false,,2024-07-20',
    ]);
    const table = await runCli(...harvestArgs(f, '--equivalents', f['eq']!));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Tax-loss harvest as of 2024-06-20');
    expect(table.stdout).toContain('2024-05-21 bought 5 ABD in IRA (L7)');
    expect(table.stdout).toContain('ABC: DEF 0.04 (us_large_equity -0.02, us_small_equity +0.02)');
    expect(table.stdout).toContain('XYZ: not in the fund definitions');
    expect(table.stdout).toMatch(/Total: 2 candidate lots \(1 blocked\), loss -?\D?1,800\.00/);
  });

  it('warns of accounts without a tax type and of prices from the last trade', async () => {
    const f = tempFiles({ ...FILES, prices: 'symbol,price\nABC,42\n' });
    const args = ['tax', 'harvest', '--transactions', f['tx']!, '--prices', f['prices']!];
    const doc = JSON.parse(
      (await runCli(...args, '--as-of', '2024-06-20', '--format', 'json')).stdout,
    );
    // No accounts file: IRA is taxable. Its L6, 50 @ 45 = 2,250, now 2,100: loss −150,
    // short-term: 150 × 0.37 = 55.50. XYZ at its last trade (30, the cost): no loss.
    expect(
      doc.candidates.map((c: { lotId: string; taxSaving: number }) => [c.lotId, c.taxSaving]),
    ).toEqual([
      ['L5', 296],
      ['L6', 55.5],
    ]);
    expect(
      doc.warnings.map((w: { code: string; details: unknown }) => [w.code, w.details]),
    ).toEqual([
      ['ACCOUNT_ASSUMED_TAXABLE', { account: 'TAX' }],
      ['ACCOUNT_ASSUMED_TAXABLE', { account: 'IRA' }],
      ['PRICE_FROM_LAST_TRADE', { symbol: 'ABD', priceDate: '2024-05-21' }],
      ['PRICE_FROM_LAST_TRADE', { symbol: 'XYZ', priceDate: '2022-01-10' }],
      ['NOT_IN_FUND_UNIVERSE', { symbol: 'ABC' }],
    ]);
  });

  it('reads the ledger and the accounts of a stored portfolio', async () => {
    const f = tempFiles(FILES);
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-harvest-')), 'store.sqlite');
    expect((await runCli('--db', db, 'portfolio', 'create', 'main')).code).toBe(0);
    const imported = await runCli(
      ...['--db', db, 'portfolio', 'import', 'main', '--transactions', f['tx']!],
      ...['--accounts', f['accounts']!],
    );
    expect(imported.code).toBe(0);
    const run = await runCli(
      ...['--db', db, 'tax', 'harvest', '--portfolio', 'main', '--prices', f['prices']!],
      ...['--as-of', '2024-06-20', '--format', 'json'],
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    // As from the files: the stored Roth IRA's lots L6 and L7 are left out; no equivalents, so
    // the ABD purchase does not block ABC.
    expect(
      doc.candidates.map((c: { lotId: string; taxSaving: number }) => [c.lotId, c.taxSaving]),
    ).toEqual([
      ['L5', 296],
      ['L3', 200],
    ]);
    expect(doc.excluded.nonTaxableLots).toBe(2);
    expect(doc.warnings.map((w: { code: string }) => w.code)).not.toContain(
      'ACCOUNT_ASSUMED_TAXABLE',
    );
  });

  it('names the flag of a bad value and refuses a missing or doubled ledger', async () => {
    const f = tempFiles(FILES);
    const rate = await runCli(...harvestArgs(f, '--short-rate', '1.5'));
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain('--short-rate');
    const text = await runCli(...harvestArgs(f, '--tolerance', 'wide'));
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('--tolerance');
    const none = await runCli('tax', 'harvest', '--prices', f['prices']!);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--transactions or --portfolio');
    const both = await runCli(...harvestArgs(f, '--portfolio', 'main'));
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
    const eq = tempFiles({ eq: 'symbol,group\nABC,X\nABC,Y\n' });
    const twice = await runCli(...harvestArgs(f, '--equivalents', eq['eq']!));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(':3: column "group"');
  });
});
