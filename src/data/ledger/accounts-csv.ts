import { BallastError } from '../../domain/errors.ts';
import { TAX_TYPES, isTaxType, type AccountInfo } from '../../domain/ledger/accounts.ts';
import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/**
 * Parses an accounts file `account,type`: each account named as the ledger's `account` column
 * writes it, with its tax treatment `taxable`, `traditional_ira` or `roth_ira` (case-insensitive).
 * An account listed twice is an error.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseAccountsCsv(text: string, file: string): AccountInfo[] {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, { required: ['account', 'type'], optional: [] });
  const seen = new Set<string>();
  const accounts = table.rows.map((row) => {
    const r = new RowReader(file, row);
    const name = r.requireText('account');
    if (seen.has(name)) throw r.fail('account', 'listed twice');
    seen.add(name);
    const taxType = r.requireText('type').toLowerCase();
    if (!isTaxType(taxType)) throw r.fail('type', `expected one of ${TAX_TYPES.join(', ')}`);
    return { name, taxType };
  });
  if (accounts.length === 0)
    throw new BallastError('INVALID_INPUT', `${file}: no accounts after the header`, { file });
  return accounts;
}
