/**
 * Use cases name their input fields in errors (`rollingWindow: is longer than the 3 periods`);
 * on the command line the same error should name the flag the user typed (`--rolling: …`).
 * {@link withFlagNames} rewrites the leading field of an error's message into its flag, keeping
 * the field in `details.field` and the original error as `cause`. Errors about other fields,
 * and errors whose message does not start with the field, pass unchanged.
 */

import { BallastError } from '../app/errors.ts';

/** Input field (or field prefix: `weights` covers `weights[1].symbol`) → flag (`--weights`). */
export type FlagNames = Readonly<Record<string, string>>;

function flagOf(field: string, flags: FlagNames): string | undefined {
  const keys = Object.keys(flags)
    .filter((k) => field === k || field.startsWith(`${k}.`) || field.startsWith(`${k}[`))
    .sort((a, b) => b.length - a.length);
  return keys[0] === undefined ? undefined : flags[keys[0]];
}

/** `error` with its leading field named by its flag (module comment). */
export function renameFieldToFlag(error: unknown, flags: FlagNames): unknown {
  if (!(error instanceof BallastError)) return error;
  const field = error.details['field'];
  if (typeof field !== 'string' || !error.message.startsWith(`${field}:`)) return error;
  const flag = flagOf(field, flags);
  if (flag === undefined) return error;
  return new BallastError(
    error.code,
    `${flag}:${error.message.slice(field.length + 1)}`,
    { ...error.details, flag },
    { cause: error },
  );
}

/** Runs `work`, renaming the fields of its errors to `flags` (module comment). */
export async function withFlagNames<T>(flags: FlagNames, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw renameFieldToFlag(e, flags);
  }
}

/** The flags of the portfolio input (`withPortfolioOptions`). */
export const PORTFOLIO_FLAGS: FlagNames = {
  holdings: '--holdings',
  transactions: '--transactions',
  portfolio: '--portfolio',
  prices: '--prices',
  funds: '--funds',
  'funds.stored': '--funds-stored',
  lotMethod: '--lot-method',
  asOf: '--as-of',
};
