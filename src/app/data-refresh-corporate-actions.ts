/**
 * The corporate-action step of `data refresh` (docs/corporate-actions.md, "On the server"):
 * after the tails are stored, every stored portfolio whose ledger holds a refreshed symbol is
 * checked with the `positions --apply-corporate-actions` use case (stored bars only: no
 * provider call), and the rows it proposes become one alert `CORPORATE_ACTION_PROPOSED` per
 * portfolio, for `ballast data alerts` and the dashboard's Alerts panel. Nothing is written to
 * a ledger: accepting is the CLI's `--accept` or `POST …/corporate-actions/accept`.
 *
 * **Never twice.** A proposal is keyed by {@link proposalKey} (date, type, symbol, account and
 * the ratio or amount) and scoped to its portfolio. An alert names only the proposals no earlier
 * `CORPORATE_ACTION_PROPOSED` alert of that portfolio named (the stored alerts are the memory;
 * alerts are never resolved, so "earlier" means any stored one); when every proposal was named
 * before, no alert is stored. A proposal whose amount changes (a back-dated trade changed the
 * shares) has a new key and is alerted again.
 */

import { BallastError } from '../domain/errors.ts';
import type { NewAlert } from '../data/store/alert-store.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import { corporateActions, heldSymbols, type ProposedRowView } from './corporate-actions.ts';
import type { AppDeps } from './deps.ts';
import { ledgerLabel } from './stored-ledger.ts';

/** The alert code of this step. */
export const CORPORATE_ACTION_PROPOSED = 'CORPORATE_ACTION_PROPOSED';

/** Stored alerts read back to know which proposals were already alerted (the newest kept). */
export const ALERT_MEMORY = 100_000;

/** How one portfolio's check ended. */
export interface CorporateActionCheck {
  readonly portfolio: string;
  /** Rows proposed now. */
  readonly proposed: number;
  /** Of them, rows no earlier alert named (this refresh's alert lists them). */
  readonly alerted: number;
  /** The code and message of the error that stopped the check (the refresh goes on). */
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * The identity of a proposed row within its portfolio: `date type symbol account value`, the
 * value being a split's ratio or a dividend's amount in dollars.
 */
export function proposalKey(row: ProposedRowView): string {
  const value = row.type === 'split' ? row.ratio : row.amount;
  return `${row.date} ${row.type} ${row.symbol} ${row.account} ${value}`;
}

/** Keys of the proposals earlier alerts named, by portfolio name. */
async function alertedKeys(store: MarketStore): Promise<Map<string, Set<string>>> {
  const seen = new Map<string, Set<string>>();
  for (const alert of await store.alerts.list({ limit: ALERT_MEMORY })) {
    if (alert.code !== CORPORATE_ACTION_PROPOSED) continue;
    const { portfolio, keys } = alert.details;
    if (typeof portfolio !== 'string' || !Array.isArray(keys)) continue;
    const set = seen.get(portfolio) ?? new Set<string>();
    for (const key of keys) if (typeof key === 'string') set.add(key);
    seen.set(portfolio, set);
  }
  return seen;
}

function alertOf(portfolio: string, rows: readonly ProposedRowView[]): NewAlert {
  const symbols = [...new Set(rows.map((r) => r.symbol))].sort();
  const listed = rows
    .map((r) =>
      r.type === 'split'
        ? `${r.date} split ${r.symbol} ${r.ratio}`
        : `${r.date} dividend ${r.symbol} $${r.amount!.toFixed(2)} (${r.account})`,
    )
    .join('; ');
  return {
    symbol: symbols.join(','),
    code: CORPORATE_ACTION_PROPOSED,
    message:
      `portfolio ${portfolio}: ${rows.length} corporate-action row(s) to record: ${listed} (review with ballast positions --portfolio ${portfolio} --apply-corporate-actions)`.slice(
        0,
        2000,
      ),
    details: { portfolio, symbols, keys: rows.map(proposalKey), proposed: rows },
    source: 'refresh',
  };
}

/**
 * The `CORPORATE_ACTION_PROPOSED` alerts for the stored portfolios holding one of `refreshed`
 * (module comment), with one check per such portfolio. A portfolio whose check fails with a
 * {@link BallastError} (e.g. a ledger that no longer replays) is reported in its check, not
 * thrown: the refresh itself succeeded.
 */
export async function corporateActionAlerts(
  refreshed: readonly string[],
  store: MarketStore,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<{ alerts: NewAlert[]; checks: CorporateActionCheck[] }> {
  const wanted = new Set(refreshed);
  if (wanted.size === 0) return { alerts: [], checks: [] };
  const alerts: NewAlert[] = [];
  const checks: CorporateActionCheck[] = [];
  let seen: Map<string, Set<string>> | undefined;
  for (const { name } of await store.portfolios.list()) {
    const file = ledgerLabel(name);
    const ledger = (await store.portfolios.listTransactions(name)).map((tx) => ({
      ...tx,
      source: { file, line: tx.source.line },
    }));
    if (!heldSymbols(ledger).some((s) => wanted.has(s))) continue;
    try {
      const doc = await corporateActions({ portfolio: name }, deps);
      seen ??= await alertedKeys(store);
      const earlier = seen.get(name) ?? new Set<string>();
      const fresh = doc.proposed.filter((row) => !earlier.has(proposalKey(row)));
      if (fresh.length > 0) alerts.push(alertOf(name, fresh));
      checks.push({ portfolio: name, proposed: doc.proposed.length, alerted: fresh.length });
    } catch (e) {
      if (!(e instanceof BallastError)) throw e;
      checks.push({
        portfolio: name,
        proposed: 0,
        alerted: 0,
        error: { code: e.code, message: e.message },
      });
    }
  }
  return { alerts, checks };
}
