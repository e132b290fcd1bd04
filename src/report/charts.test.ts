import { describe, expect, it } from 'vitest';
import { fromRows } from '../core/linalg/matrix.ts';
import { decomposeRisk } from '../domain/analytics/risk-decomposition.ts';
import type { FrontierPoint } from '../domain/optimize/mean-variance/frontier.ts';
import { analysisOption } from './analysis.ts';
import { PALETTE, timeOf } from './chart-style.ts';
import { correlationHeatmapOption } from './correlation.ts';
import { drawdownOption } from './drawdown.ts';
import { exposureTreemapOption } from './exposure.ts';
import { efficientFrontierOption } from './frontier.ts';
import { growthOfOneOption } from './growth.ts';
import { histogramBins, returnHistogramOption } from './histogram.ts';
import { riskContributionsOption } from './risk-contributions.ts';
import { rollingMetricsOption } from './rolling.ts';
import { renderPng, renderSvg } from './render.ts';

const SIZE = { width: 800, height: 500 };

/** Text content of every <text> element of an SVG document. */
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  );
/** Legend entries: ECharts draws each legend label at x="30" y="7" next to its icon. */
const legend = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]* x="30" y="7"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
/** Data lines (unfilled, untransformed paths) stroked in `color`; legend icons are transformed. */
const lines = (svg: string, color: string): number =>
  [...svg.matchAll(/<path d="M[^"]*" fill="none"(?![^>]*transform)[^>]*stroke="([^"]+)"/g)].filter(
    (m) => m[1] === color,
  ).length;
const seriesData = (option: object): unknown[][] =>
  ((option as { series: { data: unknown[] }[] }).series ?? []).map((s) => s.data);

const A = [
  { date: '2024-01-02', value: 0.1 },
  { date: '2024-01-03', value: -0.5 },
  { date: '2024-01-04', value: 0.2 },
];
const B = [
  { date: '2024-01-02', value: 0.0 },
  { date: '2024-01-03', value: 0.1 },
  { date: '2024-01-04', value: -0.1 },
];

describe('growth of $1', () => {
  it('plots W = 1, 1.1, 0.55, 0.66 (1 × 1.1 × 0.5 × 1.2) from one period before the first date', () => {
    const option = growthOfOneOption({ series: { name: 'A', returns: A } });
    expect(seriesData(option)[0]).toEqual([
      [timeOf('2024-01-01'), 1],
      [timeOf('2024-01-02'), 1.1],
      [timeOf('2024-01-03'), 0.55],
      [timeOf('2024-01-04'), 0.66],
    ]);
  });

  it('renders two lines, a legend naming the benchmark, and the value axis title', () => {
    const svg = renderSvg(
      growthOfOneOption({
        series: { name: 'A', returns: A },
        benchmark: { name: 'B', returns: B },
      }),
      SIZE,
    );
    expect(legend(svg)).toEqual(['A', 'B (benchmark)']);
    expect(lines(svg, PALETTE[0])).toBe(1);
    expect(lines(svg, PALETTE[6])).toBe(1);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Growth of $1', 'Value of $1']));
  });

  it('joins series and benchmark on shared dates and says how many periods remain', () => {
    const option = growthOfOneOption({
      series: { name: 'A', returns: A },
      benchmark: { name: 'B', returns: B.slice(1) },
    });
    // shared: 2024-01-03 and 2024-01-04 → W_A = 1, 0.5, 0.6 starting one day before 01-03
    expect(seriesData(option)[0]).toEqual([
      [timeOf('2024-01-02'), 1],
      [timeOf('2024-01-03'), 0.5],
      [timeOf('2024-01-04'), 0.6],
    ]);
    expect(JSON.stringify(option)).toContain('2 common periods (3 in A, 2 in B)');
  });

  it('rejects an empty series', () => {
    expect(() => growthOfOneOption({ series: { name: 'A', returns: [] } })).toThrow(
      /at least one return/,
    );
  });
});

describe('drawdown', () => {
  it('plots −(1 − W/peak) in percent: 0, 0, −50, −40 for W = 1, 1.1, 0.55, 0.66', () => {
    const option = drawdownOption({ series: { name: 'A', returns: A } });
    expect((seriesData(option)[0] as [number, number][]).map((p) => p[1])).toEqual([
      0, 0, -50, -40,
    ]);
  });

  it('renders the filled series area, the benchmark line and the axis title', () => {
    const svg = renderSvg(
      drawdownOption({ series: { name: 'A', returns: A }, benchmark: { name: 'B', returns: B } }),
      SIZE,
    );
    expect(legend(svg)).toEqual(['A drawdown', 'B (benchmark) drawdown']);
    expect(lines(svg, PALETTE[3])).toBe(1);
    expect(lines(svg, PALETTE[6])).toBe(1);
    expect(svg).toMatch(/fill="#c23b3b" fill-opacity="0.25"/);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Drawdown', '-50 %', '0 %']));
  });
});

describe('analysis figure', () => {
  it('stacks growth (2 lines) over drawdown (2 lines) with both axis titles', () => {
    const svg = renderSvg(
      analysisOption({ series: { name: 'A', returns: A }, benchmark: { name: 'B', returns: B } }),
      SIZE,
    );
    expect(legend(svg)).toEqual(['A', 'B (benchmark)', 'A drawdown', 'B (benchmark) drawdown']);
    expect(lines(svg, PALETTE[0]) + lines(svg, PALETTE[3]) + lines(svg, PALETTE[6])).toBe(4);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['A: growth of $1 and drawdown', 'Value of $1', 'Drawdown']),
    );
  });
});

