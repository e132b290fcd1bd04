/**
 * Use case `data refresh`: fetches only the missing tail of stored symbols and series — from the
 * day after the last stored date to today — through the market-data service (its provider
 * chains, retries with backoff and per-provider spacing are the HTTP client's), then runs the
 * refresh quality rules over the new bars plus stored context and stores every finding as an
 * alert, optionally posting them to a webhook. Then, unless `corporateActions: false`, every
 * stored portfolio holding a refreshed symbol gets a `CORPORATE_ACTION_PROPOSED` alert for the
 * corporate-action rows its ledger lacks (`data-refresh-corporate-actions.ts`, stored bars only).
 *
 * A provider outage leaves the stored data untouched (nothing invented) and an alert
 * `DATA_STALE` naming the providers tried and the time. A partial refresh is a success with
 * alerts; {@link dataRefreshFailure} is DATA_STALE only when ids were due and none could be
 * refreshed.
 *
 * @example
 * ```ts
 * const doc = await dataRefresh({ symbols: ['SPY'] }, deps);
 * doc.rows[0]; // { kind: 'prices', id: 'SPY', status: 'refreshed', from, to, newRows: 2, … }
 * ```
 */

import * as z from 'zod';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.ts';
import { createNyseCalendar } from '../domain/calendar/trading-calendar.ts';
import { tradingDayOnOrBefore } from '../domain/calendar/trading-days.ts';
import { BallastError, invalidInput } from '../domain/errors.ts';
import { refreshFindings } from '../domain/series/refresh-quality.ts';
import { postWebhook, type WebhookOutcome } from '../data/http/webhook.ts';
import type { NewAlert, StoredAlert } from '../data/store/alert-store.ts';
import type { CoverageEntry, MarketStore } from '../data/store/market-store.ts';
import type { StoredPriceBar } from '../domain/market/types.ts';
import { providerDisagreements } from '../domain/series/provider-disagreement.ts';
import {
  corporateActionAlerts,
  type CorporateActionCheck,
} from './data-refresh-corporate-actions.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { symbolListSchema } from './symbol-returns.ts';

/** Calendar days of stored bars read before the new ones for the quality rules (≈ 69 sessions). */
export const CONTEXT_DAYS = 100;

/** Input of {@link dataRefresh}. */
export const dataRefreshInputSchema = z
  .object({
    /** Only these stored symbols (prices). */
    symbols: symbolListSchema.optional(),
    /** Only the symbols of this stored universe. */
    universe: z.string().trim().min(1).optional(),
    /** |z| above this is a JUMP alert (default 5). */
    sigmas: z.number().finite().positive().optional(),
    /** This many identical closes in a row is a STALE_CLOSE alert (default 5). */
    staleDays: z.number().int().min(2).optional(),
    /** POST the new alerts here as JSON (http or https). */
    /**
     * Check the new bars against a second provider of the price chain: its name, or `auto` for
     * the first provider of the chain other than the one that supplied them. Off by default (it
     * doubles the provider calls of a refresh).
     */
    crossCheck: z.string().trim().toLowerCase().min(1).optional(),
    /** Relative difference of closes above which the cross-check alerts (default 0.005). */
    closeTolerance: z.number().finite().positive().max(1).optional(),
    /**
     * After the refresh, alert `CORPORATE_ACTION_PROPOSED` for the stored portfolios holding a
     * refreshed symbol (`data-refresh-corporate-actions.ts`; stored bars only, no provider
     * call). Default true; `--no-corporate-actions` turns it off.
     */
    corporateActions: z.boolean().optional(),
    webhook: z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
      .optional(),
  })
  .strict();

/** What callers pass to {@link dataRefresh}. */
export type DataRefreshInput = z.input<typeof dataRefreshInputSchema>;

/** How one id's refresh ended. */
export type RefreshStatus = 'refreshed' | 'up-to-date' | 'stale' | 'not-stored';

/** One id's outcome. */
export interface DataRefreshRow {
  readonly kind: 'prices' | 'series';
  readonly id: string;
  readonly status: RefreshStatus;
  /** Requested tail (empty strings when nothing was requested). */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Rows stored in the tail by this refresh. */
  readonly newRows: number;
  /** Last stored date after the refresh (empty when nothing is stored). */
  readonly last: IsoDate;
  /** Alerts raised for this id. */
  readonly alerts: number;
  readonly note: string;
}

