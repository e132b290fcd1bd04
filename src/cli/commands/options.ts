import type { Command } from 'commander';
import { BallastError, invalidInput } from '../../app/errors.ts';
import { isIsoDate, LOT_METHODS, type LotMethod } from '../../app/schemas.ts';
import { fundsField, FUNDS_STORED_HELP } from './funds-flags.ts';

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

/** The flags of {@link withPortfolioOptions}, as commander hands them over. */
export interface PortfolioFlags {
  readonly holdings?: string | undefined;
  readonly transactions?: string | undefined;
  readonly portfolio?: string | undefined;
  readonly prices?: string | undefined;
  readonly funds?: string | undefined;
  readonly fundsStored?: string | undefined;
  readonly lotMethod: LotMethod;
  readonly asOf?: string | undefined;
}

/**
 * The options of commands that read a portfolio and look through its funds (`exposures`,
 * `risk`, `stress`): `--holdings`, `--transactions`, `--prices`, `--funds` (or
 * `--funds-stored`), `--lot-method`,
 * `--portfolio`, `--as-of` (turned into a portfolio input by {@link portfolioInput}).
 */
export function withPortfolioOptions(command: Command): Command {
  return command
    .option(
      '--holdings <file>',
      'holdings snapshot CSV (symbol,quantity,cost_basis,acquired,account[,price|market_value])',
    )
    .option(
      '--transactions <file>',
      'transactions CSV (the ledger); combined with --holdings when both are given',
    )
    .option('--portfolio <name>', 'the ledger of this stored portfolio, instead of --transactions')
    .option(
      '--prices <file>',
      'prices CSV (symbol,price[,date][,source]); prices come from this file first, then the latest stored close on or before --as-of, then the holdings file, then the last trade',
    )
    .option('--funds <file>', 'fund definitions YAML (default: the shipped config/funds.yaml)')
    .option('--funds-stored <name>', FUNDS_STORED_HELP)
    .option('--lot-method <method>', 'lot relief for the ledger', parseLotMethod, 'fifo')
    .option('--as-of <date>', 'ledger and stored closes as of this date (default: today)', (v) =>
      parseDateOption('--as-of', v),
    );
}

/**
 * The portfolio input of a use case from the portfolio flags (files as paths); fails naming
 * the flags unless `--holdings`, `--transactions` or `--portfolio` is given.
 */
export function portfolioInput(flags: PortfolioFlags): {
  holdings?: { path: string };
  transactions?: { path: string };
  portfolio?: string;
  prices?: { path: string };
  funds?: { path: string } | { stored: string };
  lotMethod: LotMethod;
  asOf?: string;
} {
  requireOneOf(flags as unknown as Record<string, unknown>, [
    'holdings',
    'transactions',
    'portfolio',
  ]);
  const file = (key: 'holdings' | 'transactions' | 'prices') => {
    const path = flags[key];
    return path === undefined ? {} : { [key]: { path } };
  };
  return {
    ...file('holdings'),
    ...file('transactions'),
    ...(flags.portfolio === undefined ? {} : { portfolio: flags.portfolio }),
    ...file('prices'),
    ...fundsField(flags),
    lotMethod: flags.lotMethod,
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
  };
}

/** Parses a number flag (`--confidence 0.99`), naming the flag when it is not a valid number here. */
export function numberFlag(
  flag: string,
  value: string | undefined,
  check?: (x: number) => boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || (check && !check(x)))
    throw invalidInput(flag, value, 'not a valid number here');
  return x;
}

/** Checks a flag against its allowed values, naming the flag and the choices. */
export function choiceFlag<T extends string>(
  flag: string,
  value: string,
  allowed: readonly T[],
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new BallastError(
    'INVALID_INPUT',
    `${flag}: expected one of ${allowed.join(', ')} (got "${value}")`,
    { field: flag.replace(/^--/, ''), value },
  );
}
