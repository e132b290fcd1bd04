/**
 * A small linear-model builder: named variables with bounds (optionally integer) and named
 * rows `lower ≤ Σ a_j x_j ≤ upper`, built into the CSR {@link SparseConstraints} the solver
 * wrapper takes. Variables are numbered in the order added, so a caller can put its main
 * variables first and append auxiliary ones (and further rows) after them; the names serve
 * reports and error messages.
 */

import { sparseConstraints } from './sparse-constraints.ts';
import type { SparseConstraints } from './types.ts';

/** One named linear row `lower ≤ Σ_k values[k]·x[indices[k]] ≤ upper` (±Infinity = free side). */
export interface ModelRow {
  readonly name: string;
  readonly indices: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly lower: number;
  readonly upper: number;
}

/** A built linear model: variable bounds and rows, with names for reports and errors. */
export interface LinearModel {
  readonly variableCount: number;
  readonly variableNames: readonly string[];
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly constraints: SparseConstraints;
  readonly rowNames: readonly string[];
  /** The rows as added (same order as `constraints`), for checking and homogenising. */
  readonly rows: readonly ModelRow[];
  /** Integer variables (MILP), present only when some variable is integer. */
  readonly integer?: readonly boolean[];
}

/** Specification of a block of variables for {@link ModelBuilder.addVariables}. */
export interface VariableBlock {
  /** One name per variable (its length is the block size). */
  readonly names: readonly string[];
  /** A common lower bound or one per variable (default 0). */
  readonly lower?: number | ArrayLike<number>;
  /** A common upper bound or one per variable (default +Infinity). */
  readonly upper?: number | ArrayLike<number>;
  /** Integer variables (default false: continuous). */
  readonly integer?: boolean;
}

/** Mutable builder of a {@link LinearModel}; variables are numbered in the order added. */
export class ModelBuilder {
  private readonly names: string[] = [];
  private readonly lowers: number[] = [];
  private readonly uppers: number[] = [];
  private readonly integers: boolean[] = [];
  private readonly rowList: ModelRow[] = [];

  /** Number of variables added so far. */
  get variableCount(): number {
    return this.names.length;
  }

  /** Number of rows added so far. */
  get rowCount(): number {
    return this.rowList.length;
  }

  /** Appends a block of variables and returns the index of its first variable. */
  addVariables(block: VariableBlock): number {
    const first = this.names.length;
    const pick = (
      v: number | ArrayLike<number> | undefined,
      fallback: number,
      k: number,
    ): number => (v === undefined ? fallback : typeof v === 'number' ? v : (v[k] ?? fallback));
    block.names.forEach((name, k) => {
      this.names.push(name);
      this.lowers.push(pick(block.lower, 0, k));
      this.uppers.push(pick(block.upper, Infinity, k));
      this.integers.push(block.integer === true);
    });
    return first;
  }

  /** Tightens the bounds of variable `index` to [max(lower, old), min(upper, old)]. */
  tightenBounds(index: number, bounds: { readonly lower?: number; readonly upper?: number }): void {
    if (bounds.lower !== undefined)
      this.lowers[index] = Math.max(this.lowers[index]!, bounds.lower);
    if (bounds.upper !== undefined)
      this.uppers[index] = Math.min(this.uppers[index]!, bounds.upper);
  }

  /** Current bounds of variable `index`. */
  boundsOf(index: number): { readonly lower: number; readonly upper: number } {
    return { lower: this.lowers[index]!, upper: this.uppers[index]! };
  }

  /** Appends a row and returns its index. Throws RangeError for an unknown variable index. */
  addRow(row: ModelRow): number {
    for (let k = 0; k < row.indices.length; k++) {
      const j = row.indices[k]!;
      if (!Number.isInteger(j) || j < 0 || j >= this.names.length) {
        throw new RangeError(`addRow ${row.name}: variable index ${j} out of range`);
      }
    }
    this.rowList.push(row);
    return this.rowList.length - 1;
  }

  /** The model as built so far (the builder stays usable). */
  build(): LinearModel {
    return {
      variableCount: this.names.length,
      variableNames: [...this.names],
      lower: Float64Array.from(this.lowers),
      upper: Float64Array.from(this.uppers),
      constraints: sparseConstraints(this.rowList),
      rowNames: this.rowList.map((r) => r.name),
      rows: [...this.rowList],
      ...(this.integers.some(Boolean) ? { integer: [...this.integers] } : {}),
    };
  }
}
