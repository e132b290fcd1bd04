/**
 * Use case `data fetch`: daily prices (or economic series) into the store through the provider
 * chains; only what is missing is fetched (docs/conventions.md: history is immutable once the
 * day is past, only the tail is refreshed). A provider outage serves the stored data marked
 * stale; an id with nothing stored and no provider answering is reported in its row (failure
 * is data: the other ids are still fetched) and counted in `failures`.
 *
 * @example
 * ```ts
 * const doc = await dataFetch({ ids: ['SPY', 'AGG'], from: '2015-01-01' }, deps);
 * const error = dataFetchFailure(doc); // DATA_UNAVAILABLE when some id failed
 * ```
 */

import * as z from 'zod';
import { addYears } from '../domain/calendar/iso-date.ts';
import { BallastError, invalidInput } from '../domain/errors.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { isoDateSchema } from './schemas.ts';
import { DEFAULT_HISTORY_YEARS, symbolListSchema } from './symbol-returns.ts';

/** Input of {@link dataFetch}. */
export const dataFetchInputSchema = z.object({
  /** Symbols, or series ids with `series: true` (trimmed, upper-cased). */
  ids: symbolListSchema,
  /** First date; default ten years before today. */
  from: isoDateSchema.optional(),
  /** Last date, inclusive; default today. */
  to: isoDateSchema.optional(),
  /** Ask only this provider (`yahoo`, `stooq`, `tiingo`, `polygon`, `alpha-vantage`, `fred`). */
  provider: z.string().trim().min(1).optional(),
  /** The ids are economic series (FRED ids such as DGS3MO, CPIAUCSL). */
  series: z.boolean().default(false),
});

/** What callers pass to {@link dataFetch}. */
export type DataFetchInput = z.input<typeof dataFetchInputSchema>;

/** One id's outcome. */
export interface DataFetchRow {
  readonly id: string;
  /** Rows stored for the range after the fetch (0 when the id failed). */
  readonly rows: number;
  readonly first: string;
  readonly last: string;
  /** Sources of the rows, comma-separated. */
  readonly sources: string;
  /** True when stored data was served because a refresh failed (or offline). */
  readonly stale: boolean;
  /** What was tried and failed (`provider: CODE; …`), or the error of a failed id. */
  readonly note: string;
}

/** The `data fetch` document. The CLI prints `rows` as its JSON (one row per id). */
export interface DataFetchDocument {
  readonly rows: DataFetchRow[];
  /** Ids for which nothing could be fetched or served. */
  readonly failures: number;
}

/**
 * Fetches every id over [from, to] (ticking `deps.progress` per id). A failure other than
 * INVALID_INPUT is recorded in the id's row; INVALID_INPUT (a bad range, an unknown provider)
 * stops the run.
 */
export async function dataFetch(raw: DataFetchInput, deps: AppDeps): Promise<DataFetchDocument> {
  const input = parseInput(dataFetchInputSchema, raw);
  const today = deps.clock.today();
  const range = {
    from: input.from ?? addYears(today, -DEFAULT_HISTORY_YEARS),
    to: input.to ?? today,
  };
  if (range.from > range.to) throw invalidInput('from', range.from, `is after to (${range.to})`);
  const service = await deps.marketData();
  const read = {
    ...range,
    offline: deps.offline,
    ...(input.provider === undefined ? {} : { provider: input.provider }),
  };
  const task = deps.progress.start(
    input.series ? 'fetching series' : 'fetching prices',
    input.ids.length,
  );
  const rows: DataFetchRow[] = [];
  let failures = 0;
  try {
    for (const id of input.ids) {
      try {
        const r = input.series
          ? await service.getSeries(id, read)
          : await service.getPrices(id, read);
        rows.push({
          id,
          rows: r.rows.length,
          first: r.rows[0]?.date ?? '',
          last: r.rows.at(-1)?.date ?? '',
          sources: r.sources.join(','),
          stale: r.stale,
          note: r.attempts.map((a) => `${a.provider}: ${a.code}`).join('; '),
        });
      } catch (e) {
        if (!(e instanceof BallastError) || e.code === 'INVALID_INPUT') throw e;
        failures++;
        rows.push({
          id,
          rows: 0,
          first: '',
          last: '',
          sources: '',
          stale: false,
          note: `${e.code}: ${e.message}`,
        });
      }
      task.tick();
    }
  } finally {
    task.done();
  }
  return { rows, failures };
}

/** DATA_UNAVAILABLE when some id of the document failed (the faces print the rows first). */
export function dataFetchFailure(doc: DataFetchDocument): BallastError | undefined {
  if (doc.failures === 0) return undefined;
  return new BallastError(
    'DATA_UNAVAILABLE',
    `${doc.failures} of ${doc.rows.length} ids could not be fetched (see the table)`,
    { failures: doc.failures },
  );
}
