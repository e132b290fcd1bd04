import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { ERROR_CODES } from '../domain/errors.ts';
import { portfolioCreate } from './portfolio-create.ts';

describe('portfolioCreate use case', () => {
  it('creates a portfolio with the default base currency and the clock’s time', async () => {
    const d = testDeps();
    try {
      const created = await portfolioCreate({ name: ' main ' }, d);
      expect(created).toEqual({
        id: created.id,
        name: 'main',
        baseCurrency: 'USD',
        createdAt: '2024-06-20T20:00:00.000Z',
      });
      const eur = await portfolioCreate({ name: 'euro', baseCurrency: 'eur' }, d);
      expect(eur.baseCurrency).toBe('EUR');
      expect((await (await d.store()).portfolios.list()).map((p) => p.name)).toEqual([
        'euro',
        'main',
      ]);
    } finally {
      await d.close();
    }
  });

  it('refuses a taken name with CONFLICT (exit 2, HTTP 409) and bad fields with INVALID_INPUT', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      const dup = await rejection(portfolioCreate({ name: 'main', baseCurrency: 'EUR' }, d));
      expect(dup.code).toBe('CONFLICT');
      expect(dup.message).toContain('"main"');
      expect([ERROR_CODES.CONFLICT.exitCode, ERROR_CODES.CONFLICT.httpStatus]).toEqual([2, 409]);
      const currency = await rejection(portfolioCreate({ name: 'x', baseCurrency: 'dollars' }, d));
      expect([currency.code, currency.details.field]).toEqual(['INVALID_INPUT', 'baseCurrency']);
      const empty = await rejection(portfolioCreate({ name: '  ' }, d));
      expect([empty.code, empty.details.field]).toEqual(['INVALID_INPUT', 'name']);
    } finally {
      await d.close();
    }
  });
});
