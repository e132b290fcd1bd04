import type { IsoDate } from '../calendar/iso-date.ts';
import type { LedgerResult } from './ledger.ts';
import { holdingLines } from './holding-lines.ts';
import { centsToDollars } from './money.ts';
import type { RealizedSlice } from './types.ts';

/** A lot as reported to users (dollars). */
export interface LotView {
  readonly id: string;
  readonly acquired: IsoDate;
  readonly quantity: number;
  readonly costPerShare: number;
  /** Wash-sale replacement: the adjusted acquisition date its holding period runs from. */
  readonly adjustedAcquired?: IsoDate;
  /** Wash-sale replacement: the disallowed loss included in its basis, in dollars. */
  readonly washAdjustment?: number;
}

/** One holding (account × symbol) with its open lots (dollars). */
export interface PositionView {
  readonly symbol: string;
  readonly account: string;
  /** Signed: negative is a short. */
  readonly quantity: number;
  /** Signed total basis: quantity × costBasisPerShare. */
  readonly costBasisTotal: number;
  readonly costBasisPerShare: number;
  readonly lots: readonly LotView[];
}

/** A realised lot slice as reported to users (dollars). */
export interface RealizedView {
  readonly symbol: string;
  readonly account: string;
  readonly lotId: string;
  readonly quantity: number;
  readonly proceeds: number;
  readonly costBasis: number;
  readonly gain: number;
  readonly term: 'short' | 'long';
  readonly acquired: IsoDate;
  readonly disposed: IsoDate;
  /** Loss disallowed by the wash-sale rule (added back in `gain`), in dollars. */
  readonly washDisallowed?: number;
  /** Wash-sale replacement shares: the adjusted acquisition date that set `term`. */
  readonly adjustedAcquired?: IsoDate;
}

/** The `ballast positions` report: its JSON contract (money in dollars). */
export interface PositionsReport {
  readonly asOf: IsoDate | null;
  readonly lotMethod: string;
  readonly cash: Readonly<Record<string, number>>;
  readonly positions: readonly PositionView[];
  readonly realized: readonly RealizedView[];
  readonly realizedTotal: {
    readonly shortTerm: number;
    readonly longTerm: number;
    readonly total: number;
  };
  readonly income: { readonly dividends: number; readonly interest: number; readonly fees: number };
  readonly netContributions: number;
}

function sumGains(slices: readonly RealizedSlice[], term?: 'short' | 'long'): number {
  return centsToDollars(
    slices.filter((s) => !term || s.term === term).reduce((s, x) => s + x.gainCents, 0),
  );
}

/**
 * Groups a ledger's open lots into positions (sorted by account, then symbol; lots in relief
 * order of acquisition) and totals realised gains by term. Per-share figures are unrounded.
 */
export function summarizePositions(ledger: LedgerResult): PositionsReport {
  const lotsByLine = new Map<string, LotView[]>();
  for (const lot of ledger.lots) {
    const key = `${lot.account}\u0000${lot.symbol}`;
    const views = lotsByLine.get(key) ?? [];
    views.push({
      id: lot.id,
      acquired: lot.acquired,
      quantity: lot.quantity,
      costPerShare: centsToDollars(lot.basisCents) / lot.quantity,
      ...(lot.adjustedAcquired === undefined ? {} : { adjustedAcquired: lot.adjustedAcquired }),
      ...(lot.washCents ? { washAdjustment: centsToDollars(lot.washCents) } : {}),
    });
    lotsByLine.set(key, views);
  }
  const positions = holdingLines(ledger.lots)
    .map((line): PositionView => {
      const costBasisTotal = centsToDollars(line.basisCents);
      return {
        symbol: line.symbol,
        account: line.account,
        quantity: line.quantity,
        costBasisTotal,
        costBasisPerShare: line.quantity === 0 ? 0 : costBasisTotal / line.quantity,
        lots: [...(lotsByLine.get(`${line.account}\u0000${line.symbol}`) ?? [])].sort((a, b) =>
          a.acquired < b.acquired ? -1 : a.acquired > b.acquired ? 1 : 0,
        ),
      };
    })
    .sort((a, b) => a.account.localeCompare(b.account) || a.symbol.localeCompare(b.symbol));
  const cash: Record<string, number> = {};
  for (const [account, cents] of [...ledger.cashCents].sort(([a], [b]) => a.localeCompare(b))) {
    cash[account] = centsToDollars(cents);
  }
  return {
    asOf: ledger.asOf ?? null,
    lotMethod: ledger.lotMethod,
    cash,
    positions,
    realized: ledger.realized.map((s) => ({
      symbol: s.symbol,
      account: s.account,
      lotId: s.lotId,
      quantity: s.quantity,
      proceeds: centsToDollars(s.proceedsCents),
      costBasis: centsToDollars(s.costBasisCents),
      gain: centsToDollars(s.gainCents),
      term: s.term,
      acquired: s.acquired,
      disposed: s.disposed,
      ...(s.washDisallowedCents ? { washDisallowed: centsToDollars(s.washDisallowedCents) } : {}),
      ...(s.adjustedAcquired === undefined ? {} : { adjustedAcquired: s.adjustedAcquired }),
    })),
    realizedTotal: {
      shortTerm: sumGains(ledger.realized, 'short'),
      longTerm: sumGains(ledger.realized, 'long'),
      total: sumGains(ledger.realized),
    },
    income: {
      dividends: centsToDollars(ledger.income.dividendsCents),
      interest: centsToDollars(ledger.income.interestCents),
      fees: centsToDollars(ledger.income.feesCents),
    },
    netContributions: centsToDollars(ledger.netContributionsCents),
  };
}
