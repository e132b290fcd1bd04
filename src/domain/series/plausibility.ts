/**
 * Inputs that parse but are probably not what the user meant, reported as warnings (never
 * refused, never silently used — docs/conventions.md, "Units": Ballast never rescales a series by
 * how large its numbers look; it says so and lets the user fix the file):
 *
 * - `RETURNS_LOOK_LIKE_PERCENT`: a column of decimal returns whose typical magnitude is above
 *   0.5 — more than half of its values have |r| > 0.5, i.e. its median |r| exceeds 0.5 — on a
 *   file of daily, weekly or monthly periods (most date gaps ≤ 45 days). A 50 % move per month is
 *   rare for one period and implausible for most; percentages written as numbers (1.2 for 1.2 %)
 *   look exactly like that.
 * - `PRICE_JUMP`: a price that is 100 times (or a hundredth of) the price on the row before — a
 *   price in cents next to one in dollars, a missing decimal point, or a split recorded as a price.
 *
 * Both tallies stream (one pass, constant memory) so the import of a file of any size can keep
 * them.
 */

import { toDayNumber, type IsoDate } from '../calendar/iso-date.ts';
import { warning, type Warning } from '../warnings.ts';

/** Code of {@link percentLikeWarning}. */
export const RETURNS_LOOK_LIKE_PERCENT = 'RETURNS_LOOK_LIKE_PERCENT';
/** Code of {@link PriceJumps.warning}. */
export const PRICE_JUMP = 'PRICE_JUMP';
/** |r| above which a return counts as large for {@link RETURNS_LOOK_LIKE_PERCENT}. */
export const PERCENT_LIKE_MAGNITUDE = 0.5;
/** Ratio between consecutive prices that is a {@link PRICE_JUMP} (either way). */
export const PRICE_JUMP_RATIO = 100;
/** Longest date gap (days) of a monthly or finer file. */
const MONTHLY_GAP_DAYS = 45;
/** How many examples a warning lists. */
const LISTED = 5;

/** Streaming tally of one returns column's magnitudes and of the file's date gaps. */
export class MagnitudeTally {
  count = 0;
  large = 0;
  /** The first large values, for the message. */
  readonly examples: { date: IsoDate; value: number }[] = [];

  /** Counts `value` observed on `date`. */
  add(date: IsoDate, value: number): void {
    this.count++;
    if (Math.abs(value) > PERCENT_LIKE_MAGNITUDE) {
      this.large++;
      if (this.examples.length < LISTED) this.examples.push({ date, value });
    }
  }

  /** Counts a whole column, `column[t]` observed on `dates[t]` (as {@link add} one by one). */
  addColumn(dates: readonly IsoDate[], column: Float64Array): void {
    for (let t = 0; t < column.length; t++) {
      const value = column[t]!;
      if (Math.abs(value) > PERCENT_LIKE_MAGNITUDE) this.add(dates[t]!, value);
      else this.count++;
    }
  }
}

/** Streaming count of date gaps: how many are at most 45 days (monthly or finer). */
export class GapTally {
  gaps = 0;
  short = 0;
  private previous: number | undefined;

  /** Counts the gap from the previous date (dates ascending). */
  add(date: IsoDate): void {
    const day = toDayNumber(date);
    if (this.previous !== undefined) {
      this.gaps++;
      if (day - this.previous <= MONTHLY_GAP_DAYS) this.short++;
    }
    this.previous = day;
  }

  /** True when most gaps are at most 45 days (the median gap: daily, weekly or monthly). */
  get monthlyOrFiner(): boolean {
    return this.gaps > 0 && this.short * 2 > this.gaps;
  }
}

/**
 * `RETURNS_LOOK_LIKE_PERCENT` for `column` of `file` when the tally says its returns look like
 * percentages (module comment); undefined otherwise.
 */
export function percentLikeWarning(args: {
  readonly file: string;
  readonly column: string;
  readonly tally: MagnitudeTally;
  readonly gaps: GapTally;
}): Warning | undefined {
  const { file, column, tally, gaps } = args;
  if (!gaps.monthlyOrFiner || tally.large * 2 <= tally.count) return undefined;
  const first = tally.examples[0]!;
  return warning(
    RETURNS_LOOK_LIKE_PERCENT,
    `${file}: column "${column}": ${tally.large} of ${tally.count} returns exceed ±${PERCENT_LIKE_MAGNITUDE} (e.g. ${first.value} on ${first.date}): are they percentages? Returns are decimals (0.012 for 1.2 %)`,
    {
      file,
      column,
      value: first.value,
      date: first.date,
      large: tally.large,
      count: tally.count,
      threshold: PERCENT_LIKE_MAGNITUDE,
      examples: tally.examples,
    },
  );
}

/** Streaming detector of {@link PRICE_JUMP}s along one column of prices. */
export class PriceJumps {
  count = 0;
  /** The first jumps, for the message. */
  readonly examples: { date: IsoDate; line?: number; previous: number; price: number }[] = [];
  private last: number | undefined;

  /** Takes the next price (`line` of the file when known). */
  add(date: IsoDate, price: number, line?: number): void {
    const last = this.last;
    this.last = price;
    if (last === undefined || !(last > 0) || !(price > 0)) return;
    const ratio = price / last;
    if (ratio < PRICE_JUMP_RATIO && ratio > 1 / PRICE_JUMP_RATIO) return;
    this.count++;
    if (this.examples.length < LISTED)
      this.examples.push({ date, ...(line === undefined ? {} : { line }), previous: last, price });
  }

  /** `PRICE_JUMP` naming `file` and `column` when a jump was seen; undefined otherwise. */
  warning(file: string, column: string): Warning | undefined {
    const first = this.examples[0];
    if (first === undefined) return undefined;
    const at = first.line === undefined ? '' : `:${first.line}`;
    return warning(
      PRICE_JUMP,
      `${file}${at}: column "${column}": the price jumps from ${first.previous} to ${first.price} on ${first.date} (×${Number((first.price / first.previous).toPrecision(3))})${this.count > 1 ? ` and ${this.count - 1} more time(s)` : ''}: a price in another unit, a missing decimal point or a split written as a price?`,
      {
        file,
        column,
        value: first.price,
        previous: first.previous,
        date: first.date,
        ...(first.line === undefined ? {} : { line: first.line }),
        jumps: this.count,
        examples: this.examples,
      },
    );
  }
}

/** A panel in memory: ids, ascending dates and one column of values per id. */
export interface PanelValues {
  readonly ids: readonly string[];
  readonly dates: readonly IsoDate[];
  readonly columns: readonly Float64Array[];
}

/**
 * The plausibility warnings of a panel read from `file`: `RETURNS_LOOK_LIKE_PERCENT` per column
 * of returns, or `PRICE_JUMP` per column of prices (module comment); none when all is plausible.
 */
export function panelPlausibilityWarnings(
  panel: PanelValues,
  options: { readonly file: string; readonly values: 'returns' | 'prices' },
): Warning[] {
  const out: Warning[] = [];
  const gaps = new GapTally();
  for (const date of panel.dates) gaps.add(date);
  panel.ids.forEach((id, j) => {
    const column = panel.columns[j]!;
    if (options.values === 'prices') {
      const jumps = new PriceJumps();
      column.forEach((price, t) => jumps.add(panel.dates[t]!, price));
      const w = jumps.warning(options.file, id);
      if (w) out.push(w);
      return;
    }
    const tally = new MagnitudeTally();
    tally.addColumn(panel.dates, column);
    const w = percentLikeWarning({ file: options.file, column: id, tally, gaps });
    if (w) out.push(w);
  });
  return out;
}
