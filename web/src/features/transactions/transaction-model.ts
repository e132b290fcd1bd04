/**
 * A ledger row as the form edits it, and back: the form holds text, one input per field of
 * the ledger's JSON row (`portfolio export`'s shape: money as integer cents in `amountCents`
 * and `feesCents`, prices per share in dollars), showing only the fields the row's type has.
 * Nothing is validated here — the text is sent as the user typed it (numbers as numbers when
 * they read as numbers, dollars turned into exact cents when they have at most two decimals)
 * and the API's error names the field (`details.field`), which {@link errorField} maps back to
 * the input.
 */
import { TRANSACTION_TYPES, type Transaction } from '../../../../src/domain/ledger/types.ts';

export type TxType = Transaction['type'];
export { TRANSACTION_TYPES };

/** The JSON fields of a row that the form has an input for. */
export type FieldName =
  | 'date'
  | 'type'
  | 'account'
  | 'symbol'
  | 'quantity'
  | 'ratio'
  | 'price'
  | 'costPerShare'
  | 'amountCents'
  | 'feesCents'
  | 'lots'
  | 'acquired'
  | 'toSymbol'
  | 'cashPerShare'
  | 'toPrice';

/** The form's text, one entry per field. */
export type FormValues = Record<FieldName, string>;

/** Each field's label. */
export const LABELS: Readonly<Record<FieldName, string>> = {
  date: 'Date',
  type: 'Type',
  account: 'Account',
  symbol: 'Symbol',
  quantity: 'Quantity',
  ratio: 'Split ratio',
  price: 'Price per share ($)',
  costPerShare: 'Cost per share ($)',
  amountCents: 'Amount ($)',
  feesCents: 'Fees ($)',
  lots: 'Lots to close',
  acquired: 'Acquired',
  toSymbol: 'New symbol',
  cashPerShare: 'Cash per old share ($)',
  toPrice: 'Value of one new share ($)',
};

const CASH: readonly FieldName[] = ['amountCents', 'symbol'];

/** The fields of each type besides date, type, account and fees (the API's vocabulary). */
export const TYPE_FIELDS: Readonly<Record<TxType, readonly FieldName[]>> = {
  buy: ['symbol', 'quantity', 'price', 'lots'],
  sell: ['symbol', 'quantity', 'price', 'lots'],
  reinvest: ['symbol', 'quantity', 'price'],
  split: ['symbol', 'ratio'],
  transfer_out: ['symbol', 'quantity', 'lots'],
  transfer_in: ['symbol', 'quantity', 'costPerShare', 'acquired'],
  return_of_capital: ['symbol', 'amountCents'],
  symbol_change: ['symbol', 'toSymbol'],
  merger: ['symbol', 'toSymbol', 'ratio', 'cashPerShare', 'toPrice'],
  deposit: CASH,
  withdrawal: CASH,
  fee: CASH,
  interest: CASH,
  dividend: CASH,
};

/** Fields a type's row cannot leave empty (the rest are optional). */
const OPTIONAL: ReadonlySet<FieldName> = new Set([
  'lots',
  'acquired',
  'feesCents',
  'cashPerShare',
  'toPrice',
]);

/** The inputs shown for `type`, in form order. */
export function fieldsOf(type: string): FieldName[] {
  const own = TYPE_FIELDS[type as TxType] ?? [];
  return ['date', 'type', 'account', ...own, 'feesCents'];
}

/** Whether `field` is optional for `type` (a cash row's symbol is). */
export function isOptional(type: string, field: FieldName): boolean {
  return OPTIONAL.has(field) || (field === 'symbol' && TYPE_FIELDS[type as TxType] === CASH);
}

/** Empty form values with `defaults`. */
export function emptyValues(defaults: Partial<FormValues> = {}): FormValues {
  return {
    date: '',
    type: 'buy',
    account: '',
    symbol: '',
    quantity: '',
    ratio: '',
    price: '',
    costPerShare: '',
    amountCents: '',
    feesCents: '',
    lots: '',
    acquired: '',
    toSymbol: '',
    cashPerShare: '',
    toPrice: '',
    ...defaults,
  };
}

/** `12345` cents as `123.45` (exact: integers only). */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / 100);
  const rest = abs - whole * 100;
  return `${sign}${whole}.${String(rest).padStart(2, '0')}`;
}

/**
 * Dollars typed as text in cents: exact for up to two decimals; otherwise the nearest number
 * (not whole, so the API refuses it as it should); text that is no number is sent as typed.
 */
