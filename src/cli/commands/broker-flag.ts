/**
 * `--broker NAME` on the commands that read a ledger file (`positions`, `performance`): the
 * `--transactions` file is then a broker's own export, converted on the fly into the
 * transactions CSV (`transactions convert`, docs/brokers.md).
 */

import { Option } from 'commander';
import { BallastError } from '../../app/errors.ts';
import { BROKER_CHOICES, brokerLedgerSource } from '../../app/transactions-convert.ts';

/** One of the `--broker` values. */
export type BrokerChoice = (typeof BROKER_CHOICES)[number];

/** Validates a `--broker` (or `--from`) value, naming `flag` in the error. */
export function parseBroker(flag: string) {
  return (value: string): BrokerChoice => {
    const name = value.trim().toLowerCase();
    if ((BROKER_CHOICES as readonly string[]).includes(name)) return name as BrokerChoice;
    throw new BallastError(
      'INVALID_INPUT',
      `${flag}: expected one of ${BROKER_CHOICES.join(', ')} (got "${value}")`,
      { field: flag.replace(/^--/, ''), value },
    );
  };
}

/** The `--broker <name>` option (add it with `command.addOption(brokerOption())`). */
export function brokerOption(): Option {
  return new Option(
    '--broker <name>',
    `the --transactions file is this broker's export, converted on the fly (${BROKER_CHOICES.join(' | ')}; see docs/brokers.md)`,
  ).argParser(parseBroker('--broker'));
}

/**
 * The ledger source of `--transactions FILE`: the file itself, or with `--broker` the file
 * converted from that broker's export.
 *
 * @throws BallastError INVALID_INPUT when `--broker` is given without `--transactions`, or the
 *   export does not convert.
 */
export function transactionsSource(options: {
  readonly transactions?: string;
  readonly broker?: BrokerChoice;
}): { path: string } | { text: string; name: string } | undefined {
  if (options.transactions === undefined) {
    if (options.broker !== undefined)
      throw new BallastError('INVALID_INPUT', '--broker: give the export with --transactions', {
        field: 'broker',
        value: options.broker,
      });
    return undefined;
  }
  if (options.broker === undefined) return { path: options.transactions };
  return brokerLedgerSource({ path: options.transactions }, options.broker);
}
