/**
 * The Transactions page: the stored ledger (filtered in the browser), a form to add a row, each
 * row's edit and delete, and a CSV import previewed row by row before anything is stored.
 * Every write goes to the API, which checks it against the whole ledger and stores all or
 * nothing; its errors are shown where they belong (a field's under its input). After a write
 * every page's queries are refetched (`transactions-queries.ts`).
 */
import { useMemo, useState } from 'react';
import type { Transaction } from '../../../../src/domain/ledger/types.ts';
import { Panel } from '../../components/panel.tsx';
import '../ledger.css';
import { CsvImport } from './csv-import.tsx';
import { LedgerTable } from './ledger-table.tsx';
import { TransactionForm } from './transaction-form.tsx';
import { emptyValues, valuesOf } from './transaction-model.ts';
import { useAddTransaction, useEditTransaction, useTransactions } from './transactions-queries.ts';

const today = (): string => new Date().toISOString().slice(0, 10);

function names(ledger: readonly Transaction[], key: 'account' | 'symbol'): string[] {
  const values = ledger.map((t) => (t as unknown as Record<string, unknown>)[key]);
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))].sort();
}

/** The Transactions page (see the module comment). */
export default function TransactionsPage({ portfolio }: { portfolio: string }) {
  const query = useTransactions(portfolio);
  const add = useAddTransaction(portfolio);
  const edit = useEditTransaction(portfolio);
  const [chosen, setEditing] = useState<Transaction | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const ledger = useMemo(() => query.data?.transactions ?? [], [query.data]);
  // A row deleted while its editor is open closes the editor.
  const editing = ledger.some((t) => t.source.line === chosen?.source.line) ? chosen : null;
  const accounts = useMemo(() => names(ledger, 'account'), [ledger]);
  const symbols = useMemo(() => names(ledger, 'symbol'), [ledger]);

  return (
    <div className="page">
      <Panel
        title="Add a transaction"
        query={query}
        note="Appended after the last row; the ledger must stay in date order. Money in dollars."
      >
        {() => (
          <>
            <TransactionForm
              initial={emptyValues({ date: today(), type: 'buy', account: accounts[0] ?? '' })}
              accounts={accounts}
              symbols={symbols}
              submitLabel="Add transaction"
              onSubmit={async (row) => {
                setAdded(null);
                const doc = await add.mutateAsync(row);
                setAdded(`Added line ${doc.lines.last}.`);
              }}
            />
            {added === null ? null : (
              <p className="status" role="status">
                {added}
              </p>
            )}
          </>
        )}
      </Panel>
      {editing === null ? null : (
        <Panel
          title={`Edit line ${editing.source.line}`}
          note="The row keeps its line (and the id of the lot it opens); the whole ledger is checked again."
        >
          {() => (
            <TransactionForm
              key={editing.source.line}
              initial={valuesOf(editing)}
              line={editing.source.line}
              accounts={accounts}
              symbols={symbols}
              submitLabel={`Save line ${editing.source.line}`}
              onSubmit={(row) => edit.mutateAsync({ line: editing.source.line, row })}
              onDone={() => setEditing(null)}
              onCancel={() => setEditing(null)}
            />
          )}
        </Panel>
      )}
      <Panel
        title="Ledger"
        size="wide"
        query={query}
        note="Every stored row in line order; a row's lot id is L and its line."
      >
        {() => (
          <LedgerTable
            portfolio={portfolio}
            ledger={ledger}
            editing={editing?.source.line ?? null}
            onEdit={setEditing}
          />
        )}
      </Panel>
      <Panel
        title="Import a CSV"
        size="wide"
        note="A transactions CSV (the README's “Transactions file”), appended after the last row. Preview it first: every row is checked against the ledger and nothing is stored until you import; a single bad row stops the whole import."
      >
        {() => <CsvImport portfolio={portfolio} />}
      </Panel>
    </div>
  );
}
