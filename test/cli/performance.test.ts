import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/** The hand-computed scenario of src/domain/performance tests, as a transactions file. */
const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account',
  '2024-03-04,deposit,,,,1000,,',
  '2024-03-04,buy,X,10,50,,,',
  '2024-03-06,deposit,,,,500,,',
  '2024-03-07,split,X,2,,,,',
  '2024-03-08,dividend,X,,,10,,',
  '2024-03-11,sell,X,5,32,,,',
].join('\n');
/** Unadjusted closes of X (50, 55, 60, 30 after the split, 31, 32), as `data import` reads them. */
const X_BARS = [
  'date,close',
  '2024-03-04,50',
  '2024-03-05,55',
  '2024-03-06,60',
  '2024-03-07,30',
  '2024-03-08,31',
  '2024-03-11,32',
].join('\n');
/** Benchmark B with adjusted closes 100 (1 Mar, the base), 102 (8 Mar), 103 (11 Mar). */
const B_BARS = [
  'date,close,adj_close',
  '2024-03-01,100,100',
  '2024-03-08,102,102',
  '2024-03-11,103,103',
].join('\n');

// TWR by hand: 1000/1000 × 1050/1000 × 1600/(1050 + 500) × 1600/1600 × 1630/1600 × 1650/1630 − 1
const TWR = 1.05 * (1600 / 1550) * (1650 / 1600) - 1;
// MWR peer: scipy 1.10.1 brentq on −1000 (4 Mar), −500 (6 Mar), +1650 (11 Mar), Actual/365 gives
// the annual XIRR 240.55735980625917 (24,056 %). A window of a week is not annualised (GIPS): the
// MWR reported is the 7-day rate from the first deposit, 241.55735980625917^(7/365) − 1, which
// zeroes −1000 − 500(1 + ρ)^(−2/7) + 1650(1 + ρ)^(−1).
const MWR = 241.55735980625917 ** (7 / 365) - 1; // 0.1109685342693…

async function seededStore(): Promise<string> {
  const files = tempFiles({ 'store.sqlite': '', 'x.csv': X_BARS, 'b.csv': B_BARS });
  const db = files['store.sqlite']!;
  for (const [symbol, file] of [
    ['X', files['x.csv']!],
    ['B', files['b.csv']!],
  ] as const) {
    const run = await runCli('--db', db, 'data', 'import', '--csv', file, '--symbol', symbol);
    expect(run.code).toBe(0);
  }
  return db;
}

