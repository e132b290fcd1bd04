import type { IsoDate } from '../calendar/iso-date.ts';
import type { Term } from './holding-period.ts';
import type { Cents } from './money.ts';

/** Where a transaction came from, for error messages (`file:line`). */
export interface SourceRef {
  /** File name as the user gave it, when the transaction came from a file. */
  readonly file?: string;
  /** 1-based line number in that file (the header is line 1). */
  readonly line: number;
}

interface TxBase {
  readonly date: IsoDate;
  /** Account name; `DEFAULT` when the source leaves it empty. */
  readonly account: string;
  /** Commission and other costs of this transaction, in cents (≥ 0). */
  readonly feesCents: Cents;
  readonly source: SourceRef;
  /**
   * ISO 4217 code of the row's price, amount and fees when the source names one; absent means
   * the portfolio's base currency. The ledger itself never converts: `domain/fx/ledger-in-base.ts`
   * turns a ledger into base currency at each trade date's rate first (docs/currencies.md).
   */
  readonly currency?: string;
}

/** A trade. `quantity` is positive; the type gives the direction. */
export interface TradeTx extends TxBase {
  readonly type: 'buy' | 'sell';
  readonly symbol: string;
  readonly quantity: number;
  /** Price per share in dollars (≥ 0). */
  readonly price: number;
  /** Lot ids to close (specific identification), in the order given. */
  readonly lots?: readonly string[];
}

/** A cash-only row. `amountCents` is positive except for interest, where a debit is negative. */
export interface CashTx extends TxBase {
  readonly type: 'deposit' | 'withdrawal' | 'fee' | 'interest' | 'dividend';
  readonly amountCents: Cents;
  readonly symbol?: string;
}

/** A dividend reinvested in `quantity` new shares at `price` (income and a new lot, no cash). */
export interface ReinvestTx extends TxBase {
  readonly type: 'reinvest';
  readonly symbol: string;
  readonly quantity: number;
  readonly price: number;
}

/** A stock split: every lot's quantity × `ratio` (2 for 2-for-1), basis and dates unchanged. */
export interface SplitTx extends TxBase {
  readonly type: 'split';
  readonly symbol: string;
  readonly ratio: number;
}

/** Shares leaving an account with their lots (no gain realised). */
export interface TransferOutTx extends TxBase {
  readonly type: 'transfer_out';
  readonly symbol: string;
  readonly quantity: number;
  readonly lots?: readonly string[];
}

/**
 * Shares arriving in an account. Without `costPerShare` they take the lots of the earliest
 * unmatched `transfer_out` of the same symbol and quantity (an internal transfer); with it they
 * form a new lot at that original cost, acquired on `acquired` (default: the transfer date).
 */
export interface TransferInTx extends TxBase {
  readonly type: 'transfer_in';
  readonly symbol: string;
  readonly quantity: number;
  readonly costPerShare?: number;
  readonly acquired?: IsoDate;
  /** Inherited shares (`acquired` written `INHERITED`): long-term whatever the dates. */
  readonly inherited?: boolean;
}

/** A return of capital: cash received that lowers the basis of the open lots pro rata. */
export interface ReturnOfCapitalTx extends TxBase {
  readonly type: 'return_of_capital';
  readonly symbol: string;
  readonly amountCents: Cents;
}

/**
 * A symbol change (a ticker renamed, FB → META): every lot of `symbol`, in every account, becomes
 * a lot of `toSymbol` with its id, quantity, basis and acquisition date (docs/corporate-actions.md).
 */
export interface SymbolChangeTx extends TxBase {
  readonly type: 'symbol_change';
  readonly symbol: string;
  readonly toSymbol: string;
}

/**
 * A merger: every share of `symbol`, in every account, becomes `ratio` shares of `toSymbol` plus
 * `cashPerShare` dollars. The cash part is a sale of the fraction cash / (cash + value of the new
 * shares at `toPrice`) of each lot, which takes that fraction of the lot's basis (pro rata by
 * value); the rest of the basis and the acquisition date stay with the new shares
 * (docs/corporate-actions.md). `toPrice` is required when `cashPerShare` > 0.
 */
