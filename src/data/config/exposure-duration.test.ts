import { describe, expect, it } from 'vitest';
import { exposureConfigSchema } from './exposure-config-schema.ts';

const config = (duration: unknown) => ({
  exposures: [
    {
      id: 'broad_ust',
      name: 'Broad US Treasuries',
      description: 'd',
      category: 'nominal_fixed_income',
      implementations: [{ type: 'etf_average', tickers: ['IEF'] }],
      ...(duration === undefined ? {} : { duration }),
    },
  ],
  categories: [{ id: 'nominal_fixed_income', description: 'd' }],
  settings: { minHistoryYears: 5, preferredHistoryYears: 10 },
  vocabulary: {},
});

describe('exposure duration (config/exposures.yaml)', () => {
  it('is optional and keeps years, convexity, source and date', () => {
    expect(exposureConfigSchema.parse(config(undefined)).exposures[0]).not.toHaveProperty(
      'duration',
    );
    const d = { years: 6.1, convexity: 0.5, source: 'provider factsheet', asOf: '2024-06-28' };
    expect(exposureConfigSchema.parse(config(d)).exposures[0]!.duration).toEqual(d);
  });
  it('refuses a figure without a source or date, or a negative one', () => {
    expect(() => exposureConfigSchema.parse(config({ years: 6.1 }))).toThrow();
    expect(() =>
      exposureConfigSchema.parse(config({ years: -1, source: 's', asOf: '2024-06-28' })),
    ).toThrow();
  });
});
