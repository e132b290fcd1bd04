import { loadHighs } from './src/core/solvers/highs';
import { optimize } from './src/domain/optimize';
const highs = await loadHighs();
for (const n of [500, 2000]) for (const idioScale of [1, 3]) {
  let s = 7 + n;
  const u = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
  const k = 3; const fv = [0.0256, 0.0025, 0.0016];
  const b = Float64Array.from({ length: n * k }, (_, i) => (i % k === 0 ? 0.9 + 0.2 * u() : 0.2 * (u() - 0.5)));
  const idio = Float64Array.from({ length: n }, () => (idioScale * (0.1 + 0.05 * u())) ** 2);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) { let v = i === j ? idio[i]! : 0; for (let f = 0; f < k; f++) v += b[i*k+f]! * fv[f]! * b[j*k+f]!; data[i*n+j] = v; data[j*n+i] = v; }
  const inputs = { assets: Array.from({ length: n }, (_, i) => `S${i}`), expectedReturnsAnnual: new Float64Array(n).fill(0.07), covarianceAnnual: { rows: n, cols: n, data }, riskFreeRateAnnual: 0.02 };
  const r = optimize(highs, inputs, { objective: { kind: 'minVariance' }, validation: { psdCheckMaxAssets: 0 } });
  console.log(n, idioScale, r.diagnostics.solveMs.toFixed(1), r.diagnostics.iterations, r.weightsVector.filter((w) => w > 0).length);
}