/** The `data refresh` document. */
export interface DataRefreshDocument {
  readonly rows: DataRefreshRow[];
  /** The alerts stored by this refresh. */
  readonly alerts: StoredAlert[];
  /** The webhook post, when a webhook was given and there were alerts. */
  readonly webhook?: WebhookOutcome;
  /** The corporate-action check of each stored portfolio holding a refreshed symbol (absent: none). */
  readonly corporateActions?: readonly CorporateActionCheck[];
}

interface Target {
  readonly kind: 'prices' | 'series';
  readonly id: string;
  readonly coverage: CoverageEntry | undefined;
}

/** Stored entries fetched from a provider at least once (imported-only data is left alone). */
const fetched = (e: CoverageEntry): boolean => e.sources.some((s) => !s.startsWith('csv:'));

async function targets(
  input: z.output<typeof dataRefreshInputSchema>,
  store: MarketStore,
): Promise<Target[]> {
  if (input.symbols !== undefined && input.universe !== undefined)
    throw invalidInput('universe', input.universe, 'give --symbols or --universe, not both');
  const coverage = await store.listCoverage();
  const prices = new Map(coverage.filter((e) => e.kind === 'prices').map((e) => [e.id, e]));
  const named =
    input.symbols ?? (input.universe && (await store.universes.get(input.universe)).symbols);
  if (named)
    return named.map((id) => ({
      kind: 'prices',
      id: id.toUpperCase(),
      coverage: prices.get(id.toUpperCase()),
    }));
  return coverage.filter(fetched).map((e) => ({ kind: e.kind, id: e.id, coverage: e }));
}

/** The last date a refresh today should reach: the latest NYSE session for prices, else today. */
function dueDate(kind: 'prices' | 'series', today: IsoDate): IsoDate {
  return kind === 'prices' ? tradingDayOnOrBefore(createNyseCalendar(), today) : today;
}

/** Refreshes the tails and stores the alerts (module comment). */
export async function dataRefresh(
  raw: DataRefreshInput,
  deps: AppDeps,
): Promise<DataRefreshDocument> {
  const input = parseInput(dataRefreshInputSchema, raw);
  if (deps.offline)
    throw invalidInput('offline', true, 'a refresh asks the providers: drop --offline');
  const store = await deps.store();
  const list = await targets(input, store);
  const task = deps.progress.start('refreshing', list.length);
  const rows: DataRefreshRow[] = [];
  const pending: NewAlert[] = [];
  try {
    for (const target of list) {
      const { row, alerts } = await refreshOne(target, { input, deps, store });
      rows.push({ ...row, alerts: alerts.length });
      pending.push(...alerts);
      task.tick();
    }
  } finally {
    task.done();
  }
  const checked =
    input.corporateActions !== false
      ? await corporateActionAlerts(refreshedSymbols(rows), store, deps)
      : undefined;
  if (checked) pending.push(...checked.alerts);
  const stored = await store.alerts.add(pending);
  const webhook =
    input.webhook !== undefined && stored.length > 0
      ? await postWebhook(input.webhook, { source: 'ballast data refresh', alerts: stored })
      : undefined;
  return {
    rows,
    alerts: stored,
    ...(webhook ? { webhook } : {}),
    ...(checked && checked.checks.length > 0 ? { corporateActions: checked.checks } : {}),
  };
}

/** The price symbols this refresh reached (refreshed, new rows or not). */
function refreshedSymbols(rows: readonly DataRefreshRow[]): string[] {
  return rows.filter((r) => r.kind === 'prices' && r.status === 'refreshed').map((r) => r.id);
}

type RowDraft = Omit<DataRefreshRow, 'alerts'>;

/** What every per-id step needs. */
interface Ctx {
  readonly input: z.output<typeof dataRefreshInputSchema>;
  readonly deps: AppDeps;
  readonly store: MarketStore;
}

/** The tail asked for and the last date stored before it. */
interface Tail {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly last: IsoDate;
}

