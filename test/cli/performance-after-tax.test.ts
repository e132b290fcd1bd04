import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * Bought 2022-01-03 (held over a year): 50 A and 10 C @ 100 in TAX, 40 B @ 100 in IRA — 10 000
 * at the base close of 2024-02-29 (every close 100). In March 2024: A sold @ 110 (long-term
 * +500), B sold @ 105 in the IRA (+200), a 100 dividend on C; C closes at 120 on 28 March.
 * End: TAX 5 500 + 100 + 10 × 120 = 6 800, IRA 4 200 → 11 000; no flows in the window.
 */
const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account',
  '2022-01-03,deposit,,,,6000,,TAX',
  '2022-01-03,buy,A,50,100,,,TAX',
  '2022-01-03,buy,C,10,100,,,TAX',
  '2022-01-03,deposit,,,,4000,,IRA',
  '2022-01-03,buy,B,40,100,,,IRA',
  '2024-03-05,sell,A,50,110,,,TAX',
  '2024-03-06,sell,B,40,105,,,IRA',
  '2024-03-08,dividend,C,,,100,,TAX',
].join('\n');
const PRICES = [
  'date,symbol,close',
  ...['A', 'B', 'C'].flatMap((s) => [`2022-01-03,${s},100`, `2024-02-29,${s},100`]),
  '2024-03-05,A,110',
  '2024-03-06,B,105',
  '2024-03-28,C,120',
].join('\n');
const ACCOUNTS = 'account,type\nTAX,taxable\nIRA,traditional_ira\n';

/** Tax 500 × (0.15 + 0.05 + 0.038) + 100 × 0.238 = 119.00 + 23.80; returns over 10 000. */
const AFTER_TAX = {
  realizedShortTerm: 0,
  realizedLongTerm: 500,
  dividends: 100,
  interest: 0,
  estimatedTax: 142.8,
  return: 0.08572, // (1 000 − 142.80) / 10 000
  pretaxReturn: 0.1, // 1 000 / 10 000
  drag: 0.01428,
};

const RATE_FLAGS = ['--short-rate', '0.32', '--long-rate', '0.15', '--state-rate', '0.05'];

function files() {
  return tempFiles({ tx: LEDGER, prices: PRICES, accounts: ACCOUNTS, 'unused.sqlite': '' });
}

describe('ballast performance with tax rates: the after-tax view', () => {
  it('JSON: the taxable account’s gain and dividend taxed, the IRA’s not (hand arithmetic)', async () => {
    const f = files();
    const run = await runCli(
      ...['--db', f['unused.sqlite']!, 'performance', '--transactions', f['tx']!],
      ...['--prices-history', f['prices']!, '--from', '2024-03-01', '--to', '2024-03-28'],
      ...['--accounts', f['accounts']!, ...RATE_FLAGS, '--niit', '--format', 'json'],
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect([doc.startValue, doc.endValue, doc.netFlows]).toEqual([10000, 11000, 0]);
    expect(doc.afterTax).toEqual(AFTER_TAX);
  });

  it('table: the after-tax block; without --niit the rate is 0.20', async () => {
    const f = files();
    const run = await runCli(
      ...['--db', f['unused.sqlite']!, 'performance', '--transactions', f['tx']!],
      ...['--prices-history', f['prices']!, '--from', '2024-03-01', '--to', '2024-03-28'],
      ...['--accounts', f['accounts']!, ...RATE_FLAGS],
    );
    expect(run.code).toBe(0);
    // 500 × 0.20 + 100 × 0.20 = 120.00; (1 000 − 120) / 10 000 = 8.8 %, drag 1.2 %.
    expect(run.stdout).toMatch(/Estimated tax \(the window as one tax year\)\s+120\.00/);
    expect(run.stdout).toMatch(/Return before tax \(Modified Dietz\)\s+10\.0%/);
    expect(run.stdout).toMatch(/Return after tax \(Modified Dietz\)\s+8\.8%/);
    expect(run.stdout).toMatch(/Tax drag\s+1\.2%/);
  });

  it('--portfolio: the stored accounts say which account is taxable', async () => {
    const f = files();
    const db = join(f['tx']!, '..', 'after-tax.sqlite');
    await runCli('--db', db, 'portfolio', 'create', 'p');
    const imported = await runCli(
      ...['--db', db, 'portfolio', 'import', 'p', '--transactions', f['tx']!],
      ...['--accounts', f['accounts']!],
    );
    expect(imported.code).toBe(0);
    const run = await runCli(
      ...['--db', db, 'performance', '--portfolio', 'p', '--prices-history', f['prices']!],
      ...['--from', '2024-03-01', '--to', '2024-03-28', ...RATE_FLAGS, '--niit'],
      ...['--format', 'json'],
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).afterTax).toEqual(AFTER_TAX);
  });

  it('refuses a bad rate, a state rate alone and --accounts without rates, naming the flag', async () => {
    const f = files();
    const base = ['--db', f['unused.sqlite']!, 'performance', '--transactions', f['tx']!];
    const prices = ['--prices-history', f['prices']!];
    for (const [flags, message] of [
      [['--short-rate', '1.5'], '--short-rate: not a valid number here (got "1.5")'],
      [['--state-rate', '0.05'], '--state-rate: give --short-rate or --long-rate too (got "0.05")'],
      [
        ['--accounts', f['accounts']!],
        `--accounts: serves only the after-tax view: give tax rates too (got {"path":"${f['accounts']!}"})`,
      ],
    ] as const) {
      const run = await runCli(...base, ...prices, ...flags);
      expect([run.code, run.stderr.trim()]).toEqual([2, `error [INVALID_INPUT]: ${message}`]);
    }
  });
});
