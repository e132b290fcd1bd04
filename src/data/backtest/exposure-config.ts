/**
 * The `exposures` and `funds` fields of a backtest strategy (docs/backtest.md, "Exposure
 * targets"): economic exposure targets (exposure id → exposure per $1 of the strategy's value)
 * and the candidate funds that carry them, instead of `weights`. The app maps the targets to
 * fund weights once before the run (`src/app/backtest-exposures.ts`); the engine then runs
 * those fixed weights.
 *
 * ```yaml
 * strategies:
 *   - name: stacked
 *     exposures: { us_large_equity: 1.5, broad_ust: 1.0 }
 *     funds: [RSSB, SPY]          # definitions from the config's `funds:` or config/funds.yaml
 * ```
 *
 * A bad field is INVALID_INPUT naming `strategies[i].exposures…` or `strategies[i].funds…`.
 */

import * as z from 'zod';

const symbol = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.toUpperCase());

/** The fields this module adds to a strategy's schema. */
export const strategyExposureFields = {
  /** Exposure id → target economic exposure per $1 of value (instead of `weights`). */
  exposures: z.record(z.string(), z.number().finite()).optional(),
  /** The candidate funds the targets are mapped onto (with `exposures` only). */
  funds: z.array(symbol).min(1).optional(),
};

type Issue = (path: (string | number)[], message: string) => void;

/** What {@link checkStrategyExposures} reads of a parsed strategy. */
interface ExposurePart {
  readonly weights?: Readonly<Record<string, number>> | undefined;
  readonly exposures?: Readonly<Record<string, number>> | undefined;
  readonly funds?: readonly string[] | undefined;
  readonly weighting?: unknown;
}

/** The cross-field rules of `weights`, `exposures` and `funds` (module comment). */
export function checkStrategyExposures(s: ExposurePart, issue: Issue): void {
  if (s.weights !== undefined && s.exposures !== undefined) {
    issue(['exposures'], 'give either weights or exposures (mapped to funds), not both');
    return;
  }
  if (s.weights === undefined && s.exposures === undefined) {
    issue(['weights'], 'give weights, or exposures with the candidate funds');
    return;
  }
  if (s.exposures === undefined) {
    if (s.funds !== undefined) issue(['funds'], 'funds are the candidates of exposures');
    return;
  }
  const ids = Object.keys(s.exposures);
  if (ids.length === 0) issue(['exposures'], 'needs at least one exposure id');
  const seenIds = new Map<string, string>();
  for (const id of ids) {
    const trimmed = id.trim();
    if (trimmed === '') issue(['exposures', id], 'empty exposure id');
    const before = seenIds.get(trimmed);
    if (before !== undefined) issue(['exposures', id], `the same exposure as ${before}`);
    seenIds.set(trimmed, id);
  }
  if (s.funds === undefined) {
    issue(['funds'], 'exposures need the candidate funds to map them onto');
    return;
  }
  const seen = new Set<string>();
  s.funds.forEach((f, j) => {
    if (seen.has(f)) issue(['funds', j], `${f} is listed twice`);
    seen.add(f);
  });
  if (s.weighting !== undefined)
    issue(['weighting'], 'exposures map to fixed weights once; a weighting needs weights');
}

/** A strategy's exposure targets, validated. */
export interface StrategyExposuresConfig {
  /** Exposure id (trimmed) → target, in the order written. */
  readonly targets: Readonly<Record<string, number>>;
  /** The ids as written (for error paths). */
  readonly keys: Readonly<Record<string, string>>;
  /** Candidate fund symbols, upper-cased, in the order written. */
  readonly funds: readonly string[];
}

/** The validated exposure targets of a schema-checked strategy, when it has them. */
export function strategyExposuresOf(s: ExposurePart): StrategyExposuresConfig | undefined {
  if (s.exposures === undefined || s.funds === undefined) return undefined;
  const entries = Object.entries(s.exposures);
  return {
    targets: Object.fromEntries(entries.map(([k, x]) => [k.trim(), x])),
    keys: Object.fromEntries(entries.map(([k]) => [k.trim(), k])),
    funds: [...s.funds],
  };
}
