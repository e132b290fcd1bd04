/**
 * `--funds FILE` and `--funds-stored NAME`: the fund definitions of a command, a file or a set
 * stored with `ballast funds save` (the use cases' `funds: { path } | { stored }`). Giving both
 * is INVALID_INPUT naming `--funds-stored`.
 */

import { invalidInput } from '../../app/errors.ts';

/** The help of `--funds-stored`. */
export const FUNDS_STORED_HELP =
  'fund definitions stored with `ballast funds save` (instead of --funds; see `ballast funds stored`)';

/** The flags as commander hands them over. */
export interface FundsFlags {
  readonly funds?: string | undefined;
  readonly fundsStored?: string | undefined;
}

/** The funds source of the flags, or undefined when neither is given (module comment). */
export function fundsOf(
  flags: FundsFlags,
): { readonly path: string } | { readonly stored: string } | undefined {
  if (flags.funds !== undefined && flags.fundsStored !== undefined)
    throw invalidInput(
      '--funds-stored',
      flags.fundsStored,
      'give --funds or --funds-stored, not both',
    );
  if (flags.fundsStored !== undefined) return { stored: flags.fundsStored };
  return flags.funds === undefined ? undefined : { path: flags.funds };
}

/** `{ funds }` of the flags, or `{}` (for spreading into an input). */
export function fundsField(flags: FundsFlags): { funds?: { path: string } | { stored: string } } {
  const funds = fundsOf(flags);
  return funds === undefined ? {} : { funds };
}
