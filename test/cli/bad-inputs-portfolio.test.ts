/**
 * Bad and unusual portfolio inputs through the CLI: each is refused with a coded error naming
 * the input and the value, or answered with an explicit warning — never a wrong number with
 * exit 0 (docs/bad-inputs.md, "Portfolio and valuation").
 */

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

// config/funds.yaml: BND is 1.0 broad_ust per $1 of NAV.
const BONDS = 'symbol,quantity,cost_basis,acquired,account,price\nBND,100,7000,2024-01-10,IRA,80\n';

describe('stress: rate shocks carry their unit', () => {
  it('refuses rates=+200 without a unit (exit 2, naming the shock and value)', async () => {
    const h = tempFiles({ 'h.csv': BONDS })['h.csv'];
    const run = await runCli('stress', '--holdings', h!, '--shock', 'rates=+200');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('INVALID_INPUT');
    expect(run.stderr).toContain(
      '--shock: a rate shock carries its unit, bp or % of yield (+200bp = +2%); a bare number is ambiguous (got "rates=+200")',
    );
  });

  it('refuses rates=+0.02 (today a 2 % gain on bonds as rates rise)', async () => {
    const h = tempFiles({ 'h.csv': BONDS })['h.csv'];
    const run = await runCli('stress', '--holdings', h!, '--shock', 'rates=+0.02');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(got "rates=+0.02")');
  });

  it('rates=+100bp on duration 6 loses 6 % of the bonds (hand arithmetic, JSON)', async () => {
    const h = tempFiles({ 'h.csv': BONDS })['h.csv'];
    const run = await runCli(
      ...['stress', '--holdings', h!, '--shock', 'rates=+100bp', '--duration', 'broad_ust=6'],
      ...['--format', 'json'],
    );
    expect(run.code).toBe(0);
    const s = JSON.parse(run.stdout).scenarios[0];
    // BND 100 × 80 = 8 000 of broad_ust; r = −D·Δy = −6 × 0.01 = −0.06; P&L −480
    expect(s.shocks.broad_ust).toBeCloseTo(-0.06, 12);
    expect(s.totalPnl).toBe(-480);
    expect(s.totalReturn).toBeCloseTo(-0.06, 12);
    // +1% of yield is the same move
    const percent = await runCli(
      ...['stress', '--holdings', h!, '--shock', 'rates=+1%', '--duration', 'broad_ust=6'],
      ...['--format', 'json'],
    );
    expect(JSON.parse(percent.stdout).scenarios[0].totalPnl).toBe(-480);
  });
});

describe('output paths: --out and --chart', () => {
  const sample = (): string =>
    readFileSync(
      new URL('../fixtures/exposures/fund_universe_sample.yaml', import.meta.url),
      'utf8',
    );

  it('refuses funds import --out into a missing directory (exit 3, naming --out and the path)', async () => {
    const input = tempFiles({ 'in.yaml': sample() })['in.yaml']!;
    const out = join(dirname(input), 'missing', 'funds.yaml');
    const run = await runCli('funds', 'import', '--weight-style', input, '--out', out);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('NOT_FOUND');
    expect(run.stderr).toContain(`--out: cannot write ${out}: no such directory`);
    expect(run.stderr).not.toContain('INTERNAL');
    expect(run.stderr).not.toContain('ENOENT');
  });

  it('refuses funds import --out onto a directory (exit 2, naming --out)', async () => {
    const input = tempFiles({ 'in.yaml': sample() })['in.yaml']!;
    const out = join(dirname(input), 'a-directory');
    mkdirSync(out);
    const run = await runCli('funds', 'import', '--weight-style', input, '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--out: cannot write ${out}: it is a directory`);
  });

  it('refuses exposures --chart into a missing directory before any work (exit 3)', async () => {
    const h = tempFiles({ 'h.csv': BONDS })['h.csv']!;
    const chart = join(dirname(h), 'missing', 'x.svg');
    const run = await runCli('exposures', '--holdings', h, '--chart', chart);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`--chart: cannot write ${chart}: no such directory`);
    expect(existsSync(chart)).toBe(false);
  });
});

describe('valuation: holdings files and stored closes', () => {
  it('refuses a holdings file with VTI at 250 and 260 (exit 2, naming both lines)', async () => {
    const h = tempFiles({
      'h.csv':
        'symbol,quantity,cost_basis,acquired,account,price\nVTI,10,2000,2023-01-03,IRA,250\nVTI,4,900,2023-06-01,TAXABLE,260\n',
    })['h.csv']!;
    const run = await runCli('exposures', '--holdings', h);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `${h}:3: VTI has two different prices: ${h}:2 (price 250) and ${h}:3 (price 260)`,
    );
  });

  it('values BND at its stored close and warns that a 34-session-old close is stale', async () => {
    const files = tempFiles({
      'store.sqlite': '',
      'bnd.csv': 'date,close\n2024-05-01,75\n',
      'h.csv': BONDS,
    });
    const db = ['--db', files['store.sqlite']!];
    expect(
      (await runCli(...db, 'data', 'import', '--csv', files['bnd.csv']!, '--symbol', 'BND')).code,
    ).toBe(0);
    const args = [...db, 'exposures', '--holdings', files['h.csv']!, '--as-of', '2024-06-20'];
    const json = JSON.parse((await runCli(...args, '--format', 'json')).stdout);
    // BND 100 × 75 (stored close of 2024-05-01) instead of the file's 80
    expect(json.totalValue).toBe(7500);
    expect(json.pricing.closes).toEqual([
      expect.objectContaining({
        symbol: 'BND',
        price: 75,
        date: '2024-05-01',
        source: 'csv:bnd.csv',
        ageTradingDays: 34,
      }),
    ]);
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['STALE_PRICE']);
    const table = (await runCli(...args)).stdout;
    expect(table).toContain('Prices: 1 of 1 held symbols at stored closes on or before 2024-06-20');
    expect(table).toContain('BND 75.00: csv:bnd.csv close of 2024-05-01');
    expect(table).toContain(
      'warning: a stored close is more than 5 trading days older than the valuation date 2024-06-20: BND 2024-05-01 (34 trading days)',
    );
  });

  it('demo: the note says nothing is stored when the store is empty', async () => {
    const db = tempFiles({ 'store.sqlite': '' })['store.sqlite']!;
    const run = await runCli('--db', db, 'demo');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Offline valuation: the store holds no close for the demo's 6 funds on or before \d{4}-\d{2}-\d{2}/,
    );
  });
});
