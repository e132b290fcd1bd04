/**
 * Tax-loss harvesting: which open lots of taxable accounts sit on a loss worth realising, what
 * realising it would save in tax, and whether a recent purchase would wash it (docs/tax-harvest.md).
 *
 * Conventions:
 * - Money in integer cents (docs/conventions.md, "Units"); a lot's value is quantity × price
 *   rounded to the cent, as a trade's cash is; `loss = value − basis` (negative for a loss).
 * - Only long lots (quantity > 0) of taxable accounts are candidates: an IRA's losses are never
 *   deductible, and a short lot is not harvested here. An account without a tax type is taxable.
 * - Term by the holding period on `asOf` (`holdingTerm`, docs/conventions.md, "Holdings, ledger
 *   and exposures"), from the lot's wash-adjusted acquisition date when it carries one.
 * - Wash window (IRC §1091, IRS Pub. 550): a loss is disallowed when substantially identical
 *   shares — here: any symbol of the same equivalence group — are bought within 30 days before or
 *   after the sale, in any account (an IRA's purchase washes too). Selling on `asOf` therefore
 *   washes against the purchases dated `asOf − 30` … `asOf` (the lot's own purchase excepted):
 *   those block the candidate. Buying back on or before `asOf + 30` (`washUntil`) washes it as
 *   well; `asOf + 31` is the first clean day.
 * - Estimated saving = |loss| × the rate of the lot's term, rounded half away from zero to the cent.
 */

import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import type { TaxType } from '../ledger/accounts.ts';
import { holdingTerm, type Term } from '../ledger/holding-period.ts';
import { roundHalfAway, tradeValueCents, type Cents } from '../ledger/money.ts';
import type { Transaction } from '../ledger/types.ts';
import { groupOf, type Equivalents } from './equivalents.ts';

/** Days either side of a sale in which buying an equivalent washes its loss (IRS Pub. 550). */
export const WASH_WINDOW_DAYS = 30;

/** An open lot as the harvest reads it (a ledger `Lot`, optionally wash-adjusted). */
export interface HarvestLot {
  /** `L<line>` of the row that opened it. */
  readonly id: string;
  readonly account: string;
  readonly symbol: string;
  readonly acquired: IsoDate;
  /** Acquisition date for the holding period after a wash sale moved it; default `acquired`. */
  readonly adjustedAcquired?: IsoDate;
  /** Shares; only lots with quantity > 0 are harvested. */
  readonly quantity: number;
  /** Cost basis in cents (fees included). */
  readonly basisCents: Cents;
}

/** One purchase of the ledger (a `buy` or a `reinvest` row), in any account. */
export interface Purchase {
  readonly date: IsoDate;
  readonly account: string;
  readonly symbol: string;
  readonly quantity: number;
  /** The lot the purchase opened, `L<line>` (a lot is not blocked by its own purchase). */
  readonly lotId: string;
}

/** Tax rates (decimals) applied to a loss of each term. */
export interface HarvestRates {
  readonly short: number;
  readonly long: number;
}

/** Input of {@link harvestCandidates}. */
export interface HarvestInput {
  /** Open lots of every account (non-taxable and short lots are skipped). */
  readonly lots: readonly HarvestLot[];
  /** Price per share in dollars by symbol; a lot whose symbol has none is not assessed. */
  readonly prices: ReadonlyMap<string, number>;
  /** Purchases of every account (only those in the wash window before `asOf` matter). */
  readonly purchases: readonly Purchase[];
  /** Tax type by account name; an account not listed is taxable. */
  readonly taxTypes?: ReadonlyMap<string, TaxType>;
  /** Equivalence groups; default every symbol its own group. */
  readonly equivalents?: Equivalents;
  /** The day of the sale being considered. */
  readonly asOf: IsoDate;
  /** A lot is a candidate when its loss is at least this many cents (≥ 0; a loss is > 0). */
  readonly thresholdCents: Cents;
  readonly rates: HarvestRates;
}

