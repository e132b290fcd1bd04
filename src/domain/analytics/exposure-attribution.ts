/**
 * Return attribution by economic exposure: each period's portfolio return
 * R_t = Σ_f w_{f,t} r_{f,t} (w = START-of-period weights of the funds, r = fund returns) split
 * into
 * - exposure contributions C_{e,t} = Σ_f w_{f,t} E_{f,e} x_{e,t} (E = economic exposure per $1
 *   of NAV, `config/funds.yaml`; x = the exposure's return),
 * - a financing contribution F_t = −Σ_f w_{f,t} (Σ_e E_{f,e} − 1) c_t when a per-period cash
 *   series c is given: each fund borrows (or, with net exposure below 1, holds) the difference
 *   between its NET exposure and its NAV at the cash rate — the convention of
 *   `checkReplication` (src/domain/exposures/replication-check.ts; a `cash_rate` loading counts
 *   in the net like any other exposure). Without c the leg is not modelled and the
 *   implementation lines absorb it,
 * - implementation (residual) per fund I_{f,t} = w_{f,t} (r_{f,t} − Σ_e E_{f,e} x_{e,t} −
 *   φ_{f,t}), φ_{f,t} = −(Σ_e E_{f,e} − 1) c_t (0 without c): what the fund earned beyond its
 *   definition (fees, tracking error, volatility drag of daily-reset leverage, wrong loadings),
 *
 * so that Σ_e C_{e,t} + F_t + Σ_f I_{f,t} = R_t (up to rounding). The lines are linked over the
 * horizon with Carino's factors ({@link linkCarino}) so they add up to Π(1 + R_t) − 1.
 *
 * Dates: {@link alignExposureAttribution} keeps only the dates on which EVERY series (each fund,
 * each exposure with a loading, the cash series) has a return — an explicit intersection, never a
 * fill; the caller reports how many periods remain.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError, invalidInput } from '../errors.ts';
import { alignCommon, type NamedSeries } from '../series/align-common.ts';
import type { ReturnSeries } from '../series/types.ts';
import type { Warning } from '../warnings.ts';
import { droppedDatesWarning } from './dropped-dates.ts';
import { linkCarino } from './return-attribution.ts';

/** Inputs on common periods (rows = periods, oldest first). */
export interface ExposureAttributionInput {
  /** T × n start-of-period weights of the n funds. */
  readonly weights: Matrix;
  /** T × n fund returns (simple, per period). */
  readonly fundReturns: Matrix;
  /** n × K economic exposure per $1 of NAV of each fund on each exposure. */
  readonly loadings: Matrix;
  /** T × K exposure returns (simple, per period). */
  readonly exposureReturns: Matrix;
  /** Length-T cash (financing) return per period; enables the financing line. */
  readonly cashReturns?: ArrayLike<number>;
}

/** Per-period lines of {@link periodExposureAttribution}. */
export interface PeriodExposureAttribution {
  /** T × K: C_{e,t} = Σ_f w_{f,t} E_{f,e} x_{e,t}. */
  readonly exposureContributions: Matrix;
  /** F_t = −Σ_f w_{f,t}(Σ_e E_{f,e} − 1) c_t; undefined without a cash series. */
  readonly financing: Float64Array | undefined;
  /** T × n: I_{f,t} = w_{f,t}(r_{f,t} − Σ_e E_{f,e} x_{e,t} − φ_{f,t}). */
  readonly implementation: Matrix;
  /** R_t = Σ_f w_{f,t} r_{f,t}. */
  readonly portfolioReturns: Float64Array;
}

function checkShape(field: string, m: Matrix, shape: readonly [number, number]): void {
  const [rows, cols] = shape;
  if (m.rows !== rows || m.cols !== cols || m.data.length !== rows * cols)
    throw invalidInput(field, `${m.rows}×${m.cols}`, `must be ${rows}×${cols}`);
  const bad = m.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw invalidInput(`${field}[${bad}]`, m.data[bad], 'must be finite');
}

