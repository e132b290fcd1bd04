import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const HOLDINGS = 'test/fixtures/risk/holdings.csv';
const FUNDS = 'test/fixtures/risk/funds.yaml';

describe('ballast exposures --chart', () => {
  it('draws the treemap by category with the hand-computed exposure weights', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-exposures-chart-'));
    const svgPath = join(dir, 'x.svg');
    const run = await runCli(
      '--db',
      join(dir, 'db.sqlite'),
      'exposures',
      '--holdings',
      HOLDINGS,
      '--funds',
      FUNDS,
      '--chart',
      svgPath,
    );
    expect(run.code, run.stderr).toBe(0);
    const svg = readFileSync(svgPath, 'utf8');
    // Total value 100·60 + 200·25 + 100·90 + 10·50 − 2 500 + 500 = 18 500. LEV2 is 2× US large
    // equity, GLOBAL 0.6 US + 0.4 international, BOND broad Treasuries (fixture funds.yaml):
    // US (2·6 000 + 0.6·5 000)/18 500 = 81.1 %, intl 2 000/18 500 = 10.8 %, UST 9 000/18 500 =
    // 48.6 %; equity_beta 17 000/18 500 = 91.9 %; gross = net = 26 000/18 500 = 140.5 %.
    for (const label of ['81.1 %', '10.8 %', '48.6 %', 'equity_beta 91.9 %', 'gross 140.5 %'])
      expect(svg).toContain(label);
    expect(svg).toContain('nominal_fixed_income 48.6 %');
    expect(run.stderr).toMatch(/chart: wrote .*x\.svg \(svg, 960×600/);
  });

  it('rejects another extension before reading anything', async () => {
    const run = await runCli('--db', '/nonexistent/db.sqlite', 'exposures', '--chart', 'x.gif');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/INVALID_INPUT.*--chart.*x\.gif/);
  });
});
