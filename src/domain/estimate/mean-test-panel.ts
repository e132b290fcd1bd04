/**
 * Small hand-checkable return panels for the expected-return tests (not exported from the
 * module's public surface; used by `*.test.ts` only).
 */

import type { AlignedTable } from '../series/align-common.ts';

/** An aligned panel from columns keyed by asset, dated month-ends of 2024. */
export function panel(columns: Readonly<Record<string, readonly number[]>>): AlignedTable {
  const ids = Object.keys(columns);
  const length = columns[ids[0] ?? '']?.length ?? 0;
  const dates = Array.from({ length }, (_, t) => `2024-${String(t + 1).padStart(2, '0')}-28`);
  return { ids, dates, columns: ids.map((id) => Float64Array.from(columns[id] ?? [])) };
}