/** One lot whose loss is worth harvesting. */
export interface HarvestCandidate {
  readonly account: string;
  readonly symbol: string;
  readonly lotId: string;
  readonly acquired: IsoDate;
  readonly quantity: number;
  /** Price per share, dollars. */
  readonly price: number;
  readonly costBasisCents: Cents;
  /** quantity × price, in cents. */
  readonly valueCents: Cents;
  /** value − basis: negative. */
  readonly lossCents: Cents;
  readonly term: Term;
  /** The rate of `term`. */
  readonly rate: number;
  /** |loss| × rate, in cents. */
  readonly taxSavingCents: Cents;
  /** Whether selling on `asOf` would wash against a recent purchase. */
  readonly blocked: boolean;
  /** The purchases of an equivalent in the 30 days up to `asOf` (any account), by date. */
  readonly blockedBy: readonly Purchase[];
  /** Buying an equivalent back on or before this day washes the loss (`asOf + 30`). */
  readonly washUntil: IsoDate;
}

/** Candidates of one symbol in one account, summed. */
export interface HarvestPosition {
  readonly account: string;
  readonly symbol: string;
  readonly lots: number;
  readonly quantity: number;
  readonly costBasisCents: Cents;
  readonly valueCents: Cents;
  readonly lossCents: Cents;
  readonly taxSavingCents: Cents;
  /** Candidates of the position that are blocked. */
  readonly blockedLots: number;
}

/** Result of {@link harvestCandidates}. */
export interface HarvestResult {
  readonly asOf: IsoDate;
  /** First day whose purchases block a sale on `asOf` (`asOf − 30`). */
  readonly windowStart: IsoDate;
  /** `asOf + 30`. */
  readonly washUntil: IsoDate;
  /** `asOf + 31`: the first day an equivalent may be bought back without a wash. */
  readonly firstCleanDate: IsoDate;
  /** Biggest saving first; ties by bigger loss, account, symbol, then the lots' order. */
  readonly candidates: readonly HarvestCandidate[];
  /** Candidates summed by (account, symbol), biggest saving first. */
  readonly positions: readonly HarvestPosition[];
  /** Long lots of non-taxable accounts left out. */
  readonly nonTaxableLots: number;
  /** Short lots of taxable accounts left out. */
  readonly shortLots: number;
  /** Symbols of taxable long lots without a price (not assessed), sorted. */
  readonly unpriced: readonly string[];
}

/**
 * The purchases of a ledger — `buy` and `reinvest` rows dated on or before `asOf` (every row when
 * absent), in ledger order — each naming the lot it opened, `L<line>`.
 */
export function purchasesOf(transactions: readonly Transaction[], asOf?: IsoDate): Purchase[] {
  const out: Purchase[] = [];
  for (const tx of transactions) {
    if (tx.type !== 'buy' && tx.type !== 'reinvest') continue;
    if (asOf !== undefined && tx.date > asOf) continue;
    out.push({
      date: tx.date,
      account: tx.account,
      symbol: tx.symbol,
      quantity: tx.quantity,
      lotId: `L${tx.source.line}`,
    });
  }
  return out;
}

function checkInput(input: HarvestInput): void {
  if (!(Number.isInteger(input.thresholdCents) && input.thresholdCents >= 0))
    throw invalidInput('thresholdCents', input.thresholdCents, 'must be whole cents ≥ 0');
  for (const term of ['short', 'long'] as const) {
    const rate = input.rates[term];
    if (!(rate >= 0 && rate <= 1))
      throw invalidInput(`rates.${term}`, rate, 'must be a decimal from 0 to 1');
  }
}

/** The purchases that block a sale of `lot` on `asOf` (module comment), by date. */
function blockersOf(
  lot: HarvestLot,
  recent: readonly Purchase[],
  equivalents: Equivalents,
): Purchase[] {
  const group = groupOf(equivalents, lot.symbol);
  return recent.filter((p) => p.lotId !== lot.id && groupOf(equivalents, p.symbol) === group);
}

