import type { Command } from 'commander';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import { LOT_METHODS, type LotMethod } from '../../domain/ledger/types.ts';

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

/**
 * The options of commands that read a portfolio and look through its funds (`exposures`,
 * `risk`, `stress`): `--holdings`, `--transactions`, `--prices`, `--funds`, `--lot-method`,
 * `--as-of` (read with `loadPortfolio`).
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
    .option('--prices <file>', 'prices CSV (symbol,price[,date][,source])')
    .option('--funds <file>', 'fund definitions YAML (default: the shipped config/funds.yaml)')
    .option('--lot-method <method>', 'lot relief for the ledger', parseLotMethod, 'fifo')
    .option('--as-of <date>', 'ledger as of this date', (v) => parseDateOption('--as-of', v));
}
