import { loadHighs, solve } from './src/core/solvers/highs';
import { solveProblem } from './src/core/solvers/solve-qp';
import { sparseConstraints } from './src/core/solvers/sparse-constraints';
import { quadprogMinVariance } from './test/helpers/quadprog-oracle';

function factorCov(n: number, seed: number) {
  let s = seed;
  const u = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
  const nrm = () => u() + u() + u() + u() + u() + u() - 3;
  const K = 4;
  const B = Float64Array.from({ length: n * K }, (_, i) => (i % K === 0 ? 0.7 + 0.6 * u() : 0.3 * nrm()));
  const fv = [0.03, 0.01, 0.008, 0.005];
  const d = Float64Array.from({ length: n }, () => 0.01 + 0.08 * u() ** 2);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    let v = 0; for (let k = 0; k < K; k++) v += B[i * K + k]! * fv[k]! * B[j * K + k]!;
    if (i === j) v += d[i]!;
    data[i * n + j] = v; data[j * n + i] = v;
  }
  return { rows: n, cols: n, data };
}
const highs = await loadHighs();
for (const n of [50, 100, 200, 500, 1000, 2000]) {
  const cov = factorCov(n, 12345 + n);
  const problem = {
    n, hessian: cov, linear: new Float64Array(n), lower: new Float64Array(n), upper: new Float64Array(n).fill(1),
    constraints: sparseConstraints([{ indices: Array.from({ length: n }, (_, i) => i), values: new Float64Array(n).fill(1), lower: 1, upper: 1 }]),
  };
  const t0 = performance.now();
  const r = solveProblem(highs, problem);
  const t1 = performance.now();
  const rh = n <= 1000 ? solveProblem(highs, problem, { method: 'highs' }) : undefined;
  const t2 = performance.now();
  const q = n <= 500 ? quadprogMinVariance({ cov }) : undefined;
  const t3 = performance.now();
  let dq = 0, dh = 0, held = 0;
  for (let i = 0; i < n; i++) { if (r.x![i]! > 0) held++; if (q) dq = Math.max(dq, Math.abs(r.x![i]! - q.weights[i]!)); if (rh?.x) dh = Math.max(dh, Math.abs(r.x![i]! - rh.x[i]!)); }
  console.log(n, r.status, r.solver, r.message, 'it', r.iterations, 'held', held, 'dense ms', (t1 - t0).toFixed(1), 'highs ms', (t2 - t1).toFixed(1), rh?.solver, rh?.message, 'qp ms', (t3 - t2).toFixed(1), 'dq', dq.toExponential(2), 'dh', dh.toExponential(2));
}
