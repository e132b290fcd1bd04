/**
 * Use case `positions --apply-corporate-actions`: the `split` and `dividend` rows that the
 * stored price bars' corporate actions imply for a ledger and that it does not record yet
 * (docs/corporate-actions.md) — from a transactions file or a stored portfolio, read from the
 * store's bars only (nothing is fetched: `ballast data fetch` stores them first).
 *
 * With `accept` the rows are merged into the ledger in date order (`mergeIntoLedger`): for a
 * file the merged ledger comes back as a transactions CSV in `ledgerCsv` (the CLI writes it to
 * `--out`); for a stored portfolio the merged ledger replaces the stored one in one store
 * transaction, read and written inside it. Either way the merged ledger is replayed first, and
 * a row inserted before existing rows renumbers their lines — and so their lot ids `L<line>` —
 * which the document lists in `renumbered` and a `LOT_IDS_RENUMBERED` warning states. Running
 * it again proposes nothing.
 *
 * @example
 * ```ts
 * const doc = await corporateActions({ transactions: { path: 'ledger.csv' } }, deps);
 * doc.proposed; // [{ date, type: 'dividend', symbol, account, amount, shares, perShare }, …]
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import {
  proposeCorporateActions,
  type CorporateActionBar,
  type ProposedAction,
  type RecordedAction,
  type UncertainAction,
} from '../domain/ledger/corporate-actions.ts';
import { mergeIntoLedger, type MergedLedger } from '../domain/ledger/ledger-merge.ts';
import { centsToDollars } from '../domain/ledger/money.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import { csvCell } from '../data/csv/write-cells.ts';
import {
  formatTransactionsCsv,
  TRANSACTIONS_CSV_HEADER,
  transactionCells,
} from '../data/ledger/transactions-csv-write.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import type { AppDeps } from './deps.ts';
import { replayLedger, storedShape } from './ledger-edit.ts';
import { parseInput } from './input.ts';
import { isoDateSchema } from './schemas.ts';
import { readSource, textSourceSchema } from './sources.ts';
import { ledgerLabel, portfolioNameSchema, storeHolding } from './stored-ledger.ts';

/** Input of {@link corporateActions}: `transactions` or `portfolio`, not both. */
export const corporateActionsInputSchema = z
  .object({
    /** The ledger, in the transactions-CSV format. */
    transactions: textSourceSchema.optional(),
    /** Or a stored portfolio's ledger. */
    portfolio: portfolioNameSchema.optional(),
    /** Ignore corporate actions after this date. */
    through: isoDateSchema.optional(),
    /** Days after an ex-date within which a recorded dividend counts as it (its pay date). */
    dividendWindowDays: z.number().int().min(0).max(366).default(31),
    /** Days either side of a split's date within which a recorded split counts as it. */
    splitWindowDays: z.number().int().min(0).max(31).default(5),
    /** Merge the proposed rows into the ledger (a file: `ledgerCsv`; a portfolio: stored). */
    accept: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    if ((input.transactions === undefined) === (input.portfolio === undefined))
      ctx.addIssue({
        code: 'custom',
        input: undefined,
        path: ['transactions'],
        message: 'give either transactions or portfolio',
      });
  });

/** What callers pass to {@link corporateActions}. */
export type CorporateActionsInput = z.input<typeof corporateActionsInputSchema>;

/** One proposed row, in the transactions-CSV vocabulary (money in dollars). */
export interface ProposedRowView {
  readonly date: string;
  readonly type: 'split' | 'dividend';
  readonly symbol: string;
  readonly account: string;
  /** A split's ratio. */
  readonly ratio?: number;
  /** A dividend's cash, in dollars. */
  readonly amount?: number;
  /** Shares held at the start of the date (a split: all accounts together). */
  readonly shares: number;
  /** Dividend per share. */
  readonly perShare?: number;
  /** The line the row was written on (after `accept`). */
  readonly line?: number;
}

/** The document (`--format json`). */
export interface CorporateActionsDocument {
  /** `transactions` (a file's name) or `portfolio` (a stored portfolio's name). */
  readonly source: { readonly transactions: string } | { readonly portfolio: string };
  readonly through: string | null;
  readonly proposed: readonly ProposedRowView[];
  /** Corporate actions the ledger already records, with the recording row's line and date. */
  readonly recorded: readonly RecordedAction[];
  /** Dividends not proposed: a `dividend` row without a symbol in the account may be them. */
  readonly uncertain: readonly UncertainAction[];
  /** Whether the rows were merged into the ledger. */
  readonly accepted: boolean;
  /** Existing rows whose line (and lot id `L<line>`) changes (changed, when accepted). */
  readonly renumbered: readonly { readonly from: number; readonly to: number }[];
  /** Symbols held in the ledger with no stored price bars: their actions are unknown. */
  readonly unpriced: readonly string[];
  /** With `accept` on a file: the merged ledger as a transactions CSV, for the caller to write. */
  readonly ledgerCsv?: string;
  readonly warnings: readonly Warning[];
}

