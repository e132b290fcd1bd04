import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `ballast plan` through the CLI: the shared portfolio input (`--holdings`, `--prices`,
 * `--funds`), funds not yet held (`--candidates`), the exposure returns' source (`--source`,
 * `--moments`), the estimation models, and the trade list as CSV.
 */
const db = (): string => join(mkdtempSync(join(tmpdir(), 'ballast-db-')), 'test.sqlite');
const run = (...args: string[]) => runCli('--db', db(), 'plan', '--as-of', '2025-10-01', ...args);

async function json(...args: string[]) {
  const r = await run(...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('ballast plan', () => {
  it('--candidates GLD (priced from --prices) makes gold reachable; a file of candidates works too', async () => {
    const { p, c } = tempFiles({ p: 'symbol,price\nGLD,180\n', c: '# candidates\nGLD\n' });
    const listed = await json('--prices', p!, '--candidates', 'GLD');
    expect(listed.stage1.exposures).toHaveProperty('gold');
    expect(listed.mapping.weightsByFund).toHaveProperty('GLD');
    const fromFile = await json('--prices', p!, '--candidates', c!);
    expect(fromFile.stage1.exposures).toEqual(listed.stage1.exposures);
    const unpriced = await run('--candidates', 'GLD');
    expect(unpriced.code).toBe(4);
    expect(unpriced.stderr).toContain('--candidates');
  });

  it('--moments from estimate universe (sample, historical) gives the plan of the bundled sample', async () => {
    const est = await runCli(
      '--db',
      db(),
      'estimate',
      'universe',
      '--source',
      'sample',
      '--covariance',
      'sample',
      '--format',
      'json',
    );
    expect(est.code, est.stderr).toBe(0);
    const { m } = tempFiles({ m: est.stdout });
    const viaFile = await json('--moments', m!);
    const direct = await json('--source', 'sample');
    expect(viaFile.returns).toEqual({ source: 'moments' });
    for (const [k, x] of Object.entries(direct.stage1.exposures as Record<string, number>))
      expect(viaFile.stage1.exposures[k]).toBeCloseTo(x, 9);
  });

  it('--source store on an empty store is DATA_UNAVAILABLE; --holdings with --funds plans that portfolio', async () => {
    const store = await run('--source', 'store');
    expect(store.code).toBe(4);
    expect(store.stderr).toContain('DATA_UNAVAILABLE');
    const out = await json(
      '--holdings',
      'test/fixtures/risk/holdings.csv',
      '--funds',
      'test/fixtures/risk/funds.yaml',
      '--covariance',
      'ledoit-wolf',
    );
    expect(Object.keys(out.mapping.weightsByFund).sort()).toEqual(['BOND', 'GLOBAL', 'LEV2']);
    expect(out.stage1.volatilityAnnual).toBeCloseTo(0.1, 9);
  });

  it('--format csv prints the trade list, one row per trade', async () => {
    const r = await run('--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    const doc = await json();
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]!.startsWith('side,symbol,account,quantity,price')).toBe(true);
    expect(lines).toHaveLength(doc.trades.trades.length + 1);
  });
});