export function dollarsToCents(text: string): number | string {
  const t = text.trim().replace(/,/g, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return text;
  const [, sign, whole = '', frac = ''] = m;
  if (frac.length <= 2) {
    const cents = Number(whole || '0') * 100 + Number(frac.padEnd(2, '0'));
    return sign === '-' ? -cents : cents;
  }
  return Number(t) * 100;
}

/** A number typed as text: the number when it reads as one, else the text as typed. */
function numberOf(text: string): number | string {
  const t = text.trim();
  const x = Number(t);
  return t !== '' && Number.isFinite(x) ? x : text;
}

/** A JSON value as text: strings and numbers as themselves, anything else empty. */
export function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The form's values of a stored row. */
export function valuesOf(tx: Transaction): FormValues {
  const r = tx as unknown as Partial<Record<string, unknown>>;
  const text = (key: string): string => textOf(r[key]);
  const cents = (key: string): string =>
    typeof r[key] === 'number' ? centsText(r[key]) : text(key);
  return emptyValues({
    date: tx.date,
    type: tx.type,
    account: tx.account,
    symbol: text('symbol'),
    quantity: text('quantity'),
    ratio: text('ratio'),
    price: text('price'),
    costPerShare: text('costPerShare'),
    amountCents: cents('amountCents'),
    feesCents: tx.feesCents === 0 ? '' : centsText(tx.feesCents),
    lots: Array.isArray(r['lots']) ? (r['lots'] as string[]).join(', ') : '',
    acquired: text('acquired'),
    toSymbol: text('toSymbol'),
    cashPerShare: text('cashPerShare'),
    toPrice: text('toPrice'),
  });
}

/** The JSON row of the form's values: the fields its type has, empty ones left out. */
export function rowOf(values: FormValues): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of fieldsOf(values.type)) {
    const text = values[field];
    if (text.trim() === '') continue;
    switch (field) {
      case 'quantity':
      case 'ratio':
      case 'price':
      case 'costPerShare':
      case 'cashPerShare':
      case 'toPrice':
        row[field] = numberOf(text);
        break;
      case 'amountCents':
      case 'feesCents':
        row[field] = dollarsToCents(text);
        break;
      case 'lots':
        row[field] = text
          .split(/[\s,;]+/)
          .map((s) => s.trim())
          .filter((s) => s !== '');
        break;
      case 'symbol':
      case 'toSymbol':
        row[field] = text.trim().toUpperCase();
        break;
      default:
        row[field] = text.trim();
    }
  }
  return row;
}

/** The JSON field of a transactions-CSV column for a row of `type` (the API's own mapping). */
function columnField(column: string, type: string): string {
  if (column === 'amount') return 'amountCents';
  if (column === 'fees') return 'feesCents';
  if (column === 'quantity' && (type === 'split' || type === 'merger')) return 'ratio';
  if (column === 'price' && type === 'transfer_in') return 'costPerShare';
  if (column === 'price' && type === 'merger') return 'cashPerShare';
  if (column === 'to_symbol') return 'toSymbol';
  if (column === 'to_price') return 'toPrice';
  return column;
}

/**
 * The input an API error belongs to, or null (then the form shows it above its buttons): its
 * `details.field` without the `transactions[i].` prefix of a batch, or for an error of the
 * ledger's replay the field of its `details.column`. An error about another row (`details.line`
 * not `line`, when the row's line is known) belongs to no input of this form.
 */
export function errorField(
  error: { readonly details: Readonly<Record<string, unknown>> },
  form: { readonly type: string; readonly line?: number },
): FieldName | null {
  const line = error.details['line'];
  if (form.line !== undefined && typeof line === 'number' && line !== form.line) return null;
  const field = error.details['field'];
  const column = error.details['column'];
  let name: string | null = null;
  if (typeof field === 'string') name = field.replace(/^transactions\[\d+\]\.?/, '');
  else if (typeof column === 'string') name = columnField(column, form.type);
  if (name === null) return null;
  return (fieldsOf(form.type) as string[]).includes(name) ? (name as FieldName) : null;
}

/** A one-line description of a row: `buy 10 BND @ $72.50`. */
export function describe(row: object, money: (x: number) => string): string {
  const tx = row as Partial<Record<string, unknown>>;
  const parts: string[] = [textOf(tx['type'])];
  if (typeof tx['ratio'] === 'number') parts.push(`${String(tx['ratio'])}-for-1`);
  if (typeof tx['quantity'] === 'number') parts.push(String(tx['quantity']));
  if (typeof tx['symbol'] === 'string') parts.push(tx['symbol']);
  if (typeof tx['price'] === 'number') parts.push(`@ ${money(tx['price'])}`);
  if (typeof tx['costPerShare'] === 'number') parts.push(`cost ${money(tx['costPerShare'])}`);
  if (typeof tx['amountCents'] === 'number') parts.push(money(tx['amountCents'] / 100));
  return parts.join(' ');
}
