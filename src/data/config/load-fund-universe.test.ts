import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decomposeHoldings } from '../../domain/exposures/decompose.ts';
import { validateFundUniverse } from '../../domain/exposures/validate-funds.ts';
import { convertWeightStyleUniverse } from '../../domain/exposures/vocabulary.ts';
import { loadExposureRegistry } from './load-exposure-config.ts';
import {
  loadFundUniverse,
  loadWeightStyleFunds,
  weightStyleSourceName,
} from './load-fund-universe.ts';
import { thrownAsync, withTempFile } from './test-helpers.ts';
import { writeFundUniverse } from './write-fund-universe.ts';

// Tolerance: funds.yaml writes decimals; conversions are products of decimals (1e-12).
const DIGITS = 12;
const fixture = (name: string) =>
  new URL(`../../../test/fixtures/exposures/${name}`, import.meta.url);
const UPSTREAM_FILES = ['fund_universe_sample.yaml', 'fund_universe.yaml'];
const PLAIN = [
  'SPY', 'VTI', 'VT', 'VXUS', 'AGG', 'BND', 'TLT', 'IEF', 'SHY', 'BIL', 'GLD', 'VNQ', 'DBMF',
  'KMLM', 'NTSX', 'UPRO', 'SSO', 'TQQQ',
]; // prettier-ignore

describe('the shipped config/funds.yaml', () => {
  it('validates against the shipped exposures with no errors and no warnings', async () => {
    const [funds, registry] = await Promise.all([loadFundUniverse(), loadExposureRegistry()]);
    expect(validateFundUniverse(funds, registry)).toEqual([]);
  });

  it('covers every fund of both upstream files and the plain fund list', async () => {
    const funds = await loadFundUniverse();
    const upstream = await Promise.all(UPSTREAM_FILES.map((f) => loadWeightStyleFunds(fixture(f))));
    const expected = [...upstream.flatMap((file) => Object.keys(file.funds)), ...PLAIN];
    expect(expected).toHaveLength(28);
    for (const symbol of expected) expect(Object.keys(funds.funds), symbol).toContain(symbol);
  });

  it('states provenance for every fund and marks none as validated', async () => {
    const funds = await loadFundUniverse();
    for (const [symbol, definition] of Object.entries(funds.funds)) {
      expect(definition.provenance.length, symbol).toBeGreaterThan(20);
      expect(definition.validatedBy, symbol).toBeNull();
    }
  });

  it.each(UPSTREAM_FILES)('reproduces the values converted from upstream %s', async (name) => {
    const [funds, registry, file] = await Promise.all([
      loadFundUniverse(),
      loadExposureRegistry(),
      loadWeightStyleFunds(fixture(name)),
    ]);
    const sourceName = weightStyleSourceName(fixture(name));
    expect(sourceName).toBe(name);
    const converted = convertWeightStyleUniverse({ universe: file, registry, sourceName });
    for (const [symbol, definition] of Object.entries(converted.funds)) {
      const shipped = funds.funds[symbol];
      expect(shipped?.provenance, symbol).toContain(name);
      for (const field of ['exposures', 'sourceExposures'] as const) {
        const actual = shipped?.[field] ?? {};
        const wanted = definition[field] ?? {};
        expect(Object.keys(actual).sort(), `${symbol} ${field}`).toEqual(
          Object.keys(wanted).sort(),
        );
        for (const [key, value] of Object.entries(wanted)) {
          expect(actual[key], `${symbol} ${field}.${key}`).toBeCloseTo(value, DIGITS);
        }
      }
    }
  });

  it('keeps ABYIX (0.64) and PQTIX (0.5) unnormalised and says so', async () => {
    const { funds } = await loadFundUniverse();
    expect(funds['ABYIX']?.exposures).toEqual({ trend_following: 0.36, broad_ust: 0.28 });
    expect(funds['PQTIX']?.exposures).toEqual({ trend_following: 0.5 });
    expect(funds['ABYIX']?.notes).toMatch(/not renormalised/i);
    expect(funds['PQTIX']?.notes).toMatch(/not renormalised/i);
  });

  it('decomposes $10 000 of RSSB into $9 500 of equity and $9 500 of Treasuries', async () => {
    const [funds, registry] = await Promise.all([loadFundUniverse(), loadExposureRegistry()]);
    const result = decomposeHoldings({
      positions: [
        { symbol: 'RSSB', marketValue: 10_000 },
        { symbol: 'NTSX', marketValue: 10_000 },
      ],
      cash: 0,
      funds,
      registry,
    });
    const category = (id: string) => result.byCategory.find((c) => c.id === id)?.economicValue;
    // RSSB 0.95 + 0.95; NTSX 0.9 equity + 0.6 Treasuries (90/60).
    expect(category('equity_beta')).toBeCloseTo(9_500 + 9_000, 6);
    expect(category('nominal_fixed_income')).toBeCloseTo(9_500 + 6_000, 6);
    expect(result.grossEconomicExposure).toBeCloseTo((19_000 + 15_000) / 20_000, 12);
  });
});

