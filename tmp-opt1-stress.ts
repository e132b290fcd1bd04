import { activeSetQp } from './src/core/qp/active-set';
import { boxRowStart, toDenseQp } from './src/core/qp/dense-qp';
import { budgetQp, factorCovariance, maxAbsDifference } from './test/helpers/qp-problems';
import { quadprogMinVariance } from './test/helpers/quadprog-oracle';
let bad = 0, worst = 0;
for (let seed = 1; seed < 1200 && bad < 5; seed++) for (const n of [2, 3, 5, 8, 13, 24, 40]) for (const cap of [0.05, 0.2, 0.5, 1]) {
  const upper = Math.max(cap, 1.5 / n);
  const cov = factorCovariance({ n, seed });
  const linear = Float64Array.from({ length: n }, (_, i) => 0.01 * Math.sin(seed + i));
  const lower = seed % 2 ? -0.3 : 0;
  const qp = toDenseQp(budgetQp({ cov, upper, linear, lower }))!;
  const r = activeSetQp(qp, { start: boxRowStart(qp)! });
  if (r.status !== 'optimal') { console.log(n, seed, cap, r.status, r.iterations); bad++; continue; }
  if (lower === 0 && seed % 10 === 0) { worst = Math.max(worst, maxAbsDifference(r.x!, quadprogMinVariance({ cov, upper, linear }).weights)); }
}
console.log('bad', bad, 'worst vs quadprog', worst);
