import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BallastError } from '../../domain/errors.ts';
import { createExposureRegistry } from '../../domain/exposures/registry.ts';
import { loadExposureConfig, loadExposureRegistry } from './load-exposure-config.ts';
import { loadWeightStyleFunds } from './load-fund-universe.ts';
import { thrownAsync, withTempFile } from './test-helpers.ts';

const fixture = (name: string) =>
  new URL(`../../../test/fixtures/exposures/${name}`, import.meta.url);

interface UpstreamImplementation {
  type: string;
  tickers?: string[];
  ticker?: string;
  alternative?: string;
  components?: { ticker: string; weight: number }[];
  start_date?: string;
  source?: string;
  series?: string;
  index?: string;
  description?: string;
}
interface UpstreamExposure {
  id: string;
  name: string;
  description: string;
  category: string;
  implementations: UpstreamImplementation[];
}
interface UpstreamUniverse {
  exposures: UpstreamExposure[];
  config: { categories: Record<string, string>[]; min_history_years: number };
}

async function upstreamUniverse(): Promise<UpstreamUniverse> {
  return parse(await readFile(fixture('exposure_universe.yaml'), 'utf8')) as UpstreamUniverse;
}

function fromUpstream(implementation: UpstreamImplementation): Record<string, unknown> {
  const { start_date: startDate, ...rest } = implementation;
  return startDate === undefined ? rest : { ...rest, startDate };
}

describe('the shipped config/exposures.yaml', () => {
  it('loads with exactly 17 exposures and 5 categories', async () => {
    const config = await loadExposureConfig();
    expect(config.exposures).toHaveLength(17);
    expect(config.categories).toHaveLength(5);
    expect(config.settings).toEqual({ minHistoryYears: 5, preferredHistoryYears: 10 });
  });

  it('keeps every upstream exposure in order with its name, category and implementations', async () => {
    const [config, upstream] = await Promise.all([loadExposureConfig(), upstreamUniverse()]);
    expect(config.exposures.map((e) => e.id)).toEqual(upstream.exposures.map((e) => e.id));
    upstream.exposures.forEach((expected, i) => {
      const actual = config.exposures[i];
      expect(actual?.name).toBe(expected.name);
      expect(actual?.category).toBe(expected.category);
      expect(actual?.implementations).toEqual(expected.implementations.map(fromUpstream));
      if (expected.id !== 'global_macro') {
        expect(actual?.description.replace(/\s+/g, ' ')).toBe(expected.description);
      }
    });
    expect(config.categories.map((c) => ({ [c.id]: c.description }))).toEqual(
      upstream.config.categories,
    );
  });

  it("fixes global_macro's description, which upstream copied from trend_following", async () => {
    const registry = await loadExposureRegistry();
    const macro = registry.get('global_macro').description;
    expect(macro).not.toBe(registry.get('trend_following').description);
    expect(macro).toMatch(/macro/i);
  });

  it('resolves older names: type codes, spreadsheet codes and display names', async () => {
    const registry = await loadExposureRegistry();
    expect(registry.resolve('US_LARGE_EQUITY').id).toBe('us_large_equity');
    expect(registry.resolve('e us l').id).toBe('us_large_equity');
    expect(registry.resolve('US Large Cap Equity Beta').id).toBe('us_large_equity');
    expect(registry.resolve('MANAGED_FUTURES').id).toBe('trend_following');
    expect(registry.resolve('rfr').id).toBe('cash_rate');
    for (const exposure of registry.exposures) {
      expect(registry.resolve(exposure.name)).toBe(exposure);
      for (const alias of exposure.aliases) expect(registry.resolve(alias)).toBe(exposure);
    }
    await expect(Promise.resolve().then(() => registry.resolve('crypto'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('maps every coarse name of both upstream fund files with weights summing to 1', async () => {
    const registry = await loadExposureRegistry();
    const files = await Promise.all([
      loadWeightStyleFunds(fixture('fund_universe.yaml')),
      loadWeightStyleFunds(fixture('fund_universe_sample.yaml')),
    ]);
    const names = new Set<string>();
    for (const file of files) {
      Object.keys(file.exposureTypes ?? {}).forEach((name) => names.add(name));
      Object.values(file.funds).forEach((f) =>
        Object.keys(f.exposures).forEach((n) => names.add(n)),
      );
    }
    expect(names.size).toBe(13);
    for (const name of names) {
      const found = registry.vocabularyEntry(name);
      expect(found?.name, name).toBe(name);
      const sum = Object.values(found?.entry.weights ?? {}).reduce((s, w) => s + w, 0);
      expect(sum, name).toBeCloseTo(1, 12);
      expect(found?.entry.note.length, name).toBeGreaterThan(10);
    }
    expect(registry.vocabularyEntry('GLOBAL_EQUITY')?.entry.weights).toEqual({
      us_large_equity: 0.62,
      intl_developed_large_equity: 0.28,
      emerging_equity: 0.1,
    });
  });
});

describe('loadExposureConfig errors', () => {
  it('throws NOT_FOUND naming the path of a missing file', async () => {
    const error = await thrownAsync(() => loadExposureConfig('/nonexistent/exposures.yaml'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('/nonexistent/exposures.yaml');
  });

  it('throws INVALID_INPUT naming the file, the field path and the value on a schema error', async () => {
    const text = (
      await readFile(new URL('../../../config/exposures.yaml', import.meta.url), 'utf8')
    ).replace("startDate: '2014-07-01'", "startDate: '2014-13-01'");
    await withTempFile('bad-exposures.yaml', text, async (file) => {
      const error = await thrownAsync(() => loadExposureConfig(file));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain(file);
      expect(error.message).toContain('exposures[5].implementations[1].startDate');
      expect(error.message).toContain('"2014-13-01"');
      expect(error.details).toMatchObject({ file, value: '2014-13-01' });
    });
  });

  it('names a misspelt key as the field', async () => {
    const text = 'exposures: []\ncategories: []\nsettings: {}\nvocabulary: {}\nextra: 1\n';
    await withTempFile('extra.yaml', text, async (file) => {
      const error = await thrownAsync(() => loadExposureConfig(file));
      expect(error.details['issues']).toContainEqual(
        expect.objectContaining({ field: 'extra', value: 1 }),
      );
    });
  });

  it('throws INVALID_INPUT with the line of a YAML syntax error', async () => {
    await withTempFile('syntax.yaml', 'exposures:\n  - id: [unclosed\n', async (file) => {
      const error = await thrownAsync(() => loadExposureConfig(file));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(new RegExp(`${file}:\\d+:\\d+`));
    });
  });

  it('throws INVALID_INPUT naming the file for a consistency error the schema cannot see', async () => {
    const text = (
      await readFile(new URL('../../../config/exposures.yaml', import.meta.url), 'utf8')
    ).replace('broad_ust: 1.0 }', 'broad_ust: 0.9 }');
    await withTempFile('sum.yaml', text, async (file) => {
      const error = await thrownAsync(() => loadExposureConfig(file));
      expect(error).toBeInstanceOf(BallastError);
      expect(error.message).toContain(file);
      expect(error.details).toMatchObject({ file, field: 'vocabulary.BONDS.weights' });
    });
  });

  it('builds the same registry as createExposureRegistry on the loaded config', async () => {
    const config = await loadExposureConfig();
    const registry = await loadExposureRegistry();
    expect(registry.exposures).toEqual(createExposureRegistry(config).exposures);
  });
});
