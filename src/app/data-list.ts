/**
 * Use case `data list`: what the store holds — every symbol (prices) then every economic or
 * imported return series, each with its first and last date, row count, sources and latest
 * fetch time.
 *
 * @example
 * ```ts
 * const entries = await dataList({}, deps); // [{ kind: 'prices', id: 'SPY', first, last, … }]
 * ```
 */

import * as z from 'zod';
import type { CoverageEntry } from '../data/store/market-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';

export type { CoverageEntry } from '../data/store/market-store.ts';

/** Input of {@link dataList}: nothing (an empty object). */
export const dataListInputSchema = z.object({}).strict();

/** What callers pass to {@link dataList}. */
export type DataListInput = z.input<typeof dataListInputSchema>;

/** The `data list` document: one entry per stored symbol or series, sorted by kind then id. */
export type DataListDocument = CoverageEntry[];

/** The store's coverage. */
export async function dataList(raw: DataListInput, deps: AppDeps): Promise<DataListDocument> {
  parseInput(dataListInputSchema, raw);
  return (await deps.store()).listCoverage();
}
