/**
 * Accounts of a portfolio and how they are taxed. A ledger names accounts by text (`MARGIN`,
 * `IRA`); a portfolio may say which tax treatment each one has, so that later steps (tax-aware
 * trades, after-tax reports) know where a gain is taxed.
 */

/** Every tax treatment an account may have, as written in files and stored. */
export const TAX_TYPES = ['taxable', 'traditional_ira', 'roth_ira'] as const;

/** How an account is taxed: an ordinary taxable account, a traditional IRA or a Roth IRA. */
export type TaxType = (typeof TAX_TYPES)[number];

/** One account of a portfolio with its tax treatment. */
export interface AccountInfo {
  /** The account name as the ledger writes it (`account` column). */
  readonly name: string;
  readonly taxType: TaxType;
}

/** Whether `value` is one of {@link TAX_TYPES}. */
export function isTaxType(value: unknown): value is TaxType {
  return typeof value === 'string' && (TAX_TYPES as readonly string[]).includes(value);
}