describe('ballast performance from stored prices (offline)', () => {
  it('prints the JSON contract with hand-computed TWR, MWR, benchmark and P&L', async () => {
    const db = await seededStore();
    const { tx } = tempFiles({ tx: LEDGER });
    const run = await runCli(
      '--db',
      db,
      '--offline',
      'performance',
      '--transactions',
      tx!,
      '--to',
      '2024-03-11',
      '--benchmark',
      'b',
      '--format',
      'json',
    );
    expect(run.stderr).toMatch(/warning: X: served from the store only/);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      from: '2024-03-04',
      to: '2024-03-11',
      startValue: 0,
      endValue: 1650,
      netFlows: 1500,
      twrAnnualized: null,
      mwrBasis: 'period',
      windowDays: 10,
    });
    expect(out.twr).toBeCloseTo(TWR, 10);
    expect(out.mwr).toBeCloseTo(MWR, 10);
    expect(-1000 - 500 * (1 + out.mwr) ** (-2 / 7) + 1650 / (1 + out.mwr)).toBeCloseTo(0, 6);
    // Benchmark: 103/100 − 1 = 0.03; excess = TWR − 0.03.
    expect(out.benchmark.symbol).toBe('B');
    expect(out.benchmark.twr).toBeCloseTo(0.03, 12);
    expect(out.benchmark.excess).toBeCloseTo(TWR - 0.03, 10);
    // sell 5 of 20 post-split shares with basis 25: 5 × (32 − 25) = 35; open 15 × (32 − 25) = 105.
    expect(out.pnl).toEqual({
      realizedShortTerm: 35,
      realizedLongTerm: 0,
      unrealized: 105,
      income: 10,
      fees: 0,
    });
    expect(out.periods).toHaveLength(1);
    expect(out.periods[0]).toMatchObject({
      period: '2024-03',
      start: '2024-03-04',
      end: '2024-03-11',
      flows: 1500,
      endValue: 1650,
    });
    expect(out.periods[0].benchmarkTwr).toBeCloseTo(0.03, 12);
    expect(out.accounts).toHaveLength(1);
    expect(out.accounts[0].twr).toBeCloseTo(TWR, 10);
    expect(out.flags).toEqual([
      { kind: 'partialPeriod', period: '2024-03', start: '2024-03-04', end: '2024-03-11' },
    ]);
  });

  it('prints the summary and period table, and a window with --from', async () => {
    const db = await seededStore();
    const { tx } = tempFiles({ tx: LEDGER });
    const table = await runCli(
      '--db',
      db,
      '--offline',
      'performance',
      '--transactions',
      tx!,
      '--to',
      '2024-03-11',
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/TWR\s+11\.8%/); // 11.774…%
    // Not annualised over a week, and the table says so.
    expect(table.stdout).toMatch(/MWR \(for the period, not annualised\)\s+11\.1%/);
    expect(table.stdout).toContain('Returns are for the 10-day window, not annualised');
    expect(table.stdout).toMatch(/End value\s+1,650\.00/);
    expect(table.stdout).toMatch(/2024-03\s+2024-03-04\s+2024-03-11\s+11\.8%/);
    const w = await runCli(
      '--db',
      db,
      '--offline',
      'performance',
      '--transactions',
      tx!,
      '--from',
      '2024-03-11',
      '--to',
      '2024-03-11',
      '--format',
      'csv',
    );
    expect(w.code).toBe(0);
    // base: close of 8 Mar (1630) → 1650: 1650/1630 − 1 = 0.0122699386503…
    const [header, row] = w.stdout.trim().split('\n');
    expect(header).toBe('period,start,end,twr,benchmark_twr,flows,end_value');
    expect(row!.split(',')).toHaveLength(7);
    expect(Number(row!.split(',')[3])).toBeCloseTo(1650 / 1630 - 1, 10);
  });

  it('--portfolio: the stored ledger gives the document its transactions file gives', async () => {
    const db = await seededStore();
    const { tx } = tempFiles({ tx: LEDGER });
    await runCli('--db', db, 'portfolio', 'create', 'p');
    expect((await runCli('--db', db, 'portfolio', 'import', 'p', '--transactions', tx!)).code).toBe(
      0,
    );
    const args = ['--to', '2024-03-11', '--benchmark', 'b', '--format', 'json'];
    const run = (...ledger: string[]) =>
      runCli('--db', db, '--offline', 'performance', ...ledger, ...args);
    const stored = await run('--portfolio', 'p');
    const file = await run('--transactions', tx!);
    expect([stored.code, file.code]).toEqual([0, 0]);
    expect(stored.stdout).toBe(file.stdout);
    expect(JSON.parse(stored.stdout).endValue).toBe(1650);
    const neither = await runCli('performance', '--to', '2024-03-11');
    expect([neither.code, neither.stderr.trim()]).toEqual([
      2,
      'error [INVALID_INPUT]: one of --transactions or --portfolio is required',
    ]);
    const both = await run('--portfolio', 'p', '--transactions', tx!);
    expect([both.code, both.stderr.trim()]).toEqual([
      2,
      'error [INVALID_INPUT]: --portfolio: give transactions or portfolio, not both (got "p")',
    ]);
    await runCli('--db', db, 'portfolio', 'create', 'empty');
    const empty = await run('--portfolio', 'empty');
    expect([empty.code, empty.stderr.trim()]).toEqual([
      2,
      'error [INVALID_INPUT]: --portfolio: the stored portfolio has no transactions (got "empty")',
    ]);
    const ghost = await run('--portfolio', 'ghost');
    expect([ghost.code, ghost.stderr.trim()]).toEqual([
      3,
      'error [NOT_FOUND]: --portfolio: no stored portfolio "ghost"',
    ]);
  });

  it('fails with DATA_UNAVAILABLE when the store has no prices for a holding', async () => {
    const { tx, 'empty.sqlite': db } = tempFiles({ tx: LEDGER, 'empty.sqlite': '' });
    const run = await runCli(
      '--db',
      db!,
      '--offline',
      'performance',
      '--transactions',
      tx!,
      '--to',
      '2024-03-11',
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/error \[DATA_UNAVAILABLE\]: X: no data/);
  });
});