/** Symbols the ledger ever holds (every row that carries shares), sorted. */
export function heldSymbols(ledger: readonly Transaction[]): string[] {
  const symbols = new Set<string>();
  for (const tx of ledger) {
    if (tx.type === 'symbol_change' || tx.type === 'merger') symbols.add(tx.toSymbol);
    if (tx.type === 'buy' || tx.type === 'reinvest' || tx.type === 'transfer_in')
      symbols.add(tx.symbol);
  }
  return [...symbols].sort();
}

/** The corporate-action days of the stored bars of `symbols` from `from` (inclusive). */
async function storedActions(
  store: MarketStore,
  symbols: readonly string[],
  range: { from: string; to?: string },
): Promise<{ bars: Map<string, CorporateActionBar[]>; unpriced: string[] }> {
  const stored = await store.getPriceBarsMany(symbols, range);
  const bars = new Map<string, CorporateActionBar[]>();
  const unpriced: string[] = [];
  for (const symbol of symbols) {
    const list = stored.get(symbol) ?? [];
    if (list.length === 0) unpriced.push(symbol);
    const events = list.filter((b) => b.dividend > 0 || b.split !== 1);
    bars.set(
      symbol,
      events.map((b) => ({ date: b.date, dividend: b.dividend, split: b.split })),
    );
  }
  return { bars, unpriced };
}

function view(action: ProposedAction, line: number | undefined): ProposedRowView {
  const tx = action.transaction;
  const { date, type, symbol, account } = tx;
  return {
    date,
    type,
    symbol,
    account,
    ...(tx.type === 'split' ? { ratio: tx.ratio } : { amount: centsToDollars(tx.amountCents) }),
    shares: action.shares,
    ...(action.perShare === undefined ? {} : { perShare: action.perShare }),
    ...(line === undefined ? {} : { line }),
  };
}

interface Planned {
  readonly proposed: readonly ProposedAction[];
  readonly recorded: readonly RecordedAction[];
  readonly uncertain: readonly UncertainAction[];
  readonly unpriced: readonly string[];
  readonly merged: MergedLedger;
}

/** Proposals for `ledger` from the store's bars, and the ledger they would make. */
async function plan(
  store: MarketStore | undefined,
  ledger: readonly Transaction[],
  at: { readonly input: z.output<typeof corporateActionsInputSchema>; readonly file: string },
): Promise<Planned> {
  const { input, file } = at;
  const symbols = heldSymbols(ledger);
  const from = ledger[0]?.date;
  const range = { from: from ?? '0000-01-01', ...(input.through ? { to: input.through } : {}) };
  const { bars, unpriced } =
    store === undefined || symbols.length === 0
      ? { bars: new Map<string, CorporateActionBar[]>(), unpriced: store ? [] : symbols }
      : await storedActions(store, symbols, range);
  const { proposed, recorded, uncertain } = proposeCorporateActions(ledger, bars, {
    dividendWindowDays: input.dividendWindowDays,
    splitWindowDays: input.splitWindowDays,
    ...(input.through === undefined ? {} : { through: input.through }),
  });
  const merged = mergeIntoLedger(
    ledger,
    proposed.map((p) => p.transaction),
    file,
  );
  return { proposed, recorded, uncertain, unpriced, merged };
}

function warningsOf(planned: Planned, accepted: boolean): Warning[] {
  const warnings: Warning[] = [];
  if (planned.unpriced.length > 0)
    warnings.push(
      warning(
        'NO_STORED_PRICES',
        `no stored price bars for ${planned.unpriced.join(', ')}: their dividends and splits are unknown (store them with \`ballast data fetch\`)`,
        { symbols: planned.unpriced },
      ),
    );
  for (const u of planned.uncertain)
    warnings.push(
      warning(
        'DIVIDEND_MAYBE_RECORDED',
        `${u.symbol} dividend going ex ${u.date} in account ${u.account} not proposed: dividend row(s) without a symbol on line(s) ${u.lines.join(', ')} may record it (give them the symbol, or add the row by hand)`,
        { ...u },
      ),
    );
  const { renumbered } = planned.merged;
  if (renumbered.length > 0) {
    const first = renumbered[0]!;
    warnings.push(
      warning(
        'LOT_IDS_RENUMBERED',
        `${accepted ? 'merging renumbered' : 'merging would renumber'} ${renumbered.length} existing row(s) from line ${first.from}: their lot ids change (L${first.from} → L${first.to}, …); lots lists in the ledger are rewritten to match`,
        { renumbered },
      ),
    );
  }
  return warnings;
}

