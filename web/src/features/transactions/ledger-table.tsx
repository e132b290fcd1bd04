/**
 * The stored ledger as a table, with filters (account, type, symbol, date range — rows are
 * filtered here, in the browser: the ledger is already loaded whole) and each row's Edit and
 * Delete. A delete asks to be confirmed in the row itself; when the API refuses it (the ledger
 * would no longer replay, e.g. a later sale names the lot a buy opened) its message is shown
 * and nothing changed.
 */
import { useMemo, useState } from 'react';
import type { Transaction } from '../../../../src/domain/ledger/types.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorBox } from '../../components/panel.tsx';
import { date, money, quantity } from '../../format.ts';
import { textOf } from './transaction-model.ts';
import { useDeleteTransaction } from './transactions-queries.ts';

interface Filters {
  account: string;
  type: string;
  symbol: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { account: '', type: '', symbol: '', from: '', to: '' };

const field = (tx: Transaction, key: string): unknown =>
  (tx as unknown as Record<string, unknown>)[key];

function matches(tx: Transaction, f: Filters): boolean {
  if (f.account !== '' && tx.account !== f.account) return false;
  if (f.type !== '' && tx.type !== f.type) return false;
  if (f.symbol !== '' && field(tx, 'symbol') !== f.symbol) return false;
  if (f.from !== '' && tx.date < f.from) return false;
  if (f.to !== '' && tx.date > f.to) return false;
  return true;
}

const distinct = (values: readonly unknown[]): string[] =>
  [...new Set(values.filter((v): v is string => typeof v === 'string'))].sort();

function Select(props: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">All</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function FilterBar(props: {
  ledger: readonly Transaction[];
  filters: Filters;
  set: (f: Filters) => void;
}) {
  const { ledger, filters, set } = props;
  const accounts = useMemo(() => distinct(ledger.map((t) => t.account)), [ledger]);
  const types = useMemo(() => distinct(ledger.map((t) => t.type)), [ledger]);
  const symbols = useMemo(() => distinct(ledger.map((t) => field(t, 'symbol'))), [ledger]);
  const on = (key: keyof Filters) => (value: string) => set({ ...filters, [key]: value });
  return (
    <div className="filters" role="group" aria-label="Filters">
      <Select label="Account" value={filters.account} options={accounts} onChange={on('account')} />
      <Select label="Type" value={filters.type} options={types} onChange={on('type')} />
      <Select label="Symbol" value={filters.symbol} options={symbols} onChange={on('symbol')} />
      <label>
        From
        <input type="date" value={filters.from} onChange={(e) => on('from')(e.target.value)} />
      </label>
      <label>
        To
        <input type="date" value={filters.to} onChange={(e) => on('to')(e.target.value)} />
      </label>
      <button type="button" className="secondary" onClick={() => set(NO_FILTERS)}>
        Clear filters
      </button>
    </div>
  );
}

function quantityCell(tx: Transaction): string {
  if (tx.type === 'split') return `×${tx.ratio}`;
  const q = field(tx, 'quantity');
  return typeof q === 'number' ? quantity(q) : '';
}

function priceCell(tx: Transaction): string {
  const p = field(tx, 'price') ?? field(tx, 'costPerShare');
  return typeof p === 'number' ? money(p) : '';
}

function amountCell(tx: Transaction): string {
  const a = field(tx, 'amountCents');
  return typeof a === 'number' ? money(a / 100) : '';
}

function RowActions(props: {
  tx: Transaction;
  confirming: boolean;
  busy: boolean;
  onEdit: () => void;
  onAsk: () => void;
  onCancel: () => void;
  onDelete: () => void;
}) {
  const line = props.tx.source.line;
  if (props.confirming)
    return (
      <td className="row-actions">
        <button type="button" disabled={props.busy} onClick={props.onDelete}>
          {props.busy ? 'Deleting…' : `Confirm: delete line ${line}`}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Keep
        </button>
      </td>
    );
  return (
    <td className="row-actions">
      <button
        type="button"
        className="secondary"
        onClick={props.onEdit}
        aria-label={`Edit line ${line}`}
      >
        Edit
      </button>
      <button
        type="button"
        className="secondary"
        onClick={props.onAsk}
        aria-label={`Delete line ${line}`}
      >
        Delete
      </button>
    </td>
  );
}

/** Why a delete of `line` changed nothing, naming the later row that needs it when one does. */
function refusal(line: number | undefined, error: unknown): string {
  const other = error instanceof ApiError ? error.details['line'] : undefined;
  const needs =
    typeof other === 'number' && other !== line ? ` The row on line ${other} needs it.` : '';
  return `Line ${line} was not deleted; the ledger is unchanged.${needs}`;
}

/** The ledger table (see the module comment). */
export function LedgerTable(props: {
  portfolio: string;
  ledger: readonly Transaction[];
  editing: number | null;
  onEdit: (tx: Transaction) => void;
}) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [confirm, setConfirm] = useState<number | null>(null);
  const remove = useDeleteTransaction(props.portfolio);
  const rows = props.ledger.filter((tx) => matches(tx, filters));
  const del = (line: number): void => remove.mutate(line, { onSettled: () => setConfirm(null) });
  return (
    <>
      <FilterBar ledger={props.ledger} filters={filters} set={setFilters} />
      <p className="status" role="status">
        {rows.length === props.ledger.length
          ? `${rows.length} rows`
          : `${rows.length} of ${props.ledger.length} rows`}
        {remove.isSuccess && remove.variables !== undefined
          ? ` · deleted line ${remove.variables}`
          : ''}
      </p>
      {remove.isError ? (
        <div className="form-error" data-testid="delete-error">
          <p className="muted">{refusal(remove.variables, remove.error)}</p>
          <ErrorBox error={remove.error} />
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="ledger">
          <caption className="sr-only">Transactions</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Account</th>
              <th scope="col">Symbol</th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Fees
              </th>
              <th scope="col">Lots</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((tx) => {
              const line = tx.source.line;
              const lots = field(tx, 'lots');
              return (
                <tr
                  key={line}
                  data-line={line}
                  className={props.editing === line ? 'editing' : undefined}
                >
                  <td className="num">{line}</td>
                  <td>{date(tx.date)}</td>
                  <td>{tx.type}</td>
                  <td>{tx.account}</td>
                  <td>{textOf(field(tx, 'symbol'))}</td>
                  <td className="num">{quantityCell(tx)}</td>
                  <td className="num">{priceCell(tx)}</td>
                  <td className="num">{amountCell(tx)}</td>
                  <td className="num">{tx.feesCents === 0 ? '' : money(tx.feesCents / 100)}</td>
                  <td>{Array.isArray(lots) ? lots.join(', ') : ''}</td>
                  <RowActions
                    tx={tx}
                    confirming={confirm === line}
                    busy={remove.isPending}
                    onEdit={() => props.onEdit(tx)}
                    onAsk={() => {
                      remove.reset();
                      setConfirm(line);
                    }}
                    onCancel={() => setConfirm(null)}
                    onDelete={() => del(line)}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="muted">No rows match these filters.</p> : null}
      </div>
    </>
  );
}
