/**
 * CSV import in two steps: a preview (the server's dry run: every row with its transaction or
 * its error, nothing stored), then — only when every row is good and the text is the one
 * previewed — the import itself, which the server stores all or nothing.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { ErrorBox } from '../../components/panel.tsx';
import { money } from '../../format.ts';
import { describe } from './transaction-model.ts';
import type { AppendPreviewRow, PortfolioAppendPreviewDocument } from '../../api/documents.ts';
import { useImportCsv, usePreviewCsv } from './transactions-queries.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';

function PreviewTable({ rows }: { rows: readonly AppendPreviewRow[] }) {
  return (
    <div className="table-wrap">
      <table className="preview">
        <caption className="sr-only">Preview of the CSV's rows</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              CSV line
            </th>
            <th scope="col">Result</th>
            <th scope="col">Transaction</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.index}
              data-line={row.line ?? undefined}
              className={row.ok ? undefined : 'bad'}
            >
              <td className="num">{row.line ?? ''}</td>
              <td>{row.ok ? <span className="ok">OK</span> : <strong>Error</strong>}</td>
              <td>
                {row.transaction === undefined
                  ? ''
                  : `${row.transaction.date} ${describe(row.transaction, money)} · ${row.transaction.account}`}
              </td>
              <td className="row-error">
                {row.error === undefined ? '' : row.error.message}
                {row.error?.field == null ? null : (
                  <span className="muted"> ({row.error.field})</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function summary(doc: PortfolioAppendPreviewDocument): string {
  const rows = doc.valid + doc.invalid;
  if (doc.invalid === 0) return `All ${rows} rows are good. Nothing is stored until you import.`;
  return `${doc.invalid} of ${rows} rows have errors. Nothing can be imported until every row is good.`;
}

/** The CSV import (see the module comment). */
export function CsvImport({ portfolio }: { portfolio: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const preview = usePreviewCsv(portfolio);
  const save = useImportCsv(portfolio);
  const doc = preview.data;
  const current = doc !== undefined && preview.variables === text;
  const canImport = current && doc.invalid === 0 && doc.valid > 0 && !save.isPending;

  const edit = (value: string): void => {
    setText(value);
    save.reset();
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (file !== undefined) edit(await file.text());
  };
  const doImport = (): void => {
    if (!canImport) return;
    save.mutate(text, {
      onSuccess: () => {
        setText('');
        preview.reset();
      },
    });
  };

  return (
    <div className="csv-import">
      <div className="field">
        <label htmlFor={`${id}-file`}>CSV file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void readFile(e)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>or paste the CSV</label>
        <textarea
          id={`${id}-text`}
          className="csv"
          spellCheck={false}
          placeholder={`${HEADER}\n2025-10-01,buy,BND,10,72.10,,0,MARGIN,`}
          value={text}
          onChange={(e) => edit(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="secondary"
          disabled={text.trim() === '' || preview.isPending}
          onClick={() => preview.mutate(text)}
        >
          {preview.isPending ? 'Checking…' : 'Preview'}
        </button>
        <button type="button" disabled={!canImport} onClick={doImport}>
          {save.isPending
            ? 'Importing…'
            : current && doc.invalid === 0
              ? `Import ${doc.valid} rows`
              : 'Import'}
        </button>
        {doc !== undefined && !current ? (
          <span className="status">The text changed since the preview: preview it again.</span>
        ) : null}
      </div>
      {preview.isError ? <ErrorBox error={preview.error} /> : null}
      {save.isError ? (
        <>
          <p className="muted">Nothing was imported.</p>
          <ErrorBox error={save.error} />
        </>
      ) : null}
      {save.isSuccess ? (
        <p className="status" role="status">
          Imported {save.data.appended} rows (lines {save.data.lines.first}–{save.data.lines.last}
          ).
        </p>
      ) : null}
      {current ? (
        <>
          <p className={doc.invalid === 0 ? 'status' : 'warning'} role="status">
            {summary(doc)}
          </p>
          <PreviewTable rows={doc.rows} />
        </>
      ) : null}
    </div>
  );
}
