/**
 * The ledger row kinds a broker action maps to, and the one function that builds a row of a
 * kind from a broker line. Each broker's table (schwab.ts, fidelity.ts, vanguard.ts, ibkr.ts)
 * says which kind each of its actions is; docs/brokers.md lists them.
 */

import type { Transaction } from '../../domain/ledger/types.ts';
import { base, refuse, ticker, type ConvertContext, type MappedRow } from './types.ts';
import { cellError, cents, decimal, requireMagnitude, type CellAt } from './values.ts';

/**
 * What an action becomes: `buy`/`sell` a trade; `dividend` cash income (amount > 0);
 * `interest` (signed: a debit is margin interest); `cash` a deposit or withdrawal by the
 * amount's sign; `fee` a fee (amount < 0); `roc` a return of capital (amount > 0); `split` the
 * shares a split adds (the ratio follows from the shares held before it); `refuse` a known
 * action the ledger cannot take, with the reason.
 */
export type Kind =
  | 'buy'
  | 'sell'
  | 'dividend'
  | 'interest'
  | 'cash'
  | 'fee'
  | 'roc'
  | 'split'
  | { readonly refuse: string };

/** One broker line in the converters' common vocabulary (raw cells, column names for errors). */
export interface BrokerLine {
  readonly at: CellAt;
  readonly date: string;
  readonly account: string;
  /** The action as written, and the column it stands in. */
  readonly action: string;
  readonly actionField: string;
  /** Raw cells and their column names. */
  readonly symbol: readonly [text: string, field: string];
  readonly quantity: readonly [text: string, field: string];
  readonly price: readonly [text: string, field: string];
  readonly amount: readonly [text: string, field: string];
  /** Commissions and fees of the line, in cents (≥ 0). */
  readonly feesCents: number;
}

const OPTIONS_WHY = 'options are not in the ledger; enter the trade by hand if it holds shares';

/** The reasons shared by several brokers' tables. */
export const WHY = {
  options: OPTIONS_WHY,
  reorganisation:
    'a reorganisation (merger, spin-off, reverse split, symbol change) has no ledger row yet; enter its rows by hand',
  sharesIn:
    'shares moved in without their cost; write a transfer_in row with price (cost per share) and acquired by hand',
  sharesOut: 'shares moved out; write a transfer_out row by hand',
  inLieu: 'cash in lieu of a fraction of a share: a sale of that fraction; enter it by hand',
} as const;

const symbolOf = (l: BrokerLine): string => ticker(l.symbol[0], l.at, l.symbol[1]);

function amountOf(l: BrokerLine): number {
  const c = cents(l.amount[0], l.at, l.amount[1]);
  if (c === undefined)
    throw cellError(l.at, { field: l.amount[1], value: l.amount[0] }, 'an amount is required');
  return c;
}

/**
 * The price of a trade: the price cell, or when it is empty the amount less fees over the
 * shares (the cash the broker booked), to 1e-6 dollar.
 */
function priceOf(l: BrokerLine, quantity: number): number {
  const price = decimal(l.price[0], l.at, l.price[1]);
  if (price !== undefined) {
    if (price < 0)
      throw cellError(l.at, { field: l.price[1], value: l.price[0] }, 'a price is at least 0');
    return price;
  }
  const gross = Math.abs(amountOf(l)) - l.feesCents;
  return Math.round((gross / 100 / quantity) * 1e6) / 1e6;
}

/** The sign-checked amount of a kind that needs one sign; refused naming the action otherwise. */
function signed(ctx: ConvertContext, l: BrokerLine, want: { sign: 1 | -1; why: string }): number {
  const { sign, why } = want;
  const c = amountOf(l);
  if (Math.sign(c) !== sign)
    throw refuse(ctx, l.at.line, { field: l.actionField, action: l.action, why });
  return sign * c;
}

const hasShares = (l: BrokerLine): boolean =>
  (decimal(l.quantity[0], l.at, l.quantity[1]) ?? 0) !== 0;