describe('ballast performance --prices-history (no store needed)', () => {
  const PRICES = [
    'date,symbol,close,adj_close',
    ...X_BARS.split('\n')
      .slice(1)
      .map((l) => `${l.split(',')[0]},X,${l.split(',')[1]},`),
    '2024-03-01,B,100,100',
    '2024-03-11,B,103,103',
  ].join('\n');

  it('gives the same TWR and MWR as the store path, with the quarter table', async () => {
    const {
      tx,
      prices,
      'unused.sqlite': db,
    } = tempFiles({ tx: LEDGER, prices: PRICES, 'unused.sqlite': '' });
    const run = await runCli(
      '--db',
      db!,
      'performance',
      '--transactions',
      tx!,
      '--prices-history',
      prices!,
      '--benchmark',
      'B',
      '--period',
      'quarter',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.to).toBe('2024-03-11'); // default --to: the file's last date
    expect(out.twr).toBeCloseTo(TWR, 10);
    expect(out.mwr).toBeCloseTo(MWR, 10);
    expect(out.periods.map((p: { period: string }) => p.period)).toEqual(['2024-Q1']);
    expect(out.benchmark.twr).toBeCloseTo(0.03, 12);
  });

  it('rejects bad input with INVALID_INPUT or DATA_UNAVAILABLE naming the option', async () => {
    const {
      tx,
      prices,
      'unused.sqlite': db,
    } = tempFiles({ tx: LEDGER, prices: PRICES, 'unused.sqlite': '' });
    const base = ['--db', db!, 'performance', '--transactions', tx!, '--prices-history', prices!];
    const period = await runCli(...base, '--period', 'week');
    expect(period.code).toBe(2);
    expect(period.stderr).toMatch(/--period: expected one of month, quarter, year \(got "week"\)/);
    const order = await runCli(...base, '--from', '2024-03-11', '--to', '2024-03-04');
    expect(order.code).toBe(2);
    expect(order.stderr).toMatch(/--from: must not be after --to 2024-03-04/);
    const timing = await runCli(...base, '--flow-timing', 'noon');
    expect(timing.code).toBe(2);
    const noBench = await runCli(...base, '--benchmark', 'ZZZ');
    expect(noBench.code).toBe(4);
    expect(noBench.stderr).toMatch(/DATA_UNAVAILABLE.*ZZZ/);
    const { onlyB } = tempFiles({ onlyB: 'date,symbol,close\n2024-03-04,B,1' });
    const missing = await runCli(
      '--db',
      db!,
      'performance',
      '--transactions',
      tx!,
      '--prices-history',
      onlyB!,
    );
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/DATA_UNAVAILABLE\]: --prices-history: no prices for X in /);
    const { dup } = tempFiles({ dup: 'date,symbol,close\n2024-03-04,X,1\n2024-03-04,x,2' });
    const twice = await runCli(
      '--db',
      db!,
      'performance',
      '--transactions',
      tx!,
      '--prices-history',
      dup!,
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/:3: column "date": a second row for X/);
  });
});

