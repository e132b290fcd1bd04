import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { fundsImport, fundsList, fundsValidate } from './funds.ts';
import { errorOf } from './test-helpers.ts';

const SAMPLE = 'test/fixtures/exposures/fund_universe_sample.yaml';

describe('funds use cases', () => {
  it('imports a weight-style file: RSSB 0.5 + 0.5 at 1.9 notional becomes 0.95 of each', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ballast-funds-')), 'funds.yaml');
    const doc = await fundsImport({ weightStyle: { path: SAMPLE }, out });
    expect(doc.funds).toBe(7);
    const list = await fundsList({ funds: { path: out } });
    // economic = weight × total_notional = 0.5 × 1.9
    expect(list.funds['RSSB']!.sourceExposures).toEqual({ BONDS: 0.95, GLOBAL_EQUITY: 0.95 });
    expect(list.funds['RSSB']!.exposures['broad_ust']).toBeCloseTo(0.95, 12);
    const check = await fundsValidate({ funds: { path: out } });
    expect(check).toMatchObject({ funds: 7, valid: true });
  });

  it('refuses to write over its own input', async () => {
    const e = await errorOf(() =>
      fundsImport({ weightStyle: { path: SAMPLE }, out: `./${SAMPLE}` }),
    );
    expect((e as BallastError).details).toMatchObject({ field: 'out' });
  });

  it('reports an unknown exposure as an error issue without throwing', async () => {
    const doc = await fundsValidate({
      funds: {
        text: 'funds:\n  BAD:\n    name: Bad\n    category: Test\n    exposures: { moon_rocks: 1.0 }\n    provenance: test\n    validatedBy: null\n',
        name: 'bad.yaml',
      },
    });
    expect(doc.file).toBe('bad.yaml');
    expect(doc.valid).toBe(false);
    expect(doc.issues[0]).toMatchObject({ severity: 'error', symbol: 'BAD' });
  });
});
