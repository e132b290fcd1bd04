/**
 * The flags of a performance report as {@link Warning}s (`{ code, message, details }`), for
 * documents and tables: each flag keeps its structured form in `details` and gets a stable
 * code and one sentence for people.
 */

import { warning, type Warning } from '../warnings.ts';
import type { PerformanceFlag } from './performance-report.ts';

/** Warning code of each flag kind. */
export const FLAG_WARNING_CODES = {
  carriedClose: 'PRICE_CARRIED_FORWARD',
  lastTrade: 'PRICE_FROM_LAST_TRADE',
  partialPeriod: 'PARTIAL_PERIOD',
  benchmarkCarried: 'BENCHMARK_PRICE_CARRIED',
  undefinedMeasure: 'MEASURE_UNDEFINED',
} as const satisfies Record<PerformanceFlag['kind'], string>;

/** One sentence for a flag (what was done instead of failing). */
export function describeFlag(f: PerformanceFlag): string {
  switch (f.kind) {
    case 'carriedClose':
      return `${f.symbol}: no close on ${f.from}..${f.to}; the close of ${f.priceDate} was carried forward`;
    case 'lastTrade':
      return `${f.symbol}: no close yet on ${f.from}..${f.to}; valued at the ledger's last trade price (${f.priceDate})`;
    case 'partialPeriod':
      return `${f.period} is a partial period (${f.start}..${f.end})`;
    case 'benchmarkCarried':
      return `benchmark ${f.symbol}: no adjusted close on ${f.date}; the one of ${f.priceDate} was used`;
    case 'undefinedMeasure':
      return `${f.measure} is undefined: ${f.reason}`;
  }
}

/** The warning of one flag: code from {@link FLAG_WARNING_CODES}, the flag itself as details. */
export function flagWarning(flag: PerformanceFlag): Warning {
  return warning(FLAG_WARNING_CODES[flag.kind], describeFlag(flag), { ...flag });
}
