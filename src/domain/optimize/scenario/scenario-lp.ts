/**
 * Linear-program pieces shared by the scenario optimisers (CVaR, CDaR, semivariance): CSR row
 * blocks built directly into typed arrays (no per-row objects, so a T = 1000 × n = 500
 * scenario block of ≈ 500 000 non-zeros assembles in milliseconds), row stacking, and the
 * per-period scenario return of every model variable.
 */

import type { Matrix } from '../../../core/linalg/matrix.ts';
import type { SolveOptions, SparseConstraints } from '../../../core/solvers/types.ts';
import { invalidInput } from '../../errors.ts';
import type { PortfolioModel } from '../model/portfolio-model.ts';

/**
 * HiGHS options of the scenario programs: feasibility tolerances tightened from HiGHS's
 * 1e-7 to 1e-10 so that every verified constraint (tolerance 1e-9) holds on the returned
 * vertex.
 */
export const LP_OPTIONS: SolveOptions = {
  highsOptions: { primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 },
};

/** A growable CSR block (rows appended one at a time into preallocated typed arrays). */
export class CsrBuilder {
  private readonly starts: number[] = [0];
  private columns: Int32Array;
  private values: Float64Array;
  private readonly lowers: number[] = [];
  private readonly uppers: number[] = [];
  private nnz = 0;

  /** Preallocates room for `capacity` non-zeros (grows if exceeded). */
  constructor(capacity: number) {
    this.columns = new Int32Array(Math.max(capacity, 16));
    this.values = new Float64Array(Math.max(capacity, 16));
  }

  /** Number of rows closed so far. */
  get rows(): number {
    return this.lowers.length;
  }

  /** Adds entry (current row, `column`) = `value`; exact zeros are skipped. */
  push(column: number, value: number): void {
    if (value === 0) return;
    if (this.nnz === this.columns.length) {
      const columns = new Int32Array(this.nnz * 2);
      columns.set(this.columns);
      const values = new Float64Array(this.nnz * 2);
      values.set(this.values);
      this.columns = columns;
      this.values = values;
    }
    this.columns[this.nnz] = column;
    this.values[this.nnz] = value;
    this.nnz++;
  }

  /** Closes the current row with bounds lower ≤ row·x ≤ upper; returns its index in the block. */
  endRow(lower: number, upper: number): number {
    this.starts.push(this.nnz);
    this.lowers.push(lower);
    this.uppers.push(upper);
    return this.lowers.length - 1;
  }

  /** The rows as {@link SparseConstraints} (column indices as pushed). */
  build(): SparseConstraints {
    return {
      rows: this.lowers.length,
      rowStarts: Int32Array.from(this.starts),
      columns: this.columns.slice(0, this.nnz),
      values: this.values.slice(0, this.nnz),
      lower: Float64Array.from(this.lowers),
      upper: Float64Array.from(this.uppers),
    };
  }
}

/** `base` followed by `extra`. */
export function extend(base: Float64Array, extra: ArrayLike<number>): Float64Array {
  const out = new Float64Array(base.length + extra.length);
  out.set(base);
  out.set(extra, base.length);
  return out;
}

/** Rows of `a` followed by rows of `b` (same column space). */
export function stackRows(a: SparseConstraints, b: SparseConstraints): SparseConstraints {
  const nnzA = a.rowStarts[a.rows]!;
  const nnzB = b.rowStarts[b.rows]!;
  const rowStarts = new Int32Array(a.rows + b.rows + 1);
  rowStarts.set(a.rowStarts.subarray(0, a.rows + 1));
  for (let i = 1; i <= b.rows; i++) rowStarts[a.rows + i] = nnzA + b.rowStarts[i]!;
  const columns = new Int32Array(nnzA + nnzB);
  columns.set(a.columns.subarray(0, nnzA));
  columns.set(b.columns.subarray(0, nnzB), nnzA);
  const values = new Float64Array(nnzA + nnzB);
  values.set(a.values.subarray(0, nnzA));
  values.set(b.values.subarray(0, nnzB), nnzA);
  return {
    rows: a.rows + b.rows,
    rowStarts,
    columns,
    values,
    lower: extend(a.lower, b.lower),
    upper: extend(a.upper, b.upper),
  };
}

/** T × n per-period scenario returns (rows = periods) and the annualisation factor. */
export interface ScenarioInputs {
  /** Per-period simple returns, columns in the order of the optimiser's assets. */
  readonly scenarios: Matrix;
  /** Periods per year of the scenarios (252, 52, 12…): converts annual μ and rf. */
  readonly periodsPerYear: number;
}

/**
 * Validates the scenario matrix (T ≥ 1 rows, n columns, all finite) and `periodsPerYear > 0`.
 * Throws `INVALID_INPUT` naming the period and asset of a bad value.
 */
export function checkScenarios(input: ScenarioInputs, assets: readonly string[]): void {
  const { scenarios: s, periodsPerYear } = input;
  if (!(periodsPerYear > 0) || !Number.isFinite(periodsPerYear)) {
    throw invalidInput('periodsPerYear', periodsPerYear, 'must be a positive number');
  }
  if (s.cols !== assets.length)
    throw invalidInput('scenarios', s.cols, `needs ${assets.length} columns (one per asset)`);
  if (s.rows < 1) throw invalidInput('scenarios', s.rows, 'needs at least one period');
  for (let k = 0; k < s.data.length; k++) {
    const v = s.data[k]!;
    if (!Number.isFinite(v))
      throw invalidInput(
        `scenarios[${Math.floor(k / s.cols)}].${assets[k % s.cols]}`,
        v,
        'not a finite number',
      );
  }
}

/**
 * Per-period return of the model's cash variables: c⁺ earns rf/k, c⁻ costs (rf + spread)/k
 * (k = periods per year; arithmetic de-annualisation, as μ = mean × k). Other auxiliary
 * variables (turnover) have no scenario return: their cost is one-off, reported separately.
 */
export function cashReturnsPerPeriod(
  pm: PortfolioModel,
  periodsPerYear: number,
): Map<number, number> {
  const out = new Map<number, number>();
  if (pm.cash === undefined) return out;
  for (const j of [pm.cash.lend, pm.cash.borrow])
    out.set(j, (pm.auxiliaryReturns.get(j) ?? 0) / periodsPerYear);
  return out;
}

/** Appends Σ_j r_tj·x_j + Σ_cash ρ_c·x_c (the portfolio's return in period t) to the open row. */
export function pushScenarioReturn(
  block: CsrBuilder,
  spec: {
    readonly scenarios: Matrix;
    readonly t: number;
    readonly cash: ReadonlyMap<number, number>;
    readonly scale?: number;
  },
): void {
  const { scenarios: s, t } = spec;
  const scale = spec.scale ?? 1;
  const row = t * s.cols;
  for (let j = 0; j < s.cols; j++) block.push(j, scale * s.data[row + j]!);
  for (const [j, rho] of spec.cash) block.push(j, scale * rho);
}