const bySaving = (
  a: { taxSavingCents: Cents; lossCents: Cents; account: string; symbol: string },
  b: { taxSavingCents: Cents; lossCents: Cents; account: string; symbol: string },
): number =>
  b.taxSavingCents - a.taxSavingCents ||
  a.lossCents - b.lossCents ||
  a.account.localeCompare(b.account) ||
  a.symbol.localeCompare(b.symbol);

function positionsOf(candidates: readonly HarvestCandidate[]): HarvestPosition[] {
  const byKey = new Map<string, HarvestPosition>();
  for (const c of candidates) {
    const key = JSON.stringify([c.account, c.symbol]);
    const p = byKey.get(key);
    byKey.set(key, {
      account: c.account,
      symbol: c.symbol,
      lots: (p?.lots ?? 0) + 1,
      quantity: (p?.quantity ?? 0) + c.quantity,
      costBasisCents: (p?.costBasisCents ?? 0) + c.costBasisCents,
      valueCents: (p?.valueCents ?? 0) + c.valueCents,
      lossCents: (p?.lossCents ?? 0) + c.lossCents,
      taxSavingCents: (p?.taxSavingCents ?? 0) + c.taxSavingCents,
      blockedLots: (p?.blockedLots ?? 0) + (c.blocked ? 1 : 0),
    });
  }
  return [...byKey.values()].sort(bySaving);
}

/**
 * The harvest candidates of `input` (module comment): every long lot of a taxable account whose
 * loss on `asOf` is at least the threshold, with its term, estimated saving and the purchases that
 * would wash it. Pure; the inputs are not mutated.
 *
 * @throws BallastError INVALID_INPUT naming `thresholdCents` (not whole cents ≥ 0) or
 *   `rates.short|long` (not a decimal in [0, 1]).
 */
export function harvestCandidates(input: HarvestInput): HarvestResult {
  checkInput(input);
  const equivalents = input.equivalents ?? new Map<string, string>();
  const windowStart = addDays(input.asOf, -WASH_WINDOW_DAYS);
  const washUntil = addDays(input.asOf, WASH_WINDOW_DAYS);
  const recent = input.purchases
    .filter((p) => p.date >= windowStart && p.date <= input.asOf)
    .sort((a, b) => a.date.localeCompare(b.date));
  const candidates: HarvestCandidate[] = [];
  const unpriced = new Set<string>();
  let nonTaxableLots = 0;
  let shortLots = 0;
  for (const lot of input.lots) {
    if ((input.taxTypes?.get(lot.account) ?? 'taxable') !== 'taxable') {
      if (lot.quantity > 0) nonTaxableLots++;
      continue;
    }
    if (!(lot.quantity > 0)) {
      if (lot.quantity < 0) shortLots++;
      continue;
    }
    const price = input.prices.get(lot.symbol);
    if (price === undefined) {
      unpriced.add(lot.symbol);
      continue;
    }
    const valueCents = tradeValueCents(lot.quantity, price);
    const lossCents = valueCents - lot.basisCents;
    if (!(lossCents < 0 && -lossCents >= input.thresholdCents)) continue;
    const term = holdingTerm(lot.adjustedAcquired ?? lot.acquired, input.asOf);
    const rate = input.rates[term];
    const blockedBy = blockersOf(lot, recent, equivalents);
    candidates.push({
      account: lot.account,
      symbol: lot.symbol,
      lotId: lot.id,
      acquired: lot.acquired,
      quantity: lot.quantity,
      price,
      costBasisCents: lot.basisCents,
      valueCents,
      lossCents,
      term,
      rate,
      taxSavingCents: roundHalfAway(-lossCents * rate),
      blocked: blockedBy.length > 0,
      blockedBy,
      washUntil,
    });
  }
  candidates.sort(bySaving);
  return {
    asOf: input.asOf,
    windowStart,
    washUntil,
    firstCleanDate: addDays(washUntil, 1),
    candidates,
    positions: positionsOf(candidates),
    nonTaxableLots,
    shortLots,
    unpriced: [...unpriced].sort(),
  };
}
