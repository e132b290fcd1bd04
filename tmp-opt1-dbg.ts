import { isPositiveSemidefinite } from './src/core/linalg/positive-semidefinite';
import { factorCovariance } from './test/helpers/qp-problems';
for (const n of [100, 200, 500, 1000]) {
  const c = factorCovariance({ n, seed: 1 });
  isPositiveSemidefinite(c);
  const t = performance.now(); isPositiveSemidefinite(c); console.log(n, (performance.now() - t).toFixed(1));
}
