/**
 * INTERIM — until `GET /api/v1/portfolios/{id}/holdings` is served: the holdings document
 * assembled from the routes there are today, `GET …/positions` (lots at cost, realised slices
 * with term and disposal date) and `GET …/exposures` (each symbol's price and its source).
 * Lots are priced at their symbol's valuation price, terms and days to long-term counted at
 * today's date (UTC, the server's valuation date), money summed in whole cents. Deleted when
 * the route lands; the page then reads the server's document unchanged.
 */
import { addDays, addYears, daysBetween } from '../../../../src/domain/calendar/iso-date.ts';
import type { ExposuresDocument, PositionsDocument } from '../../api/documents.ts';
import type {
  HoldingsAccount,
  HoldingsDocument,
  HoldingsLot,
  HoldingsPosition,
  HoldingsTotals,
  RealizedYear,
  Term,
} from './holdings-document.ts';

const cents = (dollars: number): number => Math.round(dollars * 100);
const dollars = (c: number): number => c / 100;

interface Quote {
  readonly price: number;
  readonly source: string;
  readonly date: string | null;
}

function quotes(exposures: ExposuresDocument): Map<string, Quote> {
  const dates = new Map((exposures.pricing?.closes ?? []).map((c) => [c.symbol, c.date]));
  return new Map(
    exposures.positions.map((p) => [
      p.symbol,
      { price: p.price, source: p.priceSource, date: dates.get(p.symbol) ?? null },
    ]),
  );
}

/** Term of a lot acquired on `acquired` held on `asOf` (long: after the first anniversary). */
function heldTerm(acquired: string, asOf: string, quantity: number): Term {
  if (quantity < 0) return 'short';
  return asOf > addYears(acquired, 1) ? 'long' : 'short';
}

function daysToLong(acquired: string, asOf: string, quantity: number): number | null {
  if (quantity < 0) return null;
  return Math.max(0, daysBetween(asOf, addDays(addYears(acquired, 1), 1)));
}

interface Sum {
  basis: number;
  value: number;
  priced: boolean;
}

const totals = (s: Sum): HoldingsTotals => ({
  costBasis: dollars(s.basis),
  marketValue: s.priced ? dollars(s.value) : null,
  unrealizedGain: s.priced ? dollars(s.value - s.basis) : null,
});

function add(into: Sum, basis: number, value: number | null): void {
  into.basis += basis;
  if (value === null) into.priced = false;
  else into.value += value;
}

function position(
  p: PositionsDocument['positions'][number],
  quote: Quote | undefined,
  asOf: string,
): { view: HoldingsPosition; sum: Sum } {
  const sum: Sum = { basis: 0, value: 0, priced: true };
  const lots = p.lots.map((l): HoldingsLot => {
    const basis = cents(l.quantity * l.costPerShare);
    const value = quote === undefined ? null : cents(l.quantity * quote.price);
    add(sum, basis, value);
    return {
      id: l.id,
      acquired: l.acquired,
      quantity: l.quantity,
      costPerShare: l.costPerShare,
      costBasis: dollars(basis),
      price: quote?.price ?? null,
      priceSource: quote?.source ?? null,
      priceDate: quote?.date ?? null,
      marketValue: value === null ? null : dollars(value),
      unrealizedGain: value === null ? null : dollars(value - basis),
      term: heldTerm(l.acquired, asOf, l.quantity),
      daysToLongTerm: daysToLong(l.acquired, asOf, l.quantity),
    };
  });
  const view: HoldingsPosition = {
    symbol: p.symbol,
    quantity: p.quantity,
    price: quote?.price ?? null,
    priceSource: quote?.source ?? null,
    priceDate: quote?.date ?? null,
    lots,
    ...totals(sum),
  };
  return { view, sum };
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
  positions: PositionsDocument,
  exposures: ExposuresDocument,
  asOf: string,
): HoldingsDocument {
  const priced = quotes(exposures);
  const byAccount = new Map<string, { positions: HoldingsPosition[]; sum: Sum }>();
  const all: Sum = { basis: 0, value: 0, priced: true };
  for (const p of positions.positions) {
    const { view, sum } = position(p, priced.get(p.symbol), asOf);
    const account = byAccount.get(p.account) ?? {
      positions: [],
      sum: { basis: 0, value: 0, priced: true },
    };
    account.positions.push(view);
    add(account.sum, sum.basis, sum.priced ? sum.value : null);
    add(all, sum.basis, sum.priced ? sum.value : null);
    byAccount.set(p.account, account);
  }
  const accounts = [...byAccount].map(([account, a]): HoldingsAccount => ({
    account,
    positions: a.positions,
    totals: totals(a.sum),
  }));
  return {
    asOf,
    accounts,
    totals: totals(all),
    realized: realizedByYear(positions.realized),
    realizedTotal: positions.realizedTotal,
  };
}
