// Types for the `quadprog` npm package (a JavaScript port of R's quadprog, Goldfarb-Idnani dual
// method), used only as a test and benchmark oracle. Arrays are 1-based like the Fortran code.
declare module 'quadprog' {
  /** Result of solveQP; `message` is non-empty on failure. */
  export interface QuadprogResult {
    readonly solution: number[];
    readonly Lagrangian: number[];
    readonly value: number[];
    readonly iterations: number[];
    readonly message: string;
  }
  /** min −dᵀb + ½bᵀDb s.t. Aᵀb ≥ b0, the first `meq` constraints as equalities (1-based). */
  export function solveQP(
    dmat: number[][],
    dvec: number[],
    amat: number[][],
    bvec: number[],
    meq?: number,
  ): QuadprogResult;
}