describe('rolling metrics', () => {
  const R = [
    { date: '2024-01-31', value: 0.1 },
    { date: '2024-02-29', value: -0.1 },
    { date: '2024-03-31', value: 0.2 },
    { date: '2024-04-30', value: 0 },
  ];

  it('computes window-2 return and volatility by hand', () => {
    const option = rollingMetricsOption({
      series: { name: 'R', returns: R },
      window: 2,
      periodsPerYear: 12,
    });
    const [ret, vol] = seriesData(option) as [number, number][][];
    // 1.1·0.9 − 1 = −1 %, 0.9·1.2 − 1 = 8 %, 1.2·1 − 1 = 20 %, dated at each window's end
    expect(ret!.map((p) => p[0])).toEqual(['2024-02-29', '2024-03-31', '2024-04-30'].map(timeOf));
    ret!.forEach((p, i) => expect(p[1]).toBeCloseTo([-1, 8, 20][i]!, 9));
    // two-point stdev = |x1 − x2|/√2, × √12: 0.2/√2·√12 = 48.98979 %
    expect(vol![0]![1]).toBeCloseTo((0.2 / Math.SQRT2) * Math.sqrt(12) * 100, 3);
  });

  it('renders 3 lines alone and 4 with a benchmark (beta), with both axis titles', () => {
    const alone = renderSvg(
      rollingMetricsOption({ series: { name: 'R', returns: R }, window: 2, periodsPerYear: 12 }),
      SIZE,
    );
    expect(legend(alone)).toEqual([
      'Return (window)',
      'Volatility (annualised)',
      'Sharpe (annualised)',
    ]);
    const withBenchmark = renderSvg(
      rollingMetricsOption({
        series: { name: 'R', returns: R },
        benchmark: { name: 'M', returns: R.map((p) => ({ ...p, value: p.value / 2 })) },
        window: 3,
        periodsPerYear: 12,
      }),
      SIZE,
    );
    expect(legend(withBenchmark)).toHaveLength(4);
    expect(legend(withBenchmark)[3]).toBe('Beta to M');
    for (const k of [0, 1, 2, 4]) expect(lines(withBenchmark, PALETTE[k]!)).toBe(1);
    expect(texts(withBenchmark)).toEqual(
      expect.arrayContaining(['Return, volatility', 'Sharpe, beta']),
    );
  });

  it('rejects a window longer than the series', () => {
    expect(() =>
      rollingMetricsOption({ series: { name: 'R', returns: R }, window: 5, periodsPerYear: 12 }),
    ).toThrow(/window/);
  });
});