export interface MergerTx extends TxBase {
  readonly type: 'merger';
  readonly symbol: string;
  readonly toSymbol: string;
  /** New shares per old share (> 0). */
  readonly ratio: number;
  /** Cash per old share, in dollars (≥ 0); absent when none. */
  readonly cashPerShare?: number;
  /** Fair market value of one new share on the merger date, in dollars. */
  readonly toPrice?: number;
}

/** One ledger entry; the ledger (an ordered list of these) is the source of truth. */
export type Transaction =
  | TradeTx
  | CashTx
  | ReinvestTx
  | SplitTx
  | TransferOutTx
  | TransferInTx
  | ReturnOfCapitalTx
  | SymbolChangeTx
  | MergerTx;

/** Every transaction type name, as written in files. */
export const TRANSACTION_TYPES = [
  'buy',
  'sell',
  'deposit',
  'withdrawal',
  'fee',
  'interest',
  'dividend',
  'reinvest',
  'split',
  'transfer_in',
  'transfer_out',
  'return_of_capital',
  'symbol_change',
  'merger',
] as const satisfies readonly Transaction['type'][];

/** Lot relief method for sales (and covers). */
export type LotMethod = 'fifo' | 'lifo' | 'hifo' | 'average' | 'specific';

/** Every lot method name. */
export const LOT_METHODS: readonly LotMethod[] = ['fifo', 'lifo', 'hifo', 'average', 'specific'];

/**
 * An open tax lot. `quantity` is signed (negative = short). `basisCents` is signed the same way:
 * cost paid incl. fees for a long lot, minus the net proceeds received for a short lot, so
 * unrealised P&L is always `quantity × price − basis`.
 */
export interface Lot {
  /** `L<line>` of the transaction that opened it (`H<line>` for a holdings snapshot row). */
  readonly id: string;
  readonly account: string;
  readonly symbol: string;
  readonly acquired: IsoDate;
  quantity: number;
  basisCents: Cents;
  /**
   * Wash-sale replacement shares: the purchase date moved back by the days the sold shares
   * were held (IRS Pub. 550); the holding period runs from here. Absent otherwise.
   */
  readonly adjustedAcquired?: IsoDate;
  /** Disallowed wash-sale loss included in `basisCents`, in cents. Absent when none. */
  readonly washCents?: Cents;
  /** Inherited shares: long-term whatever the dates (IRS Pub. 551). */
  readonly inherited?: boolean;
}

/**
 * One closed slice of a lot. For a long lot `proceeds` is the sale's net proceeds and `costBasis`
 * the relieved basis; for a short lot `proceeds` is what the short sale brought in and `costBasis`
 * what the cover cost (as on IRS Form 8949). `gain = proceeds − costBasis`.
 */
export interface RealizedSlice {
  readonly lotId: string;
  readonly symbol: string;
  readonly account: string;
  /** Shares closed (positive for both longs and shorts). */
  readonly quantity: number;
  readonly proceedsCents: Cents;
  readonly costBasisCents: Cents;
  readonly gainCents: Cents;
  readonly term: Term;
  readonly acquired: IsoDate;
  readonly disposed: IsoDate;
  /** `sale`, `cover`, or `return_of_capital` (basis driven below zero). */
  readonly kind: 'sale' | 'cover' | 'return_of_capital';
  /**
   * Loss disallowed by the wash-sale rule (positive cents, Form 8949 code W, column g), already
   * added back in `gainCents`. Absent when the ledger ran without wash-sale rules or none applied.
   */
  readonly washDisallowedCents?: Cents;
  /**
   * The part of {@link RealizedSlice.washDisallowedCents} whose replacement shares were bought
   * in an IRA: lost for good, added to no basis (Rev. Rul. 2008-5).
   */
  readonly washLostCents?: Cents;
  /** Inherited shares (Form 8949 column b reads `INHERITED`). */
  readonly inherited?: boolean;
  /** Wash-sale replacement shares: the adjusted acquisition date that set `term`. */
  readonly adjustedAcquired?: IsoDate;
}

/** Cash income and expenses booked by the ledger, in cents. */
export interface IncomeTotals {
  dividendsCents: Cents;
  interestCents: Cents;
  feesCents: Cents;
}

/** Last trade price of a symbol (split-adjusted), the ledger's own offline valuation. */
export interface LastTrade {
  readonly price: number;
  readonly date: IsoDate;
}