/** A row of line `l`'s cash `type` (objects written field by field: no spreads on a hot path). */
function cashRow(
  l: BrokerLine,
  type: 'deposit' | 'withdrawal' | 'fee' | 'interest' | 'dividend',
  amount: { cents: number; symbol?: string | undefined },
): MappedRow {
  const { date, account, feesCents } = l;
  const source = { file: l.at.file, line: l.at.line };
  const { cents: amountCents, symbol } = amount;
  const tx: Transaction =
    symbol === undefined
      ? { date, account, feesCents, source, type, amountCents }
      : { date, account, feesCents, source, type, amountCents, symbol };
  return { line: l.at.line, action: l.action, tx };
}

/** The symbol of `l` when its cell is filled. */
const symbolIfAny = (l: BrokerLine): string | undefined =>
  l.symbol[0].trim() === '' ? undefined : symbolOf(l);

/** The trade row of line `l`. */
function tradeRow(l: BrokerLine, type: 'buy' | 'sell'): MappedRow {
  const { date, account, feesCents } = l;
  const source = { file: l.at.file, line: l.at.line };
  const symbol = symbolOf(l);
  const quantity = requireMagnitude(l.quantity[0], l.at, l.quantity[1]);
  const price = priceOf(l, quantity);
  const tx: Transaction = { date, account, feesCents, source, type, symbol, quantity, price };
  return { line: l.at.line, action: l.action, tx };
}

/** The split row of line `l`: the shares it adds (the ratio is resolved later). */
function splitRow(ctx: ConvertContext, l: BrokerLine): MappedRow {
  const added = decimal(l.quantity[0], l.at, l.quantity[1]);
  if (added === undefined || added <= 0)
    throw refuse(ctx, l.at.line, {
      field: l.actionField,
      action: l.action,
      why: WHY.reorganisation,
    });
  const split = {
    date: l.date,
    account: l.account,
    symbol: symbolOf(l),
    added,
    field: l.actionField,
  };
  return { line: l.at.line, action: l.action, split };
}

/** The ledger row that `l` becomes as `kind`. */
export function rowOf(ctx: ConvertContext, l: BrokerLine, kind: Kind): MappedRow {
  const { line } = l.at;
  if (typeof kind === 'object')
    throw refuse(ctx, line, { field: l.actionField, action: l.action, why: kind.refuse });
  switch (kind) {
    case 'buy':
    case 'sell':
      return tradeRow(l, kind);
    case 'dividend': {
      const why = 'a dividend of zero or less (a reversal); enter it by hand';
      const cents = signed(ctx, l, { sign: 1, why });
      return cashRow(l, 'dividend', { cents, symbol: symbolIfAny(l) });
    }
    case 'interest':
      return cashRow(l, 'interest', { cents: amountOf(l) });
    case 'cash': {
      if (cents(l.amount[0], l.at, l.amount[1]) === undefined && hasShares(l))
        throw refuse(ctx, line, { field: l.actionField, action: l.action, why: WHY.sharesIn });
      const amount = amountOf(l);
      return cashRow(l, amount < 0 ? 'withdrawal' : 'deposit', { cents: Math.abs(amount) });
    }
    case 'fee': {
      const why = 'a fee credited back (a refund); enter it by hand';
      const cents = signed(ctx, l, { sign: -1, why });
      return cashRow(l, 'fee', { cents, symbol: symbolIfAny(l) });
    }
    case 'roc': {
      const amountCents = signed(ctx, l, { sign: 1, why: 'a return of capital of zero or less' });
      const tx: Transaction = {
        ...base(l.at, l.date, l.account),
        feesCents: l.feesCents,
        type: 'return_of_capital',
        symbol: symbolOf(l),
        amountCents,
      };
      return { line, action: l.action, tx };
    }
    case 'split':
      return splitRow(ctx, l);
  }
}
