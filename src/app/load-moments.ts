/**
 * The moments an optimiser takes, from either source a user can give: a moments file written
 * by `estimate --format json` (docs/moments.md), or a returns panel estimated here with any
 * model of the estimation spec. One entry point for `optimize`, `frontier` and `plan`.
 *
 * @example
 * ```ts
 * const { moments } = await loadMoments(
 *   { kind: 'estimate', panel: { kind: 'file', file: { path: 'r.csv' } },
 *     spec: { covariance: { method: 'ledoit-wolf' } } },
 *   deps,
 * );
 * const again = await loadMoments({ kind: 'file', moments: { path: 'moments.json' } }, deps);
 * ```
 */

import type * as z from 'zod';
import type { Warning } from '../domain/warnings.ts';
import type { AppDeps } from './deps.ts';
import { estimateMoments, type DistributionSummary } from './estimate-moments.ts';
import { parseInput } from './input.ts';
import { readMoments, type Moments } from './moments.ts';
import { loadReturnsPanel } from './returns-panel.ts';
import { momentsInputSchema } from './optimize-input.ts';

/** Where moments come from: a moments file, or a panel and an estimation spec (the same
 * schema the optimisers take). */
export const momentsSourceInputSchema = momentsInputSchema;

/** What callers pass to {@link loadMoments}. */
export type MomentsSourceInput = z.input<typeof momentsSourceInputSchema>;

/** Moments with the warnings of their estimate (none for a file) and its summary. */
export interface LoadedMoments {
  readonly moments: Moments;
  readonly warnings: readonly Warning[];
  /** The estimate behind the moments (absent for a moments file). */
  readonly summary?: DistributionSummary;
}

/** Reads or estimates the moments of `source` (validated; INVALID_INPUT names the field). */
export async function loadMoments(
  source: MomentsSourceInput,
  deps: AppDeps,
): Promise<LoadedMoments> {
  const input = parseInput(momentsSourceInputSchema, source);
  if (input.kind === 'file') return { moments: readMoments(input.moments), warnings: [] };
  const panel = await loadReturnsPanel(input.panel, deps);
  const { moments, summary } = estimateMoments(panel, input.spec);
  return { moments, warnings: summary.warnings, summary };
}
