/**
 * INTERIM — until `GET /api/v1/portfolios/{id}/holdings` is served: its document assembled
 * from the routes there are today, `GET …/positions` (lots at cost, cash, realised slices with
 * term and disposal date) and `GET …/exposures` (each symbol's price and its source). Lots are
 * priced at their symbol's valuation price, terms and days to long-term counted at today's
 * date (UTC, the server's valuation date), money summed in whole cents. Deleted when the
 * route lands; the page then reads the server's document.
 */
import { addDays, addYears, daysBetween } from '../../../../src/domain/calendar/iso-date.ts';
import type { ExposuresDocument, PositionsDocument } from '../../api/documents.ts';
import type {
  HoldingLot,
  HoldingPrice,
  HoldingPosition,
  HoldingTotals,
  PortfolioHoldingsDocument,
  RealizedYear,
} from './holdings-document.ts';

const cents = (dollars: number): number => Math.round(dollars * 100);
const dollars = (c: number): number => c / 100;

interface Sum {
  cash: number;
  basis: number;
  value: number;
  gain: number;
}

const zero = (): Sum => ({ cash: 0, basis: 0, value: 0, gain: 0 });

const totals = (s: Sum): HoldingTotals => ({
  cash: dollars(s.cash),
  costBasis: dollars(s.basis),
  marketValue: dollars(s.value),
  unrealizedGain: dollars(s.gain),
  value: dollars(s.value + s.cash),
});

function quotes(exposures: ExposuresDocument): Map<string, HoldingPrice> {
  const dates = new Map((exposures.pricing?.closes ?? []).map((c) => [c.symbol, c.date]));
  return new Map(
    exposures.positions.map((p) => [
      p.symbol,
      { price: p.price, priceSource: p.priceSource, priceDate: dates.get(p.symbol) ?? null },
    ]),
  );
}

const NO_PRICE: HoldingPrice = { price: null, priceSource: null, priceDate: null };

function lotView(
  l: PositionsDocument['positions'][number]['lots'][number],
  quote: HoldingPrice,
  asOf: string,
): { view: HoldingLot; basis: number; value: number | null } {
  const basis = cents(l.quantity * l.costPerShare);
  const value = quote.price === null ? null : cents(l.quantity * quote.price);
  const long = l.quantity > 0;
  const anniversary = addYears(l.acquired, 1);
  const view: HoldingLot = {
    id: l.id,
    acquired: l.acquired,
    quantity: l.quantity,
    costPerShare: l.costPerShare,
    costBasis: dollars(basis),
    ...quote,
    marketValue: value === null ? null : dollars(value),
    unrealizedGain: value === null ? null : dollars(value - basis),
    term: long && asOf > anniversary ? 'long' : 'short',
    daysUntilLongTerm: long ? Math.max(0, daysBetween(asOf, addDays(anniversary, 1))) : null,
  };
  return { view, basis, value };
}

function position(
  p: PositionsDocument['positions'][number],
  at: { readonly quote: HoldingPrice; readonly asOf: string },
  into: Sum,
): HoldingPosition {
  const { quote, asOf } = at;
  let basis = 0;
  let value = 0;
  const lots = p.lots.map((l) => {
    const lot = lotView(l, quote, asOf);
    basis += lot.basis;
    value += lot.value ?? 0;
    return lot.view;
  });
  into.basis += basis;
  if (quote.price !== null) {
    into.value += value;
    into.gain += value - basis;
  }
  return {
    symbol: p.symbol,
    quantity: p.quantity,
    costBasis: dollars(basis),
    ...quote,
    marketValue: quote.price === null ? null : dollars(value),
    unrealizedGain: quote.price === null ? null : dollars(value - basis),
    lots,
  };
}

function realizedByYear(realized: PositionsDocument['realized']): RealizedYear[] {
  const years = new Map<number, { short: number; long: number }>();
  for (const r of realized) {
    const year = Number(r.disposed.slice(0, 4));
    const y = years.get(year) ?? { short: 0, long: 0 };
    if (r.term === 'long') y.long += cents(r.gain);
    else y.short += cents(r.gain);
    years.set(year, y);
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, y]) => ({
      year,
      shortTerm: dollars(y.short),
      longTerm: dollars(y.long),
      total: dollars(y.short + y.long),
    }));
}

/** The holdings document of `positions` priced by `exposures`, as of `asOf`. */
export function interimHoldings(
  portfolio: string,
  docs: { positions: PositionsDocument; exposures: ExposuresDocument },
  asOf: string,
): PortfolioHoldingsDocument {
  const { positions, exposures } = docs;
  const priced = quotes(exposures);
  const names = new Set([
    ...Object.keys(positions.cash),
    ...positions.positions.map((p) => p.account),
  ]);
  const all = zero();
  const accounts = [...names].sort().map((account) => {
    const sum = zero();
    sum.cash = cents(positions.cash[account] ?? 0);
    const held = positions.positions
      .filter((p) => p.account === account)
      .map((p) => position(p, { quote: priced.get(p.symbol) ?? NO_PRICE, asOf }, sum));
    all.cash += sum.cash;
    all.basis += sum.basis;
    all.value += sum.value;
    all.gain += sum.gain;
    return { account, positions: held, totals: totals(sum) };
  });
  return {
    portfolio,
    asOf,
    ledgerAsOf: positions.asOf,
    lotMethod: positions.lotMethod,
    termRule: 'long-term when held more than one year, by calendar',
    accounts,
    totals: totals(all),
    realizedByYear: realizedByYear(positions.realized),
    unpriced: [...new Set(positions.positions.map((p) => p.symbol))]
      .filter((s) => !priced.has(s))
      .sort(),
    warnings: exposures.warnings ?? [],
  };
}
