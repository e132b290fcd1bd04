import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/** ABC: a $0.25 dividend going ex on 2024-03-15, a 4-for-1 split on 2024-06-10. */
const PRICES = [
  'date,close,dividend,split',
  '2024-03-14,41,0,1',
  '2024-03-15,40.5,0.25,1',
  '2024-06-07,44,0,1',
  '2024-06-10,11.1,0,4',
].join('\n');

const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2024-01-02,deposit,,,,5000,,,',
  '2024-01-02,buy,ABC,30,40,,,,',
  '2024-07-01,sell,ABC,20,12,,,,L3',
].join('\n');

/** A store holding the ABC bars, and the ledger file. */
async function setup(): Promise<{ db: string; files: Record<string, string> }> {
  const files = tempFiles({ 'abc.csv': PRICES, 'ledger.csv': LEDGER });
  const db = join(files['abc.csv']!, '..', 'store.sqlite');
  const run = await runCli(
    '--db',
    db,
    'data',
    'import',
    '--csv',
    files['abc.csv']!,
    '--symbol',
    'ABC',
  );
  expect(run.code).toBe(0);
  return { db, files };
}

describe('ballast positions --apply-corporate-actions', () => {
  it('prints the proposed rows as json and as transactions-CSV rows', async () => {
    const { db, files } = await setup();
    const args = ['--db', db, 'positions', '--transactions', files['ledger.csv']!];
    const json = await runCli(...args, '--apply-corporate-actions', '--format', 'json');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    // 30 × $0.25 = $7.50 on the ex-date; the 4-for-1 split while 30 are held.
    expect(doc.proposed).toEqual([
      {
        date: '2024-03-15',
        type: 'dividend',
        symbol: 'ABC',
        account: 'DEFAULT',
        amount: 7.5,
        shares: 30,
        perShare: 0.25,
      },
      {
        date: '2024-06-10',
        type: 'split',
        symbol: 'ABC',
        account: 'DEFAULT',
        ratio: 4,
        shares: 30,
      },
    ]);
    expect(doc).not.toHaveProperty('ledgerCsv');
    const csv = await runCli(...args, '--apply-corporate-actions', '--format', 'csv');
    expect(csv.stdout.trim().split('\n')).toEqual([
      'date,type,symbol,quantity,price,amount,fees,account,lots,acquired',
      '2024-03-15,dividend,ABC,,,7.50,,DEFAULT,,',
      '2024-06-10,split,ABC,4,,,,DEFAULT,,',
    ]);
    const table = await runCli(...args, '--apply-corporate-actions');
    expect(table.stdout).toContain('merging would renumber 1 existing row(s) from line 4');
  });

  it('--accept --out writes the merged ledger; running again proposes nothing', async () => {
    const { db, files } = await setup();
    const out = join(files['ledger.csv']!, '..', 'merged.csv');
    const run = await runCli(
      ...['--db', db, 'positions', '--transactions', files['ledger.csv']!],
      ...['--apply-corporate-actions', '--accept', '--out', out],
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote the ledger with 2 new row(s) to ${out}`);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([
      'date,type,symbol,quantity,price,amount,fees,account,lots,acquired',
      '2024-01-02,deposit,,,,5000.00,,DEFAULT,,',
      '2024-01-02,buy,ABC,30,40,,,DEFAULT,,',
      '2024-03-15,dividend,ABC,,,7.50,,DEFAULT,,',
      '2024-06-10,split,ABC,4,,,,DEFAULT,,',
      '2024-07-01,sell,ABC,20,12,,,DEFAULT,L3,',
    ]);
    const again = await runCli(
      ...['--db', db, 'positions', '--transactions', out],
      ...['--apply-corporate-actions', '--format', 'json'],
    );
    expect(JSON.parse(again.stdout).proposed).toEqual([]);
    // The merged ledger: 120 shares after the split, 20 sold at 12 against 40 × 30 / 120 = 10
    // each: +40.00; 100 left.
    const positions = await runCli('positions', '--transactions', out, '--format', 'json');
    const p = JSON.parse(positions.stdout);
    expect([p.positions[0].quantity, p.realizedTotal.total, p.income.dividends]).toEqual([
      100, 40, 7.5,
    ]);
  });

  it('--accept on a stored portfolio stores the rows; running again proposes nothing', async () => {
    const { db, files } = await setup();
    expect((await runCli('--db', db, 'portfolio', 'create', 'main')).code).toBe(0);
    const imported = await runCli(
      ...['--db', db, 'portfolio', 'import', 'main', '--transactions', files['ledger.csv']!],
    );
    expect(imported.code).toBe(0);
    const args = ['--db', db, 'positions', '--portfolio', 'main', '--apply-corporate-actions'];
    const accepted = await runCli(...args, '--accept', '--format', 'json');
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({
      accepted: true,
      renumbered: [{ from: 4, to: 6 }],
    });
    const again = await runCli(...args, '--accept', '--format', 'json');
    expect(JSON.parse(again.stdout)).toMatchObject({ proposed: [], accepted: false });
    const p = JSON.parse(
      (await runCli('--db', db, 'positions', '--portfolio', 'main', '--format', 'json')).stdout,
    );
    expect(p.income.dividends).toBe(7.5);
  });

  it('refuses --accept with a file but no --out, and --out over the input', async () => {
    const { db, files } = await setup();
    const args = [
      '--db',
      db,
      'positions',
      '--transactions',
      files['ledger.csv']!,
      '--apply-corporate-actions',
      '--accept',
    ];
    const noOut = await runCli(...args);
    expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining('INVALID_INPUT')]);
    const over = await runCli(...args, '--out', files['ledger.csv']!);
    expect(over.stderr).toContain('--out: write the merged ledger to a new file');
    const stray = await runCli('positions', '--transactions', files['ledger.csv']!, '--accept');
    expect(stray.stderr).toContain('--accept: only with --apply-corporate-actions');
  });
});

describe('ballast positions with symbol changes and mergers', () => {
  it('replays symbol_change and merger rows (to_symbol, to_price columns)', async () => {
    const { tx } = tempFiles({
      tx: [
        'date,type,symbol,quantity,price,amount,fees,account,lots,acquired,to_symbol,to_price',
        '2020-03-02,buy,OLD,100,10,,,,,,,',
        '2020-05-01,buy,FB,30,300,,1,,,,,',
        '2021-03-03,merger,OLD,0.5,4,,,,,,NEW,24',
        '2022-06-09,symbol_change,FB,,,,,,,,META,',
      ].join('\n'),
    });
    const run = await runCli('positions', '--transactions', tx!, '--format', 'json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    // Merger: cash 100 × 4 = 400, new shares 50 × 24 = 1,200; cash share 400 / 1,600 = 25 %
    // of the 1,000 basis = 250; gain 400 − 250 = +150, long-term (2020-03-02 → 2021-03-03).
    expect(out.realized).toEqual([
      expect.objectContaining({
        symbol: 'OLD',
        proceeds: 400,
        costBasis: 250,
        gain: 150,
        term: 'long',
      }),
    ]);
    // 30 META at 9,001 (300.0333… a share) and 50 NEW at 750 (15 a share), ids and dates kept.
    expect(
      out.positions.map((p: { symbol: string; quantity: number; costBasisTotal: number }) => [
        p.symbol,
        p.quantity,
        p.costBasisTotal,
      ]),
    ).toEqual([
      ['META', 30, 9001],
      ['NEW', 50, 750],
    ]);
    expect(out.positions[0].lots[0]).toMatchObject({ id: 'L3', acquired: '2020-05-01' });
    expect(out.positions[1].lots[0]).toMatchObject({ id: 'L2', acquired: '2020-03-02' });
    // Cash: −1,000 − 9,001 + 400 = −9,601.
    expect(out.cash).toEqual({ DEFAULT: -9601 });
  });

  it('names the line and column of a merger with cash but no to_price', async () => {
    const { tx } = tempFiles({
      tx: [
        'date,type,symbol,quantity,price,to_symbol',
        '2020-03-02,buy,OLD,100,10,',
        '2021-03-03,merger,OLD,0.5,4,NEW',
      ].join('\n'),
    });
    const run = await runCli('positions', '--transactions', tx!);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(':3: column "to_price"');
  });
});
