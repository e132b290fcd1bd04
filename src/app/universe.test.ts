import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { universe } from './universe.ts';

describe('universe use case', () => {
  it('lists every exposure and category of config/exposures.yaml, in file order', async () => {
    const doc = await universe({});
    // Counted independently: the `  - id:` lines under `exposures:` and under `categories:`.
    const text = readFileSync('config/exposures.yaml', 'utf8');
    const [exposurePart, categoryPart] = text.split(/^categories:$/m) as [string, string];
    const ids = (part: string) => [...part.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]);
    expect(doc.exposures.map((e) => e.id)).toEqual(ids(exposurePart));
    expect(doc.categories.map((c) => c.id)).toEqual(ids(categoryPart));
    expect(doc.exposures.find((e) => e.id === 'us_large_equity')!.implementations[0]).toEqual(
      expect.objectContaining({ type: 'etf_average', tickers: ['SPY', 'IVV', 'VOO'] }),
    );
  });
});
