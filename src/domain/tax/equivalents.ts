/**
 * Substantially identical securities for the wash-sale rule (IRS Pub. 550): the user declares
 * groups (VOO ≡ IVV ≡ SPY); a symbol in no group is identical only to itself.
 */

import { BallastError } from '../errors.ts';

/** Symbol → group name. */
export type Equivalents = ReadonlyMap<string, string>;

/** The group of `symbol`: its declared group, or the symbol itself. */
export function groupOf(equivalents: Equivalents, symbol: string): string {
  return equivalents.get(symbol) ?? symbol;
}

/**
 * Equivalents from lists of symbols (`[['VOO', 'IVV', 'SPY']]`); each group is named after its
 * first symbol. Symbols are upper-cased.
 *
 * @throws BallastError INVALID_INPUT when a symbol is in two groups (field `equivalents[i]`).
 */
export function equivalentsFromGroups(groups: readonly (readonly string[])[]): Equivalents {
  const out = new Map<string, string>();
  groups.forEach((group, i) => {
    const name = group[0]?.trim().toUpperCase();
    for (const raw of group) {
      const symbol = raw.trim().toUpperCase();
      const before = out.get(symbol);
      if (before !== undefined && before !== name) {
        throw new BallastError(
          'INVALID_INPUT',
          `equivalents[${i}]: ${symbol} is already in the group of ${before}; a symbol belongs to one group`,
          { field: `equivalents[${i}]`, value: symbol },
        );
      }
      if (name !== undefined) out.set(symbol, name);
    }
  });
  return out;
}
