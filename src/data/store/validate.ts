/**
 * Argument checks shared by every store implementation. Each throws
 * {@link BallastError} `INVALID_INPUT` naming the field and the value, before anything is
 * written.
 */

import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { invalidInput } from '../../domain/errors.ts';
import { normalizeSymbol } from '../../domain/exposures/symbol.ts';
import type { Provenance } from '../../domain/market/types.ts';
import type { DateRange } from './market-store.ts';

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A symbol or series id trimmed and upper-cased; empty or not a string is INVALID_INPUT. */
export function normalizeKey(field: string, value: unknown): string {
  const key = typeof value === 'string' ? normalizeSymbol(value) : '';
  if (key === '') throw invalidInput(field, value, 'must be a non-empty symbol');
  return key;
}

/** `value` when it is a real `YYYY-MM-DD` date, else INVALID_INPUT. */
export function checkDate(field: string, value: unknown): IsoDate {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw invalidInput(field, value, 'must be a calendar date YYYY-MM-DD');
  }
  return value;
}

/** An ISO-8601 timestamp with time zone, normalised to UTC with milliseconds. */
export function normalizeTimestamp(field: string, value: unknown): string {
  const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  const ms = m ? Date.parse(value as string) : Number.NaN;
  if (!m || !isIsoDate(m[1] ?? '') || !Number.isFinite(ms)) {
    throw invalidInput(field, value, 'must be an ISO-8601 timestamp with time zone');
  }
  return new Date(ms).toISOString();
}

/** A finite number, else INVALID_INPUT. */
export function checkFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidInput(field, value, 'must be a finite number');
  }
  return value;
}

/** A finite number or null when absent (`undefined`/`null`). */
export function optionalFinite(field: string, value: unknown): number | null {
  return value === undefined || value === null ? null : checkFinite(field, value);
}

/** A non-empty trimmed string, else INVALID_INPUT. */
export function checkText(field: string, value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw invalidInput(field, value, 'must be a non-empty string');
  return text;
}

/** A string or null when absent; anything else is INVALID_INPUT. */
export function optionalText(field: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalidInput(field, value, 'must be a string');
  return value;
}

/** Source trimmed and `fetchedAt` normalised to UTC. */
export function checkProvenance(provenance: Provenance): Provenance {
  if (typeof provenance !== 'object' || provenance === null) {
    throw invalidInput('provenance', provenance, 'must be { source, fetchedAt }');
  }
  return {
    source: checkText('provenance.source', provenance.source),
    fetchedAt: normalizeTimestamp('provenance.fetchedAt', provenance.fetchedAt),
  };
}

/** Checked inclusive bounds (each optional); `from > to` is INVALID_INPUT. */
export function checkRange(range: DateRange | undefined): DateRange {
  if (range === undefined) return {};
  const from = range.from === undefined ? undefined : checkDate('range.from', range.from);
  const to = range.to === undefined ? undefined : checkDate('range.to', range.to);
  if (from !== undefined && to !== undefined && from > to) {
    throw invalidInput('range', range, 'from must not be after to');
  }
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

/** A positive integer (or `fallback` when undefined), else INVALID_INPUT. */
export function positiveInteger(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalidInput(field, value, 'must be a positive integer');
  }
  return value;
}
