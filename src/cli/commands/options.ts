import { isIsoDate } from '../../domain/calendar/iso-date';
import { BallastError, invalidInput } from '../../domain/errors';
import { LOT_METHODS, type LotMethod } from '../../domain/ledger/types';

/** Validates `--lot-method`. */
export function parseLotMethod(value: string): LotMethod {
  const v = value.toLowerCase();
  if ((LOT_METHODS as readonly string[]).includes(v)) return v as LotMethod;
  throw invalidInput('--lot-method', value, `expected one of ${LOT_METHODS.join(', ')}`);
}

/** Validates a date option such as `--as-of`. */
export function parseDateOption(name: string, value: string): string {
  if (!isIsoDate(value)) throw invalidInput(name, value, 'expected a calendar date YYYY-MM-DD');
  return value;
}

/** Fails unless at least one of the named options was given. */
export function requireOneOf(options: Record<string, unknown>, names: readonly string[]): void {
  if (names.some((n) => options[n] !== undefined)) return;
  const flags = names.map((n) => `--${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  throw new BallastError('INVALID_INPUT', `one of ${flags.join(' or ')} is required`, {
    field: names.join('|'),
  });
}
