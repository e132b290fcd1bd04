/**
 * Input checks shared by the series functions. Violations throw `INVALID_INPUT` naming the
 * field, the index and the offending date or value.
 */

import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';

/** Throws unless `dates` are valid ISO dates in strictly ascending order. */
export function assertAscendingDates(
  field: string,
  points: readonly { readonly date: IsoDate }[],
): void {
  let previous: IsoDate | undefined;
  points.forEach((point, index) => {
    if (!isIsoDate(point.date)) {
      throw invalidInput(`${field}[${index}].date`, point.date, 'not an ISO date YYYY-MM-DD');
    }
    if (previous !== undefined && point.date <= previous) {
      throw invalidInput(
        `${field}[${index}].date`,
        point.date,
        `dates must be strictly ascending (previous ${previous})`,
      );
    }
    previous = point.date;
  });
}

/** Throws unless every `value` is a finite number. */
export function assertFiniteValues(
  field: string,
  points: readonly { readonly date: IsoDate; readonly value: number }[],
): void {
  points.forEach((point, index) => {
    if (!Number.isFinite(point.value)) {
      throw invalidInput(`${field}[${index}].value`, point.value, `not finite on ${point.date}`);
    }
  });
}

/** Both checks for a return series; also rejects simple returns ≤ −100 %. */
export function assertReturnSeries(
  field: string,
  points: readonly { readonly date: IsoDate; readonly value: number }[],
  options: { readonly simple: boolean } = { simple: true },
): void {
  assertAscendingDates(field, points);
  assertFiniteValues(field, points);
  if (!options.simple) return;
  points.forEach((point, index) => {
    if (point.value <= -1) {
      throw invalidInput(
        `${field}[${index}].value`,
        point.value,
        `a simple return must exceed −1 (on ${point.date})`,
      );
    }
  });
}