describe('return histogram', () => {
  // returns −9 %, −8 %, …, +10 % (20 values)
  const returns = Array.from({ length: 20 }, (_, i) => ({
    date: `2024-01-${String(i + 1).padStart(2, '0')}`,
    value: (i - 9) / 100,
  }));

  it('puts two returns in each of 10 equal bins of width 1.9 %', () => {
    const bins = histogramBins(
      returns.map((p) => p.value),
      10,
    );
    expect(bins.lower).toBe(-0.09);
    expect(bins.width).toBeCloseTo(0.019, 15);
    expect(bins.counts).toEqual(new Array(10).fill(2));
  });

  it('draws 10 bars and VaR 7.10 % / CVaR 8.50 % lines at 90 %', () => {
    // type-7 quantile at p = 0.1: h = 19·0.1 = 1.9 → −8 % + 0.9·1 % = −7.1 %;
    // CVaR = −mean(−9 %, −8 %) = 8.5 %
    const svg = renderSvg(
      returnHistogramOption({ series: { name: 'X', returns }, confidence: 0.9 }),
      SIZE,
    );
    const bars = [...svg.matchAll(/<path d="M[^"]*Z" fill="#1f5fa8"/g)];
    expect(bars).toHaveLength(10);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['VaR 7.10 %', 'CVaR 8.50 %', 'Return per period', 'Periods']),
    );
  });

  it('rejects fewer than two returns and a non-integer bin count', () => {
    expect(() =>
      returnHistogramOption({
        series: { name: 'X', returns: returns.slice(0, 1) },
        confidence: 0.9,
      }),
    ).toThrow(/at least 2/);
    expect(() => histogramBins([0.1, 0.2], 2.5)).toThrow(/bins/);
  });
});

describe('exposure treemap', () => {
  it('shows category headers, signed leaf weights and gross/net in the subtitle', () => {
    const svg = renderSvg(
      exposureTreemapOption({
        exposures: [
          { id: 'us_equity', category: 'equity', economicWeight: 0.6 },
          { id: 'intl_equity', category: 'equity', economicWeight: 0.3 },
          { id: 'treasuries', category: 'rates', economicWeight: -0.2 },
        ],
        labels: { us_equity: 'US equity' },
      }),
      SIZE,
    );
    const t = texts(svg);
    // gross 0.6 + 0.3 + 0.2 = 1.1, net 0.6 + 0.3 − 0.2 = 0.7; equity 0.9, rates −0.2
    expect(t).toEqual(
      expect.arrayContaining([
        'equity 90.0 %',
        'rates −20.0 %',
        'US equity',
        '60.0 %',
        'treasuries',
        '−20.0 %',
        'gross 110.0 %, net 70.0 % of portfolio value; tile area = |exposure|',
      ]),
    );
  });

  it('rejects an empty or non-finite exposure list', () => {
    expect(() => exposureTreemapOption({ exposures: [] })).toThrow(/at least one/);
    expect(() =>
      exposureTreemapOption({ exposures: [{ id: 'x', category: 'c', economicWeight: NaN }] }),
    ).toThrow(/not finite/);
  });
});

