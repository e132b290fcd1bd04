/**
 * Warnings: what a result must say about itself so that it is never silently wrong (a
 * rank-deficient covariance, dates dropped in alignment, a stale price, a heuristic answer).
 * Every document carries `warnings: Warning[]`; tables print them as lines `warning: message`.
 */

/** A structured warning: a stable machine code, a human message, and JSON details. */
export interface Warning {
  /** Upper-snake-case code, stable across versions (e.g. `COVARIANCE_RANK_DEFICIENT`). */
  readonly code: string;
  /** One sentence naming the input and the value concerned. */
  readonly message: string;
  /** JSON-serialisable context (`field`, `value`, counts, dates …); `{}` when none. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** Builds a {@link Warning}. */
export function warning(
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): Warning {
  return { code, message, details };
}

/** The message lines of warnings as printed under a table (`warning: …`). */
export function warningLines(warnings: readonly Warning[]): string[] {
  return warnings.map((w) => `warning: ${w.message}`);
}
