import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPeerMoments } from '../helpers/peer-panels.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('ballast estimate --chart', () => {
  it('draws the correlation heatmap with every cell labelled (peer moments, numpy 1.24.2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-estimate-chart-'));
    const svgPath = join(dir, 'corr.svg');
    const run = await runCli(
      '--db',
      join(dir, 'db.sqlite'),
      'estimate',
      '--returns',
      'test/fixtures/peers/lpp2005rec_assets6.csv',
      '--chart',
      svgPath,
    );
    expect(run.code, run.stderr).toBe(0);
    const svg = readFileSync(svgPath, 'utf8');
    const m = readPeerMoments('lpp2005rec_assets6');
    const n = m.assets.length;
    // ρ_ij = cov_ij / √(cov_ii cov_jj) from the peer covariance; every cell is labelled to two
    // decimals, so each value's label appears in the SVG.
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const rho = m.cov[i]![j]! / Math.sqrt(m.cov[i]![i]! * m.cov[j]![j]!);
        expect(svg).toContain(`>${rho.toFixed(2)}<`);
      }
    for (const asset of m.assets) expect(svg).toContain(`>${asset}<`);
  });

  it('rejects another extension before estimating', async () => {
    const run = await runCli('--db', '/nonexistent/x.sqlite', 'estimate', '--chart', 'c.bmp');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/INVALID_INPUT.*--chart.*c\.bmp/);
  });
});
