/**
 * Ballast as a library. The main entry gives the use cases the CLI and the HTTP API run (each
 * with its zod input schema and document type), their dependencies (`createDeps`) and the error
 * and warning types. Subpaths give the finance on its own, as pure functions:
 *
 * | import | what |
 * |---|---|
 * | `ballast` | use cases, `createDeps`, `BallastError`, `Warning` |
 * | `ballast/optimize` | `optimize` / `optimizeAsync` for every objective, frontiers, fund mapping |
 * | `ballast/estimate` | covariance and expected-return estimators |
 * | `ballast/analytics` | performance and risk measures, drawdowns, VaR/CVaR, factor regression |
 * | `ballast/ledger` | transactions → lots, positions, realised gains |
 * | `ballast/exposures` | fund definitions → economic exposures |
 * | `ballast/series` | returns from prices, resampling, alignment, inflation |
 * | `ballast/performance` | portfolio history, TWR, MWR, attribution |
 * | `ballast/backtest` | the backtest engine: strategies over a price matrix, TWR, MWR, drawdowns |
 * | `ballast/notebook` | `jsonView`, `chartView`: documents and charts that display in Jupyter (docs/notebooks) |
 *
 * @example
 * ```ts
 * import { positions } from 'ballast';
 * const doc = positions({ transactions: { path: 'ledger.csv' }, lotMethod: 'hifo' });
 * console.log(doc.realizedTotal); // { shortTerm, longTerm, total } in dollars
 * ```
 *
 * @example
 * ```ts
 * import { optimizeAsync } from 'ballast/optimize';
 * const result = await optimizeAsync({
 *   inputs: { assets: ['A', 'B'], expectedReturnsAnnual: new Float64Array([0.1, 0.08]),
 *     covarianceAnnual: { rows: 2, cols: 2, data: new Float64Array([0.04, 0, 0, 0.01]) },
 *     riskFreeRateAnnual: 0.02 },
 *   objective: { kind: 'maxSharpe' },
 * });
 * result.weights; // { A: 0.25, B: 0.75 }
 * ```
 */

export * from './app/index.ts';
