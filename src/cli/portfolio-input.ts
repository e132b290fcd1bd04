import { buildLedger, type LedgerResult } from '../domain/ledger/ledger.ts';
import type { Cents } from '../domain/ledger/money.ts';
import type { LastTrade, Lot, LotMethod } from '../domain/ledger/types.ts';
import {
  valuePositions,
  type PriceQuote,
  type Valuation,
} from '../domain/valuation/value-positions.ts';
import { parseHoldingsCsv } from '../data/ledger/holdings-csv.ts';
import { parsePricesCsv } from '../data/ledger/prices-csv.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import { readTextFile } from './io.ts';

/** Where a portfolio comes from on the command line. */
export interface PortfolioSources {
  readonly holdings?: string | undefined;
  readonly transactions?: string | undefined;
  readonly prices?: string | undefined;
  readonly lotMethod?: LotMethod | undefined;
  readonly asOf?: string | undefined;
}

/** A portfolio read from files: open lots, cash, and the ledger when there was one. */
export interface LoadedPortfolio {
  readonly lots: readonly Lot[];
  readonly cashCents: ReadonlyMap<string, Cents>;
  readonly ledger?: LedgerResult;
  readonly valuation: Valuation;
}

/**
 * Reads a holdings snapshot and/or a transactions ledger (both: combined, e.g. one account as
 * a snapshot and another as a ledger) and values it with the first price found in: the prices
 * file, the holdings file's own prices, the ledger's last trade prices — each labelled.
 */
export function loadPortfolio(sources: PortfolioSources): LoadedPortfolio {
  const lots: Lot[] = [];
  const cash = new Map<string, Cents>();
  const priceSources: Map<string, PriceQuote>[] = [];
  if (sources.prices)
    priceSources.push(parsePricesCsv(readTextFile(sources.prices, '--prices'), sources.prices));
  if (sources.holdings) {
    const snapshot = parseHoldingsCsv(
      readTextFile(sources.holdings, '--holdings'),
      sources.holdings,
    );
    lots.push(...snapshot.lots);
    for (const [account, cents] of snapshot.cashCents)
      cash.set(account, (cash.get(account) ?? 0) + cents);
    priceSources.push(snapshot.prices);
  }
  let ledger: LedgerResult | undefined;
  let lastTrade: ReadonlyMap<string, LastTrade> | undefined;
  if (sources.transactions) {
    const transactions = parseTransactionsCsv(
      readTextFile(sources.transactions, '--transactions'),
      sources.transactions,
    );
    ledger = buildLedger(transactions, {
      ...(sources.lotMethod ? { lotMethod: sources.lotMethod } : {}),
      ...(sources.asOf ? { asOf: sources.asOf } : {}),
    });
    lots.push(...ledger.lots);
    for (const [account, cents] of ledger.cashCents)
      cash.set(account, (cash.get(account) ?? 0) + cents);
    lastTrade = ledger.lastTrade;
  }
  const valuation = valuePositions({
    lots,
    cashCents: cash,
    priceSources,
    ...(lastTrade ? { lastTrade } : {}),
  });
  return { lots, cashCents: cash, ...(ledger ? { ledger } : {}), valuation };
}
