import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const ledger = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2023-01-03,deposit,,,,100000,,,',
  '2023-01-04,buy,AAA,500,100,,,,',
  '2024-06-03,buy,BBB,1000,50,,,,',
].join('\n');

describe('ballast rebalance', () => {
  it('sizes whole-share trades against total value including cash, sells first, with gains by term', async () => {
    // Value at prices AAA 120, BBB 40: cash 100 000 − 50 000 − 50 000 = 0;
    // holdings 500 × 120 + 1000 × 40 = 100 000. Target 50/50 → AAA 50 000 / 120 = 416.67 shares,
    // BBB 50 000 / 40 = 1250 shares: buy 250 BBB and sell 83.33 AAA, which the planner rounds
    // to a whole 83 or 84 shares (down, then up when half a share of cash allows).
    const files = tempFiles({
      tx: ledger,
      p: 'symbol,price\nAAA,120\nBBB,40\n',
      t: 'symbol,weight\nAAA,0.5\nBBB,0.5\n',
    });
    const run = await runCli(
      'rebalance',
      '--transactions',
      files.tx!,
      '--prices',
      files.p!,
      '--targets',
      files.t!,
      '--as-of',
      '2024-07-01',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.totalValue).toBe(100000);
    expect(plan.trades[0]).toMatchObject({ side: 'sell', symbol: 'AAA' });
    expect(plan.trades[1]).toMatchObject({ side: 'buy', symbol: 'BBB', quantity: 250 });
    const sold = plan.trades[0].quantity as number;
    expect([83, 84]).toContain(sold);
    // AAA bought 2023-01-04 at 100, sold 2024-07-01 at 120: long-term gain 20 per share
    expect(plan.totals.realizedLongTerm).toBeCloseTo(sold * 20, 2);
    // cash identity: 0 + sells − buys
    expect(plan.cashAfter).toBeCloseTo(sold * 120 - 250 * 40, 2);
    expect(plan.cashAfter).toBeGreaterThanOrEqual(0);
  });

  it('skips trades under --min-trade and reports them', async () => {
    const files = tempFiles({
      tx: ledger,
      p: 'symbol,price\nAAA,100\nBBB,50\n',
      t: 'symbol,weight\nAAA,0.501\nBBB,0.499\n',
    });
    const plan = JSON.parse(
      (
        await runCli(
          'rebalance',
          '--transactions',
          files.tx!,
          '--prices',
          files.p!,
          '--targets',
          files.t!,
          '--min-trade',
          '500',
          '--as-of',
          '2024-07-01',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(plan.trades).toEqual([]);
    expect(plan.skipped.length).toBeGreaterThan(0);
  });

  it('rejects targets that do not sum to 1 without a cash line, and a target without a price', async () => {
    const files = tempFiles({
      tx: ledger,
      p: 'symbol,price\nAAA,100\nBBB,50\n',
      t: 'symbol,weight\nAAA,0.5\nBBB,0.3\n',
      u: 'symbol,weight\nAAA,0.5\nZZZ,0.5\n',
    });
    expect(
      (
        await runCli(
          'rebalance',
          '--transactions',
          files.tx!,
          '--prices',
          files.p!,
          '--targets',
          files.t!,
        )
      ).code,
    ).toBe(2);
    const missing = await runCli(
      'rebalance',
      '--transactions',
      files.tx!,
      '--prices',
      files.p!,
      '--targets',
      files.u!,
    );
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('ZZZ');
  });
});

describe('ballast plan (two-stage on the demo portfolio)', () => {
  it('optimises exposures, maps them to held funds under the notional cap and lists trades', async () => {
    const run = await runCli(
      'plan',
      '--as-of',
      '2025-10-01',
      '--notional-cap',
      '1.2',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.stage1.volatilityAnnual).toBeCloseTo(0.1, 6);
    expect(r.mapping.totalNotional).toBeLessThanOrEqual(1.2 + 1e-9);
    // The notional cap recomputed from the fund weights themselves: Σ|w_fund| ≤ 1.2.
    const notional = Object.values(r.mapping.weightsByFund as Record<string, number>).reduce(
      (sum, w) => sum + Math.abs(w),
      0,
    );
    expect(notional).toBeLessThanOrEqual(1.2 + 1e-9);
    const sides = r.trades.trades.map((t: { side: string }) => t.side);
    expect(sides.indexOf('buy')).toBeGreaterThan(sides.lastIndexOf('sell'));
  });
});