async function refreshOne(
  target: Target,
  ctx: Ctx,
): Promise<{ row: RowDraft; alerts: NewAlert[] }> {
  const base = { kind: target.kind, id: target.id, from: '', to: '', newRows: 0 } as const;
  const last = target.coverage?.last;
  if (last === undefined) {
    const note = 'nothing stored: fetch it first (ballast data fetch)';
    return { row: { ...base, status: 'not-stored', last: '', note }, alerts: [] };
  }
  const today = ctx.deps.clock.today();
  if (last >= dueDate(target.kind, today))
    return { row: { ...base, status: 'up-to-date', last, note: '' }, alerts: [] };
  const tail: Tail = { from: addDays(last, 1), to: today, last };
  const service = await ctx.deps.marketData();
  const startedAt = ctx.deps.clock.now();
  try {
    const read = { from: tail.from, to: tail.to, offline: false };
    const r =
      target.kind === 'prices'
        ? await service.getPrices(target.id, read)
        : await service.getSeries(target.id, read);
    if (r.stale) return staleOutcome(target, { tail, attempts: r.attempts }, ctx);
    const row: RowDraft = {
      ...base,
      from: tail.from,
      to: tail.to,
      status: 'refreshed',
      newRows: r.rows.length,
      last: r.rows.at(-1)?.date ?? last,
      note: r.attempts.map((a) => `${a.provider}: ${a.code}`).join('; '),
    };
    if (target.kind !== 'prices' || r.rows.length === 0) return { row, alerts: [] };
    const alerts = await qualityAlerts(target.id, last, ctx);
    const check = await crossCheck(target.id, { tail, bars: r.rows as StoredPriceBar[] }, ctx);
    return {
      row:
        check.note === ''
          ? row
          : { ...row, note: [row.note, check.note].filter(Boolean).join('; ') },
      alerts: [...alerts, ...check.alerts],
    };
  } catch (e) {
    if (!(e instanceof BallastError) || e.code === 'INVALID_INPUT') throw e;
    const attempts = (e.details['attempts'] as Attempt[] | undefined) ?? [
      { provider: 'refresh', code: e.code, message: e.message },
    ];
    if (await answeredEmpty(target, { tail, startedAt }, ctx.store)) {
      const note = attempts.map((a) => `${a.provider}: ${a.code}`).join('; ');
      const row: RowDraft = {
        ...base,
        from: tail.from,
        to: tail.to,
        status: 'refreshed',
        last,
        note,
      };
      return { row, alerts: [] };
    }
    return staleOutcome(target, { tail, attempts }, ctx);
  }
}

/**
 * True when a provider of the chain answered this tail with no rows after others failed (the
 * service then reports DATA_UNAVAILABLE for the empty range): the fetch log has an `ok` entry
 * for it since `startedAt`. Nothing new was published yet; that is not an outage.
 */
async function answeredEmpty(
  target: Target,
  ask: { readonly tail: Tail; readonly startedAt: string },
  store: MarketStore,
): Promise<boolean> {
  const log = await store.listFetches({ key: target.id, limit: 20 });
  return log.some(
    (f) =>
      f.kind === target.kind &&
      f.outcome === 'ok' &&
      f.requestedTo === ask.tail.to &&
      f.startedAt >= ask.startedAt,
  );
}

interface Attempt {
  readonly provider: string;
  readonly code: string;
  readonly message: string;
}

/** The row and the DATA_STALE alert of an id whose tail no provider could supply. */
function staleOutcome(
  target: Target,
  failed: { readonly tail: Tail; readonly attempts: readonly Attempt[] },
  ctx: Ctx,
): { row: RowDraft; alerts: NewAlert[] } {
  const { tail, attempts } = failed;
  const tried = attempts.map((a) => `${a.provider} (${a.code})`).join(', ') || 'no provider';
  const alert: NewAlert = {
    symbol: target.id,
    code: 'DATA_STALE',
    message: `${target.id}: ${tail.from}..${tail.to} could not be fetched (tried ${tried}); stored data ends ${tail.last}`,
    details: {
      kind: target.kind,
      from: tail.from,
      to: tail.to,
      lastStored: tail.last,
      attempts,
      at: ctx.deps.clock.now(),
    },
    source: attempts[0]?.provider ?? 'refresh',
  };
  const row: RowDraft = {
    kind: target.kind,
    id: target.id,
    from: tail.from,
    to: tail.to,
    status: 'stale',
    newRows: 0,
    last: tail.last,
    note: attempts.map((a) => `${a.provider}: ${a.code}`).join('; '),
  };
  return { row, alerts: [alert] };
}

