/**
 * The cross-check of a refresh: the bars one provider supplied for a tail, compared date by
 * date with the bars a second provider gives for the same tail. Three facts are compared on the
 * dates both providers have:
 *
 * - the close (unadjusted, as stored): a disagreement when |a − b| / max(|a|, |b|) exceeds the
 *   relative tolerance (default 0.005, half a percent — wider than a rounding to the cent on any
 *   price above $2, narrower than the smallest split or a typical dividend);
 * - the dividend per share on that date: a disagreement when |a − b| exceeds the absolute
 *   tolerance (default $0.001);
 * - the split factor on that date: a disagreement when the two factors differ by more than one
 *   part in a million (4 against 1, a split one provider missed).
 *
 * A date only one provider has is not a disagreement (providers publish at different times);
 * it is counted in the summary. Nothing is corrected: the stored bars stay the first provider's,
 * the findings become alerts (docs/data-refresh.md).
 *
 * @example
 * ```ts
 * const check = providerDisagreements(stored, other, { primary: 'stooq', secondary: 'yahoo' });
 * check.findings[0]; // { date: '2024-06-07', code: 'PROVIDER_DISAGREEMENT', field: 'close', … }
 * ```
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { PriceBar } from '../market/types.ts';

/** Default relative tolerance on closes. */
export const CLOSE_TOLERANCE = 0.005;
/** Default absolute tolerance on dividends, in currency units per share. */
export const DIVIDEND_TOLERANCE = 0.001;
const SPLIT_TOLERANCE = 1e-6;

/** One date on which the two providers disagree about one field. */
export interface DisagreementFinding {
  readonly date: IsoDate;
  readonly code: 'PROVIDER_DISAGREEMENT';
  readonly field: 'close' | 'dividend' | 'split';
  readonly message: string;
  readonly details: {
    readonly field: 'close' | 'dividend' | 'split';
    readonly primary: { readonly provider: string; readonly value: number };
    readonly secondary: { readonly provider: string; readonly value: number };
    /** |a − b| / max(|a|, |b|) for closes, |a − b| otherwise. */
    readonly difference: number;
    readonly tolerance: number;
  };
}

/** The findings and what was compared. */
export interface DisagreementCheck {
  readonly findings: DisagreementFinding[];
  /** Dates both providers have (compared). */
  readonly compared: number;
  /** Dates of the first provider the second lacks, and the reverse. */
  readonly onlyPrimary: number;
  readonly onlySecondary: number;
}

/** Options of {@link providerDisagreements}. */
export interface DisagreementOptions {
  /** Names of the provider whose bars were stored and of the one checked against. */
  readonly primary: string;
  readonly secondary: string;
  /** Relative tolerance on closes (default {@link CLOSE_TOLERANCE}). */
  readonly closeTolerance?: number;
  /** Absolute tolerance on dividends (default {@link DIVIDEND_TOLERANCE}). */
  readonly dividendTolerance?: number;
}

/** Compares two providers' bars of the same tail (module comment). */
export function providerDisagreements(
  primary: readonly PriceBar[],
  secondary: readonly PriceBar[],
  options: DisagreementOptions,
): DisagreementCheck {
  const closeTolerance = options.closeTolerance ?? CLOSE_TOLERANCE;
  const dividendTolerance = options.dividendTolerance ?? DIVIDEND_TOLERANCE;
  const other = new Map(secondary.map((b) => [b.date, b]));
  const findings: DisagreementFinding[] = [];
  let compared = 0;
  const finding = (
    date: IsoDate,
    field: DisagreementFinding['field'],
    values: { a: number; b: number; difference: number; tolerance: number },
  ): DisagreementFinding => ({
    date,
    code: 'PROVIDER_DISAGREEMENT',
    field,
    message: `${field} ${values.a} from ${options.primary} but ${values.b} from ${options.secondary}`,
    details: {
      field,
      primary: { provider: options.primary, value: values.a },
      secondary: { provider: options.secondary, value: values.b },
      difference: values.difference,
      tolerance: values.tolerance,
    },
  });
  for (const bar of primary) {
    const twin = other.get(bar.date);
    if (twin === undefined) continue;
    compared++;
    const a = bar.close;
    const b = twin.close;
    const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    if (relative > closeTolerance)
      findings.push(
        finding(bar.date, 'close', { a, b, difference: relative, tolerance: closeTolerance }),
      );
    const dividend = Math.abs(bar.dividend - twin.dividend);
    if (dividend > dividendTolerance)
      findings.push(
        finding(bar.date, 'dividend', {
          a: bar.dividend,
          b: twin.dividend,
          difference: dividend,
          tolerance: dividendTolerance,
        }),
      );
    const split = Math.abs(bar.split - twin.split);
    if (split > SPLIT_TOLERANCE * Math.max(bar.split, twin.split))
      findings.push(
        finding(bar.date, 'split', {
          a: bar.split,
          b: twin.split,
          difference: split,
          tolerance: SPLIT_TOLERANCE,
        }),
      );
  }
  return {
    findings,
    compared,
    onlyPrimary: primary.length - compared,
    onlySecondary: secondary.length - compared,
  };
}
