import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

describe('ballast demo (the terminal demo)', () => {
  it('prints the bundled portfolio offline, labelling ledger prices', async () => {
    const run = await runCli('demo');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('last trade price (ledger)');
    expect(run.stdout).toContain('Open lots');
    expect(run.stdout).toContain('Realised gains');
    expect(run.stdout).toContain('Economic exposures');
  });

  it('reconciles cash, gains and exposures with hand arithmetic on the demo ledger', async () => {
    const r = JSON.parse((await runCli('demo', '--format', 'json')).stdout);
    // MARGIN: 60000 − 9540 − 17120 − 13681 + 350.20 + 7210 − 10025 + 214.80 − 16320 − 4.15
    //         + 3525 − 6930 − 3525 − 38.62 − 52.40 = −5936.17 (a margin loan)
    // IRA:    20000 − 8730 + 3380 − 7250 − 4185 = 3215
    expect(r.positions.cash).toEqual({ IRA: 3215, MARGIN: -5936.17 });
    // DBMF 100 × (33.80 − 29.10) = 470; BND 100 × (72.10 − 85.60) = −1350;
    // UPRO 50 × (70.50 − 95.40 / 2) = 1140 (after the 2-for-1 split); all long-term.
    expect(r.positions.realizedTotal).toEqual({ shortTerm: 0, longTerm: 260, total: 260 });
    const upro = r.positions.positions.find((p: { symbol: string }) => p.symbol === 'UPRO');
    expect(upro.quantity).toBe(100 * 2 - 50 + 60);
    // Market values at last trade prices, cash −2721.17:
    const mv = {
      BND: 200 * 72.5,
      DBMF: 356.12 * 27.9,
      NTSX: 400 * 34.2,
      RSSB: 1100 * 23.1,
      RSST: 500 * 20.05,
      UPRO: 210 * 58.75,
    };
    const total = Object.values(mv).reduce((s, x) => s + x, 0) + 3215 - 5936.17;
    expect(r.exposures.totalValue).toBeCloseTo(total, 2);
    // Economic exposure per $ (config/funds.yaml): RSSB 0.95 UST + 0.95 × (0.62/0.28/0.10)
    // equity, NTSX 0.9 + 0.6, UPRO 3, RSST 1.125 + 1.125 trend, DBMF 1 trend, BND 1 UST.
    const ust = 0.95 * mv.RSSB + 0.6 * mv.NTSX + mv.BND;
    const usLarge = 0.589 * mv.RSSB + 0.9 * mv.NTSX + 3 * mv.UPRO + 1.125 * mv.RSST;
    const trend = mv.DBMF + 1.125 * mv.RSST;
    const byId = Object.fromEntries(
      r.exposures.exposures.map((e: { id: string; economicValue: number }) => [
        e.id,
        e.economicValue,
      ]),
    );
    expect(byId.broad_ust).toBeCloseTo(ust, 2);
    expect(byId.us_large_equity).toBeCloseTo(usLarge, 2);
    expect(byId.trend_following).toBeCloseTo(trend, 2);
    const gross = (ust + usLarge + trend + 0.266 * mv.RSSB + 0.095 * mv.RSSB) / total;
    expect(r.exposures.grossEconomicExposure).toBeCloseTo(gross, 8);
    expect(r.exposures.unexplained).toEqual([]);
  });

  it('shows what could hurt it: an equity shock through the leverage, by account', async () => {
    const r = JSON.parse((await runCli('demo', '--format', 'json')).stdout);
    // Last trade prices (see above): RSSB 1 100 × 23.10, NTSX 400 × 34.20, UPRO 210 × 58.75,
    // RSST 500 × 20.05 — all in MARGIN with 100 BND; the IRA holds 100 BND and DBMF (no equity).
    // Equity per $: RSSB 0.95 (0.62 US + 0.28 developed + 0.10 emerging), NTSX 0.9, UPRO 3,
    // RSST 1.125 → equity value 0.95·25 410 + 0.9·13 680 + 3·12 337.5 + 1.125·10 025.
    const equity = 0.95 * 25_410 + 0.9 * 13_680 + 3 * 12_337.5 + 1.125 * 10_025;
    expect(r.risk.stress.totalPnl).toBeCloseTo(-0.3 * equity, 2);
    const ira = r.risk.stress.byAccount.find((a: { account: string }) => a.account === 'IRA');
    expect(ira.pnl).toBe(0);
    // MARGIN value: positions 25 410 + 13 680 + 12 337.5 + 10 025 + 100 × 72.50 BND and
    // cash −5 936.17.
    const margin = r.risk.stress.byAccount.find((a: { account: string }) => a.account === 'MARGIN');
    expect(margin.return).toBeCloseTo((-0.3 * equity) / (61_452.5 + 7_250 - 5_936.17), 10);
    expect(r.risk.volatilityAnnual).toBeGreaterThan(0);
    expect(r.risk.largestContributions[0].exposure).toBe('us_large_equity');
    const text = (await runCli('demo')).stdout;
    expect(text).toContain('What could hurt it');
    expect(text).toMatch(/Equities −30 %.*-25,422\.64 \(-30\.6%\)/);
  });
});