/**
 * Decomposes each period's portfolio return into exposure, financing and implementation lines
 * (module TSDoc). Throws `INVALID_INPUT` on mismatched shapes or non-finite values.
 */
export function periodExposureAttribution(
  input: ExposureAttributionInput,
): PeriodExposureAttribution {
  const { weights, fundReturns, loadings, exposureReturns, cashReturns } = input;
  const T = fundReturns.rows;
  const n = fundReturns.cols;
  const K = loadings.cols;
  checkShape('fundReturns', fundReturns, [T, n]);
  checkShape('weights', weights, [T, n]);
  checkShape('loadings', loadings, [n, K]);
  checkShape('exposureReturns', exposureReturns, [T, K]);
  if (cashReturns !== undefined)
    checkShape('cashReturns', { rows: T, cols: 1, data: Float64Array.from(cashReturns) }, [T, 1]);
  const net = Float64Array.from({ length: n }, (_, f) => {
    let s = 0;
    for (let e = 0; e < K; e++) s += loadings.data[f * K + e]!;
    return s;
  });
  const contributions = new Float64Array(T * K);
  const implementation = new Float64Array(T * n);
  const financing = cashReturns === undefined ? undefined : new Float64Array(T);
  const portfolioReturns = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const c = cashReturns?.[t] ?? 0;
    let total = 0;
    for (let f = 0; f < n; f++) {
      const w = weights.data[t * n + f]!;
      const r = fundReturns.data[t * n + f]!;
      total += w * r;
      let implied = 0;
      for (let e = 0; e < K; e++) {
        const ex = loadings.data[f * K + e]! * exposureReturns.data[t * K + e]!;
        implied += ex;
        contributions[t * K + e] = contributions[t * K + e]! + w * ex;
      }
      const leg = financing ? -(net[f]! - 1) * c : 0;
      if (financing) financing[t] = financing[t]! + w * leg;
      implementation[t * n + f] = w * (r - implied - leg);
    }
    portfolioReturns[t] = total;
  }
  return {
    exposureContributions: { rows: T, cols: K, data: contributions },
    financing,
    implementation: { rows: T, cols: n, data: implementation },
    portfolioReturns,
  };
}

/** Carino-linked lines over the whole horizon; their sum is `totalReturn`. */
export interface LinkedExposureAttribution {
  /** Length K: Σ_t (k_t/K) C_{e,t}. */
  readonly exposures: Float64Array;
  /** Σ_t (k_t/K) F_t; undefined without a cash series. */
  readonly financing: number | undefined;
  /** Length n: Σ_t (k_t/K) I_{f,t}. */
  readonly implementation: Float64Array;
  /** Π(1 + R_t) − 1. */
  readonly totalReturn: number;
}

/**
 * Links every line with Carino's factors k_t/K (k_t = ln(1 + R_t)/R_t, K = ln(1 + R)/R), the
 * same as the position attribution. Throws `INVALID_INPUT` when some R_t ≤ −1.
 */
export function linkExposureAttribution(
  period: PeriodExposureAttribution,
): LinkedExposureAttribution {
  const { exposureContributions: C, implementation: I, financing, portfolioReturns } = period;
  const T = portfolioReturns.length;
  const K = C.cols;
  const n = I.cols;
  const cols = K + n + (financing ? 1 : 0);
  const data = new Float64Array(T * cols);
  for (let t = 0; t < T; t++) {
    data.set(C.data.subarray(t * K, (t + 1) * K), t * cols);
    data.set(I.data.subarray(t * n, (t + 1) * n), t * cols + K);
    if (financing) data[t * cols + K + n] = financing[t]!;
  }
  const linked = linkCarino({
    contributions: { rows: T, cols, data },
    portfolioReturns,
  });
  return {
    exposures: linked.linked.slice(0, K),
    implementation: linked.linked.slice(K, K + n),
    financing: financing ? linked.linked[K + n]! : undefined,
    totalReturn: linked.totalReturn,
  };
}