function documentOf(
  input: z.output<typeof corporateActionsInputSchema>,
  planned: Planned,
  extra: { source: CorporateActionsDocument['source']; accepted: boolean; ledgerCsv?: string },
): CorporateActionsDocument {
  const { source } = extra;
  const lines = extra.accepted ? planned.merged.added.map((tx) => tx.source.line) : [];
  return {
    source,
    through: input.through ?? null,
    proposed: planned.proposed.map((p, i) => view(p, lines[i])),
    recorded: planned.recorded,
    uncertain: planned.uncertain,
    accepted: extra.accepted,
    renumbered: planned.merged.renumbered,
    unpriced: planned.unpriced,
    ...(extra.ledgerCsv === undefined ? {} : { ledgerCsv: extra.ledgerCsv }),
    warnings: warningsOf(planned, extra.accepted),
  };
}

/** The corporate-action rows a ledger is missing, merged in with `accept` (see the module comment). */
export async function corporateActions(
  raw: CorporateActionsInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<CorporateActionsDocument> {
  const input = parseInput(corporateActionsInputSchema, raw);
  if (input.transactions !== undefined) {
    const { text, name } = readSource(input.transactions, 'transactions');
    const ledger = parseTransactionsCsv(text, name);
    // Reading needs no store: without one nothing is stored, and every symbol is unpriced.
    const store = deps.existingStore ? await deps.existingStore() : await deps.store();
    const planned = await plan(store, ledger, { input, file: name });
    const accepted = input.accept && planned.proposed.length > 0;
    let ledgerCsv: string | undefined;
    if (input.accept) {
      replayLedger(planned.merged.transactions);
      ledgerCsv = formatTransactionsCsv(planned.merged.transactions, name);
    }
    return documentOf(input, planned, {
      source: { transactions: name },
      accepted,
      ...(ledgerCsv === undefined ? {} : { ledgerCsv }),
    });
  }
  const name = input.portfolio!;
  const store = await storeHolding(name, deps);
  const run = async (s: MarketStore): Promise<CorporateActionsDocument> => {
    const portfolio = await s.portfolios.get(name);
    const file = ledgerLabel(name);
    const ledger = (await s.portfolios.listTransactions(portfolio.id)).map((tx) => ({
      ...tx,
      source: { file, line: tx.source.line },
    }));
    const planned = await plan(s, ledger, { input, file });
    const accepted = input.accept && planned.proposed.length > 0;
    if (accepted) {
      replayLedger(planned.merged.transactions);
      await s.portfolios.replaceTransactions(
        portfolio.id,
        planned.merged.transactions.map(storedShape),
      );
    }
    return documentOf(input, planned, { source: { portfolio: portfolio.name }, accepted });
  };
  return input.accept ? store.transaction(run) : run(store);
}

/**
 * The proposed rows of `doc` as a transactions CSV (header and one record per row, the
 * columns `formatTransactionsCsv` writes): what `--format csv` prints, ready to paste into a
 * ledger at their dates.
 */
export function proposedRowsCsv(doc: CorporateActionsDocument): string {
  const records = doc.proposed.map((row, i) => {
    const base = { date: row.date, account: row.account, feesCents: 0, source: { line: i + 2 } };
    const tx: Transaction =
      row.type === 'split'
        ? { ...base, type: 'split', symbol: row.symbol, ratio: row.ratio! }
        : {
            ...base,
            type: 'dividend',
            symbol: row.symbol,
            amountCents: Math.round(row.amount! * 100),
          };
    const cells = transactionCells(tx);
    return TRANSACTIONS_CSV_HEADER.map((column) => csvCell(cells[column] ?? '')).join(',');
  });
  return [TRANSACTIONS_CSV_HEADER.join(','), ...records].join('\n');
}

/** The error for `--accept` without somewhere to write (the CLI's check). */
export function acceptNeedsOut(): BallastError {
  return new BallastError(
    'INVALID_INPUT',
    '--accept with --transactions needs --out FILE: the merged ledger is written to a new file (lines, and so lot ids, may change)',
    { field: 'out' },
  );
}
