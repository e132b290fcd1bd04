/**
 * Use case `data list`: what the store holds — every symbol (prices) then every economic or
 * imported return series, each with its first and last date, row count, sources and latest
 * fetch time.
 */

import type { CoverageEntry } from '../data/store/market-store.ts';
import type { AppDeps } from './deps.ts';

export type { CoverageEntry } from '../data/store/market-store.ts';

/** The `data list` document: one entry per stored symbol or series, sorted by kind then id. */
export type DataListDocument = CoverageEntry[];

/** The store's coverage (takes no input). */
export async function dataList(
  _raw: Record<string, never>,
  deps: AppDeps,
): Promise<DataListDocument> {
  return (await deps.store()).listCoverage();
}
