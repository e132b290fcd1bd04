import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

describe('ballast analyze: Cornish-Fisher (modified) CVaR', () => {
  it('reports cvarCornishFisher with its convention; Gaussian CVaR on a zero-skew, zero-excess-kurtosis series', async () => {
    // r = 0.01 ± 0.03 once each, 0.01 four times: population m2 = 0.0003, S = 0,
    // m4/m2² = 2.7e-7/9e-8 = 3 → K = 0, so the modified CVaR is −0.01 + √0.0003·φ(z)/0.05 with
    // z = qnorm(0.05) = −1.6448536269514722 (R): φ(z)/0.05 = 2.0627128075…, CVaR = 0.025727234.
    const { r } = tempFiles({
      r: 'date,A\n2024-01-31,-0.02\n2024-02-29,0.04\n2024-03-31,0.01\n2024-04-30,0.01\n2024-05-31,0.01\n2024-06-30,0.01\n',
    });
    const run = await runCli(
      '--db',
      `${r!}.sqlite`,
      'analyze',
      '--returns',
      r!,
      '--column',
      'A',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const z = -1.6448536269514722;
    const phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    expect(out.metrics.cvarCornishFisher).toBeCloseTo(-0.01 + (Math.sqrt(0.0003) * phi) / 0.05, 14);
    expect(out.metrics.cvarCornishFisher).toBeCloseTo(0.025727234, 9);
    expect(out.conventions.cvarCornishFisher).toMatch(/ES method "modified"/);
    const table = await runCli('--db', `${r!}.sqlite`, 'analyze', '--returns', r!, '--column', 'A');
    expect(table.stdout).toMatch(/cvarCornishFisher +0\.0257272/);
  });
});
