import { describe, expect, it } from 'vitest';
import { miniConfig } from '../../../test/fixtures/exposures/mini-config.ts';
import { BallastError } from '../errors.ts';
import { createExposureRegistry } from './registry.ts';
import { selectImplementation } from './select-implementation.ts';
import type { Exposure } from './types.ts';

const registry = createExposureRegistry(miniConfig);
const trend = registry.get('trend_following');
const factor = registry.get('factor_style_equity');
const cash = registry.get('cash_rate');

function thrown(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BallastError) return error;
    throw error;
  }
  throw new Error('expected a BallastError');
}

describe('selectImplementation', () => {
  it('chooses the implementation with the longest available history', () => {
    const choice = selectImplementation(trend, {
      tickers: { ABYIX: '2008-06-30', AQMNX: '2010-01-05', DBMF: '2019-05-08', KMLM: '2020-12-02' },
      indices: { SG_TREND: '2000-01-03' },
    });
    expect(choice.implementation.type).toBe('index');
    expect(choice.historyStart).toBe('2000-01-03');
    expect(choice.tickersUsed).toEqual(['SG_TREND']);
    expect(choice.reason).toContain('longest history');
  });

  it('skips missing members of an average and starts with the earliest available one', () => {
    const choice = selectImplementation(trend, {
      tickers: { AQMNX: '2010-01-05', ASFYX: '2010-07-30', DBMF: '2019-05-08' },
    });
    expect(choice.implementationIndex).toBe(0);
    expect(choice.tickersUsed).toEqual(['AQMNX', 'ASFYX']);
    expect(choice.historyStart).toBe('2010-01-05');
    expect(choice.candidates[0]?.missing).toEqual(['ABYIX', 'AHLIX']);
    expect(choice.candidates[1]).toMatchObject({ available: true, historyStart: '2019-05-08' });
  });

  it('uses a composite only when every component has data, from the latest start', () => {
    const allFour = {
      MTUM: '2013-04-18',
      VLUE: '2013-04-18',
      QUAL: '2013-07-18',
      USMV: '2011-10-20',
    };
    const composite = selectImplementation(factor, { tickers: allFour });
    expect(composite.implementation.type).toBe('composite');
    expect(composite.historyStart).toBe('2013-07-18');
    expect(composite.tickersUsed).toEqual(['MTUM', 'VLUE', 'QUAL', 'USMV']);

    const withoutQual = { MTUM: '2013-04-18', VLUE: '2013-04-18', USMV: '2011-10-20' };
    const error = thrown(() => selectImplementation(factor, { tickers: withoutQual }));
    expect(error.code).toBe('INSUFFICIENT_DATA');
    expect(error.message).toContain('composite needs every component (missing: QUAL)');
  });

  it('breaks a tie on start date by type priority, fund before composite', () => {
    const sameDay = '2014-07-01';
    const choice = selectImplementation(factor, {
      tickers: { QMNIX: sameDay, MTUM: sameDay, VLUE: sameDay, QUAL: sameDay, USMV: sameDay },
    });
    expect(choice.implementation.type).toBe('fund');
    expect(choice.reason).toContain('tied on start with 1 other(s)');
  });

  it('breaks a tie between equal types by config order', () => {
    const twoAverages: Exposure = {
      ...trend,
      implementations: [
        { type: 'etf_average', tickers: ['DBMF'] },
        { type: 'etf_average', tickers: ['KMLM'] },
      ],
    };
    const choice = selectImplementation(twoAverages, {
      tickers: { KMLM: '2020-12-02', DBMF: '2020-12-02' },
    });
    expect(choice.implementationIndex).toBe(0);
  });

  it('prefers an ETF average to a rate series starting the same day', () => {
    const choice = selectImplementation(cash, {
      tickers: { BIL: '2007-05-30' },
      series: { DGS3MO: '2007-05-30' },
    });
    expect(choice.implementation.type).toBe('etf_average');
  });

  it('uses a rate series keyed by its series id', () => {
    const choice = selectImplementation(cash, {
      tickers: { BIL: '2007-05-30' },
      series: { DGS3MO: '1981-09-01' },
    });
    expect(choice.implementation).toEqual({
      type: 'rate_series',
      source: 'FRED',
      series: 'DGS3MO',
    });
    expect(choice.tickersUsed).toEqual(['DGS3MO']);
  });

  it("falls back to a fund's alternative ticker when the primary has no data", () => {
    const bonds: Exposure = {
      ...factor,
      implementations: [{ type: 'fund', ticker: 'PFIUX', alternative: 'PFUIX' }],
    };
    const choice = selectImplementation(bonds, { tickers: { pfuix: '2004-04-30' } });
    expect(choice.tickersUsed).toEqual(['PFUIX']);
    expect(choice.candidates[0]?.missing).toEqual(['PFIUX']);
    const none = thrown(() => selectImplementation(bonds, { tickers: {} }));
    expect(none.message).toContain('no data for alternative fund PFUIX');
  });

  it('never chooses notes and is deterministic whatever the key order', () => {
    const a = selectImplementation(factor, {
      tickers: { QMNIX: '2007-10-01', USMV: '2011-10-20' },
    });
    const b = selectImplementation(factor, {
      tickers: { USMV: '2011-10-20', QMNIX: '2007-10-01' },
    });
    expect(a).toEqual(b);
    expect(a.candidates[2]).toMatchObject({ type: 'notes', available: false });
  });

  it('throws INSUFFICIENT_DATA listing every candidate when nothing is available', () => {
    const error = thrown(() => selectImplementation(trend, { tickers: { SPY: '1993-01-29' } }));
    expect(error.code).toBe('INSUFFICIENT_DATA');
    expect(error.message).toContain('trend_following');
    expect(error.message).toContain('no data for index SG_TREND');
    expect(error.details['candidates']).toHaveLength(3);
  });

  it('throws NOT_FOUND when an exposure has only notes', () => {
    const notesOnly: Exposure = {
      ...trend,
      implementations: [{ type: 'notes', description: 'n' }],
    };
    expect(thrown(() => selectImplementation(notesOnly, {})).code).toBe('NOT_FOUND');
  });

  it('throws INVALID_INPUT for a first date that is not YYYY-MM-DD', () => {
    const error = thrown(() => selectImplementation(trend, { tickers: { DBMF: '05/08/2019' } }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details['field']).toBe('available.tickers.DBMF');
  });
});
