/**
 * Use cases name their input fields in errors (`fund`, `shocks[2].size`, `prices`); on the
 * command line the user typed flags. This maps an error's field to the flag that set it, so the
 * CLI says `--fund: NOPE is not defined…` where the API says `fund: NOPE is not defined…`.
 */

import { BallastError } from '../app/errors.ts';

/** Input field (or field prefix, e.g. `shocks` for `shocks[2].size`) → flag. */
export type FlagNames = Readonly<Record<string, string>>;

function flagOf(field: string, flags: FlagNames): string | undefined {
  for (const [name, flag] of Object.entries(flags)) {
    if (field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`)) return flag;
  }
  return undefined;
}

/**
 * `e` with its field replaced by the flag that set it (message prefix and `details.field`);
 * other errors unchanged. The original error is the cause.
 */
export function withFlagName(e: unknown, flags: FlagNames): unknown {
  if (!(e instanceof BallastError)) return e;
  const field = e.details['field'];
  if (typeof field !== 'string') return e;
  const flag = flagOf(field, flags);
  if (flag === undefined || !e.message.startsWith(`${field}: `)) return e;
  return new BallastError(
    e.code,
    `${flag}: ${e.message.slice(field.length + 2)}`,
    { ...e.details, field: flag },
    { cause: e },
  );
}

/** Runs `work`, naming flags instead of input fields in its errors. */
export async function namingFlags<T>(flags: FlagNames, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw withFlagName(e, flags);
  }
}

/** The flags of the portfolio input (`withPortfolioOptions`). */
export const PORTFOLIO_FLAGS: FlagNames = {
  holdings: '--holdings',
  transactions: '--transactions',
  prices: '--prices',
  funds: '--funds',
  lotMethod: '--lot-method',
  asOf: '--as-of',
};