describe('ballast performance on the bundled demo ledger', () => {
  // SYNTHETIC TEST FIXTURE: test/fixtures/performance/synthetic-demo-prices.csv holds made-up
  // quarter-end closes (see its README) — not market data, used only to exercise the command.
  const PRICES = 'test/fixtures/performance/synthetic-demo-prices.csv';
  const DEMO = 'data/demo/transactions.csv';

  it('reconciles with the positions report and the fixture closes', async () => {
    const { 'unused.sqlite': db } = tempFiles({ 'unused.sqlite': '' });
    const run = await runCli(
      '--db',
      db!,
      'performance',
      '--transactions',
      DEMO,
      '--prices-history',
      PRICES,
      '--benchmark',
      'BENCH',
      '--period',
      'year',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const positions = JSON.parse(
      (await runCli('positions', '--transactions', DEMO, '--format', 'json')).stdout,
    );
    // Independent end value: cash per account (positions report) + quantity × the fixture's
    // last close of each symbol (all fixture series end on 2025-09-30).
    const last = new Map<string, number>();
    for (const line of readFileSync(PRICES, 'utf8').trim().split('\n').slice(1)) {
      const [, symbol, close] = line.split(',');
      last.set(symbol!, Number(close));
    }
    const cash = Object.values(positions.cash as Record<string, number>).reduce((s, x) => s + x, 0);
    const securities = (positions.positions as { symbol: string; quantity: number }[]).reduce(
      (s, p) => s + p.quantity * last.get(p.symbol)!,
      0,
    );
    expect(out.to).toBe('2025-09-30');
    expect(out.endValue).toBeCloseTo(cash + securities, 2);
    expect(out.netFlows).toBe(80000); // deposits 60,000 + 20,000
    expect(out.pnl.realizedShortTerm + out.pnl.realizedLongTerm).toBeCloseTo(
      positions.realizedTotal.total,
      9,
    );
    // end − flows = realised + unrealised + income − fees (no securities transfers in the demo)
    const { realizedShortTerm, realizedLongTerm, unrealized, income, fees } = out.pnl;
    expect(out.endValue - out.netFlows).toBeCloseTo(
      realizedShortTerm + realizedLongTerm + unrealized + income - fees,
      1,
    );
    // accounts add up to the total to the cent
    const sum = out.accounts.reduce((s: number, a: { endValue: number }) => s + a.endValue, 0);
    expect(Math.round(sum * 100)).toBe(Math.round(out.endValue * 100));
    expect(out.periods.map((p: { period: string }) => p.period)).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    // The years chain-link to the whole TWR.
    const linked = out.periods.reduce((g: number, p: { twr: number }) => g * (1 + p.twr), 1) - 1;
    expect(linked).toBeCloseTo(out.twr, 9);
    expect(out.twrAnnualized).not.toBeNull();
    expect(out.mwrBasis).toBe('annual'); // 2021..2025: longer than a year, annualised
    expect(out.flags.some((f: { kind: string }) => f.kind === 'carriedClose')).toBe(true);
  });
});

describe('ballast performance: attribution by position and --chart', () => {
  /**
   * Two symbols over 4–8 March 2024 (the unit test's ledger, src/domain/performance/
   * attribution.test.ts): deposit 1000, buy 10 A @ 50 + $1 fee; deposit 200 and buy 5 B @ 40 on
   * the 6th; dividend 5 on A and an account fee of 2 on the 7th; interest 0.50 on the 8th.
   */
  const TWO = [
    'date,type,symbol,quantity,price,amount,fees,account',
    '2024-03-04,deposit,,,,1000,,',
    '2024-03-04,buy,A,10,50,,1,',
    '2024-03-06,deposit,,,,200,,',
    '2024-03-06,buy,B,5,40,,,',
    '2024-03-07,dividend,A,,,5,,',
    '2024-03-07,fee,,,,2,,',
    '2024-03-08,interest,,,,0.5,,',
  ].join('\n');
  /** Made-up closes: A 50, 52, 51, 53, 54; B 41, 42, 40; benchmark S adjusted 500 … 506. */
  const TWO_PRICES = [
    'date,symbol,close,adj_close',
    '2024-03-01,S,500,500',
    ...['50', '52', '51', '53', '54'].map((c, i) => `2024-03-0${i + 4},A,${c},`),
    ...['41', '42', '40'].map((c, i) => `2024-03-0${i + 6},B,${c},`),
    ...['501', '499', '503', '508', '506'].map((c, i) => `2024-03-0${i + 4},S,${c},${c}`),
  ].join('\n');
  // By hand (see the unit test): P&L per day of A, B, cash/other and the TWR base of each day.
  //   4th: A 500 − 501 = −1 on 1000;  5th: A +20 on 999;  6th: A −10, B 205 − 200 = +5 on 1219;
  //   7th: A +20 + 5 dividend, B +5, other −2 (fee) on 1214;  8th: A +10, B −10, other +0.5 on 1242.
  const PNL = [
    [-1, 0, 0],
    [20, 0, 0],
    [-10, 5, 0],
    [25, 5, -2],
    [10, -10, 0.5],
  ];
  const BASES = [1000, 999, 1219, 1214, 1242];
  const R = PNL.map((p, d) => (p[0]! + p[1]! + p[2]!) / BASES[d]!);
  const TOTAL = R.reduce((g, r) => g * (1 + r), 1) - 1; // = 1.019 × 1242.5/1219 − 1
  /** Carino by hand: C_i = Σ_d [ln(1 + r_d)/r_d] / [ln(1 + R)/R] · P&L_{i,d}/base_d. */
  const CARINO = [0, 1, 2].map((i) =>
    PNL.reduce(
      (s, p, d) =>
        s + ((Math.log(1 + R[d]!) / R[d]!) * (p[i]! / BASES[d]!)) / (Math.log(1 + TOTAL) / TOTAL),
      0,
    ),
  );

  const files = () => tempFiles({ tx: TWO, prices: TWO_PRICES, 'unused.sqlite': '' });
  const perf = (f: Record<string, string>, ...args: string[]) =>
    runCli(
      '--db',
      f['unused.sqlite']!,
      'performance',
      '--transactions',
      f['tx']!,
      '--prices-history',
      f['prices']!,
      ...args,
    );

  it('JSON: hand-checked Carino-linked contributions that add up to the TWR', async () => {
    const run = await perf(files(), '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.twr).toBeCloseTo(1.019 * (1242.5 / 1219) - 1, 12);
    expect(out.twr).toBeCloseTo(TOTAL, 12);
    expect(out.attribution.method).toBe('Carino-linked daily contributions');
    expect(Object.keys(out.attribution.total)).toEqual(['A', 'B', 'cash/other']);
    expect(out.attribution.total.A).toBeCloseTo(CARINO[0]!, 11);
    expect(out.attribution.total.B).toBeCloseTo(CARINO[1]!, 11);
    expect(out.attribution.total['cash/other']).toBeCloseTo(CARINO[2]!, 11);
    const sum = (c: Record<string, number>) => Object.values(c).reduce((s, x) => s + x, 0);
    expect(Math.abs(sum(out.attribution.total) - out.twr)).toBeLessThan(1e-12);
    expect(out.attribution.periods).toHaveLength(1);
    expect(out.attribution.periods[0].period).toBe('2024-03');
    expect(out.attribution.periods[0].contributions).toEqual(out.attribution.total);
  });

  it('table: "Contribution by position" with the total and the period column', async () => {
    const run = await perf(files());
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Contribution by position'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]!.split(/\s+/)).toEqual(['Position', 'Total', '2024-03']);
    const pct2 = (x: number) => `${(x * 100).toFixed(2)}%`;
    expect(lines[at + 3]!.split(/\s+/)).toEqual(['A', pct2(CARINO[0]!), pct2(CARINO[0]!)]);
    expect(lines[at + 5]!.split(/\s+/)).toEqual(['cash/other', pct2(CARINO[2]!), pct2(CARINO[2]!)]);
    expect(lines[at + 6]).toMatch(new RegExp(`^TWR \\(sum\\)\\s+${pct2(TOTAL)}`));
  });

  it('--chart writes growth of $1 and drawdown of the TWR and of the benchmark', async () => {
    const f = files();
    const out = join(mkdtempSync(join(tmpdir(), 'ballast-perf-')), 'perf.svg');
    const run = await perf(f, '--benchmark', 'S', '--format', 'json', '--chart', out);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).benchmark.symbol).toBe('S'); // stdout stays pure JSON
    expect(run.stderr).toContain(`chart: wrote ${out} (svg, 960×600`);
    const svg = readFileSync(out, 'utf8');
    for (const label of [
      'Portfolio (TWR): growth of $1 and drawdown',
      '>Portfolio (TWR)<',
      '>S (benchmark)<',
      '>Portfolio (TWR) drawdown<',
      '>S (benchmark) drawdown<',
    ])
      expect(svg).toContain(label);
  });

  it('--chart with another extension is INVALID_INPUT before any work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-perf-'));
    const out = join(dir, 'perf.jpg');
    const f = files();
    const run = await perf({ ...f, tx: join(dir, 'missing.csv') }, '--chart', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/INVALID_INPUT.*--chart/);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('demo ledger: every period’s and the total contributions add up to their TWR', async () => {
    const { 'unused.sqlite': db } = tempFiles({ 'unused.sqlite': '' });
    const demo = (period: string, format: string) =>
      runCli(
        '--db',
        db!,
        'performance',
        '--transactions',
        'data/demo/transactions.csv',
        '--prices-history',
        'test/fixtures/performance/synthetic-demo-prices.csv',
        '--period',
        period,
        '--format',
        format,
      );
    const out = JSON.parse((await demo('year', 'json')).stdout);
    const sum = (c: Record<string, number>) => Object.values(c).reduce((s, x) => s + x, 0);
    // JSON numbers carry 12 significant digits: allow that rounding on each term.
    const tol = (c: Record<string, number>) =>
      1e-12 + Object.values(c).reduce((s, x) => s + Math.abs(x) * 1e-12, 0);
    expect(Math.abs(sum(out.attribution.total) - out.twr)).toBeLessThan(tol(out.attribution.total));
    expect(out.attribution.periods.map((p: { period: string }) => p.period)).toEqual(
      out.periods.map((p: { period: string }) => p.period),
    );
    out.attribution.periods.forEach((p: { contributions: Record<string, number> }, i: number) => {
      expect(Math.abs(sum(p.contributions) - out.periods[i].twr)).toBeLessThan(
        tol(p.contributions),
      );
    });
    // Five years fit as columns; ~57 months do not (total only).
    const header = (text: string) =>
      text.split('\n')[text.split('\n').findIndex((l) => l.startsWith('Contribution by')) + 1]!;
    expect(header((await demo('year', 'table')).stdout).split(/\s+/)).toEqual([
      'Position',
      'Total',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    expect(header((await demo('month', 'table')).stdout).split(/\s+/)).toEqual([
      'Position',
      'Total',
    ]);
  });
});