describe('fund file loaders', () => {
  it('round-trips a universe through writeFundUniverse with a header comment', async () => {
    const funds = await loadFundUniverse();
    await withTempFile('funds.yaml', '', async (file) => {
      await writeFundUniverse(file, funds);
      const text = await readFile(file, 'utf8');
      expect(text.startsWith('# Ballast fund universe')).toBe(true);
      expect(text).toContain('financing (cash) leg');
      expect(await loadFundUniverse(file)).toEqual(funds);
    });
  });

  it('reads, writes back and type-checks currencyHedged (docs/currencies.md)', async () => {
    const fund = (hedged: string) =>
      [
        'funds:',
        '  EUH:',
        '    name: Hedged share class',
        '    category: Test',
        '    exposures: { intl_developed_large_equity: 1.0 }',
        '    provenance: test',
        '    validatedBy: null',
        `    currencyHedged: ${hedged}`,
      ].join('\n');
    await withTempFile('hedged.yaml', fund('true'), async (file) => {
      const funds = await loadFundUniverse(file);
      expect(funds.funds['EUH']!.currencyHedged).toBe(true);
      await writeFundUniverse(file, funds);
      expect(await readFile(file, 'utf8')).toContain('currencyHedged: true');
      expect(await loadFundUniverse(file)).toEqual(funds);
    });
    await withTempFile('bad.yaml', fund('"yes"'), async (file) => {
      const error = await thrownAsync(() => loadFundUniverse(file));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain('currencyHedged');
    });
  });

  it('writes converted values without binary noise', async () => {
    const registry = await loadExposureRegistry();
    const file = await loadWeightStyleFunds(fixture('fund_universe.yaml'));
    const universe = convertWeightStyleUniverse({ universe: file, registry, sourceName: 'f.yaml' });
    await withTempFile('converted.yaml', '', async (path) => {
      await writeFundUniverse(path, universe);
      const text = await readFile(path, 'utf8');
      expect(text).toContain('trend_following: 1.06672\n');
      expect(text).toContain('validatedBy: null');
    });
  });

  it('throws NOT_FOUND naming the path of a missing fund file', async () => {
    const missing = join('/nonexistent', 'funds.yaml');
    for (const load of [loadFundUniverse, loadWeightStyleFunds]) {
      const error = await thrownAsync(() => load(missing));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain(missing);
    }
  });

  it('throws INVALID_INPUT naming the file, field and value of a bad canonical entry', async () => {
    const text =
      'funds:\n  SPY:\n    name: SPY\n    category: x\n    exposures: { us_large_equity: one }\n    provenance: p\n    validatedBy: null\n';
    await withTempFile('funds.yaml', text, async (file) => {
      const error = await thrownAsync(() => loadFundUniverse(file));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain(file);
      expect(error.message).toContain('funds.SPY.exposures.us_large_equity');
      expect(error.message).toContain('"one"');
    });
  });

  it('throws INVALID_INPUT naming total_notional of a weight-style fund', async () => {
    const text =
      'funds:\n  RSSB:\n    name: R\n    category: c\n    exposures: { BONDS: 0.5 }\n    total_notional: -1.9\n';
    await withTempFile('weights.yaml', text, async (file) => {
      const error = await thrownAsync(() => loadWeightStyleFunds(file));
      expect(error.details).toMatchObject({
        file,
        field: 'funds.RSSB.total_notional',
        value: -1.9,
      });
    });
  });

  it('reads replication notes and exposure types of a weight-style file', async () => {
    const file = await loadWeightStyleFunds(fixture('fund_universe_sample.yaml'));
    expect(file.funds['RSSB']).toEqual({
      name: 'Return Stacked Global Stocks & Bonds ETF',
      category: 'Return Stacked',
      exposures: { BONDS: 0.5, GLOBAL_EQUITY: 0.5 },
      totalNotional: 1.9,
      replicationNotes: '90/90 stocks/bonds via futures overlay',
    });
    expect(file.exposureTypes?.['GLOBAL_EQUITY']).toBe('Global Equity');
  });
});
