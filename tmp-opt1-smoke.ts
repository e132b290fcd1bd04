import { loadHighs } from './src/core/solvers/highs';
import { optimize } from './src/domain/optimize';
import { fromRows } from './src/core/linalg/matrix';
const highs = await loadHighs();
const inputs = { assets: ['A', 'B'], expectedReturnsAnnual: Float64Array.from([0.1, 0.08]), covarianceAnnual: fromRows([[0.04, 0], [0, 0.01]]), riskFreeRateAnnual: 0.02 };
for (const objective of [{ kind: 'maxSharpe' }, { kind: 'minVariance' }, { kind: 'utility', riskAversion: 1 }, { kind: 'maxReturn' }, { kind: 'efficientReturn', targetReturnAnnual: 0.09 }, { kind: 'efficientRisk', targetVolatilityAnnual: 0.12 }, { kind: 'maxDiversification' }, { kind: 'minTrackingError', benchmarkWeights: [0.5, 0.5] }] as const) {
  const r = optimize(highs, inputs, { objective });
  console.log(objective.kind, r.weights, r.sharpe.toFixed(4), r.volatilityAnnual, r.diagnostics.solver, r.diagnostics.solves, r.objectiveValue);
}
const ls = optimize(highs, inputs, { objective: { kind: 'maxSharpe' }, constraints: { longShort: { grossMax: 2 } } });
console.log('ls', ls.weights, ls.diagnostics);
const cl = optimize(highs, inputs, { objective: { kind: 'maxSharpe' }, constraints: { budget: { kind: 'cashLine', borrowSpreadAnnual: 0.01 }, maxWeight: 3 }, targetVolatilityAnnual: 0.15 });
console.log('cl', cl.weights, cl.cash, cl.volatilityAnnual, cl.diagnostics, cl.constraintsChecked);
