/**
 * What each data-alert code means, in one line (the rules are in docs/data-refresh.md: the
 * quality rules `GAP`, `STALE_CLOSE`, `JUMP`, `SPLIT_LIKE_JUMP`, and the outage `DATA_STALE`;
 * `CORPORATE_ACTION_PROPOSED` in docs/corporate-actions.md).
 * The thresholds are the defaults of `ballast data refresh`.
 */

/** One line per alert code, in the order the legend lists them. */
export const ALERT_CODE_MEANINGS: Readonly<Record<string, string>> = {
  GAP: 'NYSE trading days missing between stored bars (holidays are not gaps).',
  STALE_CLOSE: 'The same close on 5 or more consecutive bars (by default), ending on a new bar.',
  JUMP: 'A daily total return more than 5 standard deviations (by default) from the mean of the trailing 60.',
  SPLIT_LIKE_JUMP:
    'Close / previous close within 2 % of a common split ratio, with no split stored that day.',
  DATA_STALE:
    'Every provider failed for the missing tail; the stored data was left exactly as it was.',
  CORPORATE_ACTION_PROPOSED:
    'A stored portfolio lacks split or dividend rows the stored prices imply (docs/corporate-actions.md); details list them, POST …/corporate-actions/accept or positions --apply-corporate-actions --accept writes them.',
};

/** The meaning of `code`, or undefined for a code this dashboard does not know. */
export const alertMeaning = (code: string): string | undefined =>
  Object.hasOwn(ALERT_CODE_MEANINGS, code) ? ALERT_CODE_MEANINGS[code] : undefined;
