/**
 * Query hooks of the Tax page (the typed client; components never fetch): the realised gains
 * as Form 8949 rows of one year (`GET …/tax/gains`), the years that have reportable sales, the
 * estimated tax at the user's rates, and the harvest candidates (`GET …/tax/harvest`). Rates are
 * the API's decimals (0.32 = 32 %), passed as typed: the API names a bad one.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { TaxGainsDocument, TaxHarvestDocument } from '../../api/documents.ts';

/** The rates of the estimate as the form applied them (decimals as typed; '' = not given). */
export interface RatesText {
  readonly shortRate: string;
  readonly longRate: string;
  readonly stateRate: string;
  readonly niit: boolean;
}

/** The rates' query parameters: only the fields given (a text that is no number goes as NaN). */
function ratesQuery(rates: RatesText) {
  const given = (text: string) => (text.trim() === '' ? undefined : Number(text));
  const shortRate = given(rates.shortRate);
  const longRate = given(rates.longRate);
  const stateRate = given(rates.stateRate);
  return {
    ...(shortRate === undefined ? {} : { shortRate }),
    ...(longRate === undefined ? {} : { longRate }),
    ...(stateRate === undefined ? {} : { stateRate }),
    ...(rates.niit ? { niit: true } : {}),
  };
}

const gains = (portfolio: string, query: Record<string, number | boolean>) =>
  unwrap<TaxGainsDocument>(
    api.GET('/api/v1/portfolios/{id}/tax/gains', {
      params: { path: { id: portfolio }, query },
    }),
  );

/** The calendar years of the rows' sales, latest first. */
export function yearsOf(doc: TaxGainsDocument): number[] {
  const years = new Set(doc.rows.map((r) => Number(r.disposed.slice(0, 4))));
  return [...years].sort((a, b) => b - a);
}

/** The years with reportable sales (every year's rows, reduced to their years; latest first). */
export function useTaxYears(portfolio: string) {
  return useQuery({
    queryKey: ['tax-gains', portfolio, null],
    queryFn: () => gains(portfolio, {}),
    select: yearsOf,
  });
}

/** GET …/tax/gains?year=: the Form 8949 rows and totals of `year` (disabled while null). */
export function useTaxGains(portfolio: string, year: number | null) {
  return useQuery({
    queryKey: ['tax-gains', portfolio, year],
    queryFn: () => gains(portfolio, { year: year! }),
    enabled: year !== null,
  });
}

/**
 * GET …/tax/gains?year=&shortRate=…: `year` at the applied `rates` (disabled until applied);
 * its `estimate` is there when a federal rate is given, and a bad rate is the API's error
 * naming it.
 */
export function useTaxEstimate(portfolio: string, year: number | null, rates: RatesText | null) {
  return useQuery({
    queryKey: ['tax-estimate', portfolio, year, rates],
    queryFn: () => gains(portfolio, { year: year!, ...ratesQuery(rates!) }),
    enabled: year !== null && rates !== null,
    retry: false,
  });
}

/** GET …/tax/harvest: candidates at the applied federal rates (else the API's defaults). */
export function useTaxHarvest(portfolio: string, rates: RatesText | null) {
  const { shortRate, longRate } = rates === null ? {} : ratesQuery(rates);
  const query = {
    ...(shortRate === undefined ? {} : { shortRate }),
    ...(longRate === undefined ? {} : { longRate }),
  };
  return useQuery({
    queryKey: ['tax-harvest', portfolio, query],
    queryFn: () =>
      unwrap<TaxHarvestDocument>(
        api.GET('/api/v1/portfolios/{id}/tax/harvest', {
          params: { path: { id: portfolio }, query },
        }),
      ),
  });
}