/** Series inputs of {@link alignExposureAttribution}. */
export interface ExposureAttributionSeries {
  /** One return series per fund (ids = fund symbols, unique). */
  readonly funds: readonly NamedSeries[];
  /** The K exposures the funds load on, in the column order of the loadings. */
  readonly exposureIds: readonly string[];
  /** Exposure id → return series (extra ids are ignored and do not restrict the dates). */
  readonly exposureReturns: ReadonlyMap<string, ReturnSeries>;
  /** Per-period cash series of the financing leg. */
  readonly cashReturns?: ReturnSeries;
  /** Exposure id served by `cashReturns` when absent from `exposureReturns` (default `cash_rate`). */
  readonly cashExposureId?: string;
}

/** Matrices on the common dates, ready for {@link periodExposureAttribution}. */
export interface AlignedExposureAttribution {
  readonly dates: readonly IsoDate[];
  /** T × n, funds in input order. */
  readonly fundReturns: Matrix;
  /** T × K, exposures in `exposureIds` order. */
  readonly exposureReturns: Matrix;
  readonly cashReturns?: Float64Array;
  /**
   * `DATES_DROPPED` when some dates on which every fund has a return are left out because an
   * exposure or the cash series has none.
   */
  readonly warnings: readonly Warning[];
}

/**
 * Aligns funds, exposures and cash on the dates they ALL share (explicit intersection, nothing
 * filled). Throws `DATA_UNAVAILABLE` naming every exposure of `exposureIds` without a series,
 * `INSUFFICIENT_DATA` when the series share no date, `INVALID_INPUT` on duplicate ids.
 */
export function alignExposureAttribution(
  input: ExposureAttributionSeries,
): AlignedExposureAttribution {
  const cashId = input.cashExposureId ?? 'cash_rate';
  const cash = input.cashReturns;
  const seriesOf = (id: string): ReturnSeries | undefined =>
    input.exposureReturns.get(id) ?? (id === cashId ? cash : undefined);
  const missing = input.exposureIds.filter((id) => seriesOf(id) === undefined);
  if (missing.length > 0)
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `no return series for exposure${missing.length === 1 ? '' : 's'} ${missing.join(', ')} (loaded by the funds)`,
      { field: 'exposureReturns', missing },
    );
  const n = input.funds.length;
  const K = input.exposureIds.length;
  const table = alignCommon([
    ...input.funds.map((f) => ({ id: `fund ${f.id}`, series: f.series })),
    ...input.exposureIds.map((id) => ({ id: `exposure ${id}`, series: seriesOf(id)! })),
    ...(cash ? [{ id: `cash ${cashId} (financing)`, series: cash }] : []),
  ]);
  const T = table.dates.length;
  const fill = (first: number, width: number): Matrix => {
    const data = new Float64Array(T * width);
    for (let t = 0; t < T; t++)
      for (let j = 0; j < width; j++) data[t * width + j] = table.columns[first + j]![t]!;
    return { rows: T, cols: width, data };
  };
  const fundDates = input.funds.map((f) => new Set(f.series.map((p) => p.date)));
  const dropped = droppedDatesWarning({
    field: 'exposureReturns',
    subject: 'attribution',
    dates: (input.funds[0]?.series ?? [])
      .map((p) => p.date)
      .filter((d) => fundDates.every((s) => s.has(d))),
    kept: table.dates,
    why: `not every loaded exposure${cash ? ' and the cash series' : ''} has a return on them`,
  });
  return {
    dates: table.dates,
    fundReturns: fill(0, n),
    exposureReturns: fill(n, K),
    ...(cash ? { cashReturns: Float64Array.from(table.columns[n + K]!) } : {}),
    warnings: dropped ? [dropped] : [],
  };
}
