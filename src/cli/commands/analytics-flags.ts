/**
 * Flag parsing shared by `analyze`, `factors` and `performance`: numbers, counts, weight lists
 * (`A=0.6,B=0.4`), `--hac`. Errors name the flag and the text typed; checks that need the data
 * (an unknown column, a window longer than the series) are the use case's.
 */

import { invalidInput } from '../../app/errors.ts';

import { numberFlag } from './options.ts';

export { numberFlag };

/** An integer flag ≥ `min` (`--drawdowns 5`, `--rolling 12`). */
export function integerFlag(
  flag: string,
  value: string | undefined,
  min: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw invalidInput(flag, value, `must be an integer ≥ ${min}`);
  return n;
}

/** `--weights A=0.6,B=0.4` as `[{ symbol: 'A', weight: 0.6 }, …]` in the order written. */
export function weightsFlag(
  value: string | undefined,
): { symbol: string; weight: number }[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((part) => {
    const [symbol = '', weight] = part.split('=');
    return { symbol: symbol.trim(), weight: numberFlag('--weights', weight ?? '')! };
  });
}

/** A comma list (`--factors A,B`), empty items dropped. */
export function listFlag(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `--hac`: a lag count (integer ≥ 0) or `auto`. */
export function hacOption(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  return numberFlag('--hac', value, (x) => Number.isInteger(x) && x >= 0);
}
