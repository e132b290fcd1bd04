/**
 * FRED's daily exchange rates (H.10 release, noon buying rates in New York) and the pair each
 * one is, written out series by series because FRED quotes them in both directions: `DEXUSEU`
 * is "U.S. Dollars to One Euro" (the pair EURUSD), `DEXJPUS` "Japanese Yen to One U.S.
 * Dollar" (the pair USDJPY). The titles are FRED's own, from each series' page. Every pair
 * keeps FRED's direction (no inversion on storage); the FX lookup inverts when asked the other
 * way (domain/fx/rates.ts).
 */

import type { FxPair } from '../../domain/fx/currency.ts';

/** One FRED FX series: its id, the pair it quotes, FRED's title. */
export interface FredFxSeries {
  readonly id: string;
  readonly pair: FxPair;
  readonly title: string;
}

const series = (id: string, pair: `${string}/${string}`, title: string): FredFxSeries => {
  const [base = '', quote = ''] = pair.split('/');
  return { id, pair: { base, quote }, title };
};

/** The FRED daily FX series Ballast maps to pairs (units: quote currency per 1 base currency). */
export const FRED_FX_SERIES: readonly FredFxSeries[] = [
  series('DEXUSEU', 'EUR/USD', 'U.S. Dollars to One Euro'),
  series('DEXUSUK', 'GBP/USD', 'U.S. Dollars to One British Pound'),
  series('DEXUSAL', 'AUD/USD', 'U.S. Dollars to One Australian Dollar'),
  series('DEXUSNZ', 'NZD/USD', 'U.S. Dollars to One New Zealand Dollar'),
  series('DEXJPUS', 'USD/JPY', 'Japanese Yen to One U.S. Dollar'),
  series('DEXCAUS', 'USD/CAD', 'Canadian Dollars to One U.S. Dollar'),
  series('DEXSZUS', 'USD/CHF', 'Swiss Francs to One U.S. Dollar'),
  series('DEXSDUS', 'USD/SEK', 'Swedish Kronor to One U.S. Dollar'),
  series('DEXNOUS', 'USD/NOK', 'Norwegian Kroner to One U.S. Dollar'),
  series('DEXDNUS', 'USD/DKK', 'Danish Kroner to One U.S. Dollar'),
  series('DEXCHUS', 'USD/CNY', 'Chinese Yuan Renminbi to One U.S. Dollar'),
  series('DEXHKUS', 'USD/HKD', 'Hong Kong Dollars to One U.S. Dollar'),
  series('DEXSIUS', 'USD/SGD', 'Singapore Dollars to One U.S. Dollar'),
  series('DEXKOUS', 'USD/KRW', 'South Korean Won to One U.S. Dollar'),
  series('DEXINUS', 'USD/INR', 'Indian Rupees to One U.S. Dollar'),
  series('DEXMXUS', 'USD/MXN', 'Mexican Pesos to One U.S. Dollar'),
  series('DEXBZUS', 'USD/BRL', 'Brazilian Reals to One U.S. Dollar'),
  series('DEXSFUS', 'USD/ZAR', 'South African Rand to One U.S. Dollar'),
];

/**
 * The FRED series quoting `pair` in either direction (EURUSD and USDEUR both give `DEXUSEU`,
 * which quotes EURUSD), or undefined when FRED has none in this table.
 */
export function fredFxSeries(pair: FxPair): FredFxSeries | undefined {
  return FRED_FX_SERIES.find(
    (s) =>
      (s.pair.base === pair.base && s.pair.quote === pair.quote) ||
      (s.pair.base === pair.quote && s.pair.quote === pair.base),
  );
}