describe('risk contributions', () => {
  it('draws one bar per position with its share of σ (hand Euler split)', () => {
    // Σ = diag(4 %, 1 %), w = (½, ½): Σw = (0.02, 0.005), σ² = 0.0125, σ = 11.18 %;
    // RC = (0.01, 0.0025)/σ → shares 80 % and 20 %
    const d = decomposeRisk(
      [0.5, 0.5],
      fromRows([
        [0.04, 0],
        [0, 0.01],
      ]),
    );
    const option = riskContributionsOption({ names: ['Stocks', 'Bonds'], decomposition: d });
    const svg = renderSvg(option, SIZE);
    expect(texts(svg)).toEqual(
      expect.arrayContaining([
        'Stocks',
        'Bonds',
        '80.0 % of σ',
        '20.0 % of σ',
        'Contribution to volatility',
        'σ = 11.18 % annualised volatility; contributions add up to σ',
      ]),
    );
    expect([...svg.matchAll(/<path d="M[^"]*Z" fill="#1f5fa8"/g)]).toHaveLength(2);
    expect(() => riskContributionsOption({ names: ['one'], decomposition: d })).toThrow(/names/);
  });
});

describe('correlation heatmap', () => {
  it('labels each of the 9 cells and both axes with the names', () => {
    const svg = renderSvg(
      correlationHeatmapOption({
        names: ['A', 'B', 'C'],
        correlation: fromRows([
          [1, 0.5, -0.2],
          [0.5, 1, 0],
          [-0.2, 0, 1],
        ]),
      }),
      SIZE,
    );
    const t = texts(svg);
    expect(t.filter((s) => s === '1.00')).toHaveLength(3);
    expect(t.filter((s) => s === '0.50')).toHaveLength(2);
    expect(t.filter((s) => s === '-0.20')).toHaveLength(2);
    expect(t.filter((s) => s === '0.00')).toHaveLength(2);
    for (const name of ['A', 'B', 'C']) expect(t.filter((s) => s === name)).toHaveLength(2);
  });

  it('rejects a wrong shape and an entry outside [−1, 1]', () => {
    expect(() =>
      correlationHeatmapOption({ names: ['A'], correlation: fromRows([[1, 0]]) }),
    ).toThrow(/1×1/);
    expect(() =>
      correlationHeatmapOption({ names: ['A'], correlation: fromRows([[1.5]]) }),
    ).toThrow(/\[−1, 1\]/);
  });
});

describe('efficient frontier', () => {
  const point = (sigma: number, mu: number): FrontierPoint => ({
    volatilityAnnual: sigma,
    expectedReturnAnnual: mu,
    sharpe: (mu - 0.02) / sigma,
    weights: {},
  });
  const points = [point(0.1, 0.05), point(0.12, 0.07), point(0.16, 0.09)];
  const assets = [
    { name: 'EQ', volatilityAnnual: 0.2, expectedReturnAnnual: 0.09 },
    { name: 'BD', volatilityAnnual: 0.1, expectedReturnAnnual: 0.04 },
  ];

  it('draws frontier, assets, CAL and tangency; the CAL runs from rf to 1.1 × the widest σ', () => {
    const tangency = points[1]!; // Sharpe (7 % − 2 %)/12 % = 0.41667
    const option = efficientFrontierOption({
      frontier: {
        points,
        tangency,
        capitalAllocationLine: { riskFreeRateAnnual: 0.02, slope: tangency.sharpe },
      },
      assets,
    });
    // CAL: (0, 2 %) to (22 %, 2 % + 0.41667·22 % = 11.1667 %)
    const cal = seriesData(option)[2] as [number, number][];
    expect(cal[0]).toEqual([0, 2]);
    expect(cal[1]![0]).toBeCloseTo(22, 9);
    expect(cal[1]![1]).toBeCloseTo(2 + (5 / 12) * 22, 3);
    const svg = renderSvg(option, SIZE);
    expect(legend(svg)).toEqual([
      'Efficient frontier',
      'Assets',
      'Capital allocation line',
      'Tangency (Sharpe 0.42)',
    ]);
    expect(lines(svg, PALETTE[0])).toBe(1);
    expect(lines(svg, PALETTE[6])).toBe(1);
    expect(texts(svg)).toEqual(
      expect.arrayContaining([
        'EQ',
        'BD',
        'Tangency (Sharpe 0.42)',
        'Volatility (annualised)',
        'Expected return (annualised)',
      ]),
    );
  });

  it('omits CAL and tangency when nothing beats the risk-free rate', () => {
    const svg = renderSvg(efficientFrontierOption({ frontier: { points }, assets }), SIZE);
    expect(legend(svg)).toEqual(['Efficient frontier', 'Assets']);
    expect(texts(svg).join('|')).toContain('no tangency point or CAL');
    expect(() => efficientFrontierOption({ frontier: { points: [] }, assets })).toThrow(/points/);
  });
});

describe('renderers', () => {
  it('rasterises to a PNG of the SVG size (IHDR width and height)', () => {
    const png = renderPng(
      renderSvg(growthOfOneOption({ series: { name: 'A', returns: A } }), SIZE),
    );
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(800);
    expect(png.readUInt32BE(20)).toBe(500);
  });

  it('rejects a non-integer or out-of-range size', () => {
    const option = growthOfOneOption({ series: { name: 'A', returns: A } });
    expect(() => renderSvg(option, { width: 50, height: 500 })).toThrow(/width/);
    expect(() => renderSvg(option, { width: 800, height: 400.5 })).toThrow(/height/);
  });
});
