/**
 * New money for a trade plan (docs/tax-aware-trades.md, "Cash-flow only"): a deposit is added to
 * one account's cash before the portfolio is valued, so it is part of total value and of the cash
 * the buys spend.
 */

import { invalidInput } from '../errors.ts';
import type { Cents } from '../ledger/money.ts';
import type { CurrentHoldings } from './types.ts';

/**
 * `holdings` with `depositCents` (whole cents ≥ 0) added to the cash of `account`. Without an
 * account the deposit goes to the portfolio's only account (cash or lots; `DEFAULT` when it has
 * none); a portfolio of several accounts needs one named, and a named account must be one of
 * the portfolio's when it has any (else INVALID_INPUT `depositAccount`).
 */
export function withDeposit(
  holdings: CurrentHoldings,
  depositCents: Cents,
  account?: string,
): CurrentHoldings {
  if (!Number.isInteger(depositCents) || depositCents < 0)
    throw invalidInput('depositCents', depositCents, 'a deposit is whole cents ≥ 0');
  if (depositCents === 0) return holdings;
  const accounts = [
    ...new Set([...holdings.cashCents.keys(), ...holdings.lots.map((l) => l.account)]),
  ].sort();
  if (account === undefined && accounts.length > 1)
    throw invalidInput(
      'depositAccount',
      account,
      `the portfolio has accounts ${accounts.join(', ')}: name the one the deposit goes to`,
    );
  if (account !== undefined && accounts.length > 0 && !accounts.includes(account))
    throw invalidInput(
      'depositAccount',
      account,
      `not an account of the portfolio (${accounts.join(', ')})`,
    );
  const to = account ?? accounts[0] ?? 'DEFAULT';
  const cashCents = new Map(holdings.cashCents);
  cashCents.set(to, (cashCents.get(to) ?? 0) + depositCents);
  return { ...holdings, cashCents };
}