/** Alerts of the refresh quality rules over the new bars of `symbol` plus stored context. */
async function qualityAlerts(symbol: string, after: IsoDate, ctx: Ctx): Promise<NewAlert[]> {
  const bars = await ctx.store.getPriceBars(symbol, { from: addDays(after, -CONTEXT_DAYS) });
  const { sigmas, staleDays } = ctx.input;
  const findings = refreshFindings(bars, after, {
    calendar: createNyseCalendar(),
    ...(sigmas === undefined ? {} : { sigmas }),
    ...(staleDays === undefined ? {} : { staleDays }),
  });
  return findings.map((f) => ({
    symbol,
    code: f.code,
    message: `${symbol} ${f.date}: ${f.message}`,
    details: { date: f.date, ...f.details },
    source: 'refresh',
  }));
}

/**
 * The cross-check of new bars against a second provider (docs/data-refresh.md): alerts
 * `PROVIDER_DISAGREEMENT`, and a note saying what was compared. A second provider that fails or
 * has no bars is a note, not an alert — the refresh itself succeeded.
 */
async function crossCheck(
  symbol: string,
  fresh: { readonly tail: Tail; readonly bars: readonly StoredPriceBar[] },
  ctx: Ctx,
): Promise<{ alerts: NewAlert[]; note: string }> {
  const asked = ctx.input.crossCheck;
  if (asked === undefined) return { alerts: [], note: '' };
  const supplier = fresh.bars[0]!.source;
  const chain = (await ctx.deps.providers()).prices;
  const other =
    asked === 'auto'
      ? chain.find((p) => p.name !== supplier && p.fetchPrices !== undefined)
      : chain.find((p) => p.name === asked);
  if (other?.fetchPrices === undefined) {
    if (asked === 'auto') return { alerts: [], note: 'cross-check: no second price provider' };
    throw invalidInput(
      'crossCheck',
      asked,
      `not a price provider of the chain (${chain.map((p) => p.name).join(', ') || 'none'}; BALLAST_PRICE_PROVIDERS and the providers' keys decide it)`,
    );
  }
  if (other.name === supplier)
    return { alerts: [], note: `cross-check: ${other.name} supplied the bars itself` };
  let bars;
  try {
    bars = await other.fetchPrices({ symbol, from: fresh.tail.from, to: fresh.tail.to });
  } catch (e) {
    const code = e instanceof BallastError ? e.code : 'INTERNAL';
    return { alerts: [], note: `cross-check: ${other.name} failed (${code})` };
  }
  const check = providerDisagreements(fresh.bars, bars, {
    primary: supplier,
    secondary: other.name,
    ...(ctx.input.closeTolerance === undefined ? {} : { closeTolerance: ctx.input.closeTolerance }),
  });
  const alerts = check.findings.map((f): NewAlert => ({
    symbol,
    code: f.code,
    message: `${symbol} ${f.date}: ${f.message}`,
    details: { date: f.date, ...f.details },
    source: 'refresh',
  }));
  const note = `cross-check ${other.name}: ${check.compared} dates compared, ${check.findings.length} disagreements`;
  return { alerts, note };
}

/** DATA_STALE when some id was due and none could be refreshed (the faces print the rows first). */
export function dataRefreshFailure(doc: DataRefreshDocument): BallastError | undefined {
  const stale = doc.rows.filter((r) => r.status === 'stale').length;
  const refreshed = doc.rows.filter((r) => r.status === 'refreshed').length;
  if (stale === 0 || refreshed > 0) return undefined;
  return new BallastError(
    'DATA_STALE',
    `none of the ${stale} due ids could be refreshed (alerts stored: ballast data alerts)`,
    { stale },
  );
}
