import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { tempFiles } from '../helpers/run-cli.ts';

/** Several currencies through the CLI (docs/currencies.md). */

const ECB = readFileSync(
  new URL('../fixtures/fx/eurofxref-hist-sample.csv', import.meta.url),
  'utf8',
);
const NOW = '2024-01-05T18:00:00.000Z';

async function cli(db: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'ballast', '--db', db, ...args],
    { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) },
    { env: {}, clock: fixedClock(NOW, NOW.slice(0, 10)) },
  );
  return { code, stdout, stderr };
}

describe('ballast data import --kind fx-ecb and data fx-rate', () => {
  it('imports the ECB file and prints direct and cross rates with their legs', async () => {
    const files = tempFiles({ 'store.sqlite': '', 'eurofxref-hist.csv': ECB });
    const db = files['store.sqlite']!;
    const imported = await cli(
      db,
      'data',
      'import',
      '--csv',
      files['eurofxref-hist.csv']!,
      '--kind',
      'fx-ecb',
      '--format',
      'json',
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toContainEqual({
      id: 'FX:EURUSD',
      kind: 'fx',
      rows: 4,
      written: 4,
    });

    const direct = await cli(db, 'data', 'fx-rate', 'EURGBP', '--date', '2024-01-03');
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.stdout).toContain('1 EUR = 0.865 GBP on 2024-01-03 (rate of 2024-01-03)');

    // GBP → JPY on 2 January via EUR: (1/0.87 EUR per GBP) × 155 JPY per EUR = 178.1609195…
    const cross = await cli(
      db,
      'data',
      'fx-rate',
      'gbp/jpy',
      '--date',
      '2024-01-02',
      '--format',
      'json',
    );
    expect(cross.code, cross.stderr).toBe(0);
    const doc = JSON.parse(cross.stdout) as { rate: number; legs: { series: string }[] };
    expect(doc.rate).toBeCloseTo(155 / 0.87, 9);
    expect(doc.legs.map((l) => l.series)).toEqual(['FX:EURGBP', 'FX:EURJPY']);

    const missing = await cli(db, 'data', 'fx-rate', 'EURCHF', '--date', '2024-01-02');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/DATA_UNAVAILABLE/);
    expect(missing.stderr).toMatch(/EURCHF on or before 2024-01-02/);
  });
});
