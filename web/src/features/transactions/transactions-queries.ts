/**
 * Query and mutation hooks of the Transactions page: the stored ledger, and every write to it
 * — add a row, edit one, delete one, preview a CSV (stores nothing) and import it. After any
 * write that stored something, every query of every page is invalidated (holdings, positions,
 * exposures, risk, performance, the portfolio list's counts…): the ledger is what they are all
 * computed from, and only the pages on screen refetch at once; the rest refetch when shown.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type {
  PortfolioAppendDocument,
  PortfolioTransactionsDocument,
} from '../../api/documents.ts';
import { ledgerRequest } from './ledger-requests.ts';

/** The answer of a dry run: every row's result, nothing stored. */
export interface PreviewDocument {
  readonly portfolio: unknown;
  readonly dryRun: true;
  readonly rows: readonly PreviewRow[];
  readonly valid: number;
  readonly invalid: number;
}

/** One row of a dry run: its transaction, or its error naming the field. */
export interface PreviewRow {
  readonly line: number;
  readonly ok: boolean;
  readonly transaction?: Readonly<Record<string, unknown>>;
  readonly error?: { readonly code: string; readonly message: string; readonly field?: string };
}

/** GET /api/v1/portfolios/{id}/transactions: the stored ledger, rows in line order. */
export function useTransactions(portfolio: string) {
  return useQuery({
    queryKey: ['transactions', portfolio],
    queryFn: () =>
      unwrap<PortfolioTransactionsDocument>(
        api.GET('/api/v1/portfolios/{id}/transactions', {
          params: { path: { id: portfolio }, query: {} },
        }),
      ),
  });
}

/** A mutation that, once it stored something, invalidates every page's queries. */
function useLedgerWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries(),
  });
}

const path = (portfolio: string) => ({ params: { path: { id: portfolio } } });

/** POST …/transactions with one JSON row (all or nothing). */
export function useAddTransaction(portfolio: string) {
  return useLedgerWrite((row: Record<string, unknown>) =>
    unwrap<PortfolioAppendDocument>(
      api.POST('/api/v1/portfolios/{id}/transactions', {
        ...path(portfolio),
        body: { transactions: [row] },
      }),
    ),
  );
}

/** PATCH …/transactions/{line}: the row on `line` replaced (it keeps its line). */
export function useEditTransaction(portfolio: string) {
  return useLedgerWrite(({ line, row }: { line: number; row: Record<string, unknown> }) =>
    ledgerRequest('PATCH', portfolio, { line, json: row }),
  );
}

/** DELETE …/transactions/{line}. */
export function useDeleteTransaction(portfolio: string) {
  return useLedgerWrite((line: number) => ledgerRequest('DELETE', portfolio, { line }));
}

/** POST …/transactions?dryRun=true with a CSV: each row's result, nothing stored. */
export function usePreviewCsv(portfolio: string) {
  return useMutation({
    mutationFn: (csv: string) =>
      ledgerRequest('POST', portfolio, { csv, dryRun: true }) as Promise<PreviewDocument>,
  });
}

/** POST …/transactions with a CSV (all or nothing). */
export function useImportCsv(portfolio: string) {
  return useLedgerWrite(
    (csv: string) => ledgerRequest('POST', portfolio, { csv }) as Promise<PortfolioAppendDocument>,
  );
}
