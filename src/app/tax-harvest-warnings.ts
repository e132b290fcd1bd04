/**
 * The warnings of the `tax harvest` document (`tax-harvest.ts`): an account harvested without a
 * tax type (`ACCOUNT_ASSUMED_TAXABLE`), a symbol without a price (`UNPRICED`), an assessed symbol
 * valued at the ledger's last trade price (`PRICE_FROM_LAST_TRADE`: an old price can show or hide
 * a loss), and a candidate symbol without a fund definition (`NOT_IN_FUND_UNIVERSE`: no
 * substitutes). Each is `{ code, message, details }` (docs/conventions.md, "Errors").
 */

import type { TaxType } from '../domain/ledger/accounts.ts';
import type { Lot } from '../domain/ledger/types.ts';
import type { SubstituteSearch } from '../domain/tax/harvest-substitutes.ts';
import type { HarvestResult } from '../domain/tax/harvest.ts';
import type { PriceQuote } from '../domain/valuation/value-positions.ts';
import { warning, type Warning } from '../domain/warnings.ts';

const LAST_TRADE = 'last trade price (ledger)';

/** What the warnings are about besides the result: quotes, searches, lots, accounts' tax types. */
export interface WarningContext {
  readonly quotes: ReadonlyMap<string, PriceQuote>;
  readonly searches: readonly SubstituteSearch[];
  readonly lots: readonly Lot[];
  readonly taxTypes: ReadonlyMap<string, TaxType>;
}

/** The warnings of a harvest (module comment), in that order. */
export function harvestWarnings(result: HarvestResult, context: WarningContext): Warning[] {
  const out: Warning[] = [];
  const untyped = [
    ...new Set(result.candidates.map((c) => c.account).filter((a) => !context.taxTypes.has(a))),
  ];
  for (const account of untyped)
    out.push(
      warning(
        'ACCOUNT_ASSUMED_TAXABLE',
        `account ${account} has no tax type (accounts file or stored accounts): treated as taxable`,
        { account },
      ),
    );
  for (const symbol of result.unpriced)
    out.push(
      warning('UNPRICED', `${symbol}: no price; its lots were not assessed for a loss`, {
        symbol,
      }),
    );
  const assessed = new Set(
    context.lots
      .filter((l) => l.quantity > 0 && (context.taxTypes.get(l.account) ?? 'taxable') === 'taxable')
      .map((l) => l.symbol),
  );
  for (const symbol of [...assessed].sort()) {
    const quote = context.quotes.get(symbol);
    if (quote?.source !== LAST_TRADE) continue;
    const date = quote.date ?? null;
    out.push(
      warning(
        'PRICE_FROM_LAST_TRADE',
        `${symbol}: valued at the ledger's last trade price (${date}), which can show or hide a loss; give prices or store closes`,
        { symbol, priceDate: date },
      ),
    );
  }
  for (const s of context.searches.filter((x) => !x.inUniverse))
    out.push(
      warning(
        'NOT_IN_FUND_UNIVERSE',
        `${s.symbol}: no fund definition; no substitutes are suggested (none are guessed)`,
        { symbol: s.symbol },
      ),
    );
  return out;
}
