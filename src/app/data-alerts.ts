/**
 * Use case `data alerts`: the stored data alerts (raised by `data refresh`), oldest first,
 * optionally only those created since a date (UTC midnight) or an ISO timestamp.
 *
 * @example
 * ```ts
 * const alerts = await dataAlerts({ since: '2026-12-01' }, deps); // [{ id, createdAt, symbol, code, … }]
 * ```
 */

import * as z from 'zod';
import type { StoredAlert } from '../data/store/alert-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';

export type { StoredAlert } from '../data/store/alert-store.ts';

/** Input of {@link dataAlerts}. */
export const dataAlertsInputSchema = z
  .object({
    /** `YYYY-MM-DD` (UTC midnight) or an ISO-8601 timestamp with time zone. */
    since: z.string().trim().min(1).optional(),
    /** At most this many, the newest kept (default 1 000). */
    limit: z.number().int().positive().optional(),
  })
  .strict();

/** What callers pass to {@link dataAlerts}. */
export type DataAlertsInput = z.input<typeof dataAlertsInputSchema>;

/** Stored alerts, oldest first; a bad `since` is INVALID_INPUT naming `since`. */
export async function dataAlerts(raw: DataAlertsInput, deps: AppDeps): Promise<StoredAlert[]> {
  const input = parseInput(dataAlertsInputSchema, raw);
  const store = await deps.store();
  return store.alerts.list({
    ...(input.since === undefined ? {} : { since: input.since }),
    ...(input.limit === undefined ? {} : { limit: input.limit }),
  });
}
