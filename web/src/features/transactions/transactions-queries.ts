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
  PortfolioAppendPreviewDocument,
  PortfolioTransactionUpdateDocument,
  PortfolioTransactionsDocument,
} from '../../api/documents.ts';

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
    unwrap<PortfolioTransactionUpdateDocument>(
      api.PATCH('/api/v1/portfolios/{id}/transactions/{line}', {
        params: { path: { id: portfolio, line } },
        body: row,
      }),
    ),
  );
}

/** DELETE …/transactions/{line}. */
export function useDeleteTransaction(portfolio: string) {
  return useLedgerWrite((line: number) =>
    unwrap<undefined>(
      api.DELETE('/api/v1/portfolios/{id}/transactions/{line}', {
        params: { path: { id: portfolio, line } },
      }),
    ),
  );
}

/** POST …/transactions with a CSV body (`dryRun`: only check every row, store nothing). */
function postCsv<T>(portfolio: string, csv: string, dryRun: boolean): Promise<T> {
  return unwrap<T>(
    api.POST('/api/v1/portfolios/{id}/transactions', {
      params: { path: { id: portfolio }, query: dryRun ? { dryRun: 'true' } : {} },
      body: csv,
      bodySerializer: (body) => (typeof body === 'string' ? body : JSON.stringify(body)),
      headers: { 'content-type': 'text/csv' },
    }),
  );
}

/** POST …/transactions?dryRun=true with a CSV: each row's result, nothing stored. */
export function usePreviewCsv(portfolio: string) {
  return useMutation({
    mutationFn: (csv: string) => postCsv<PortfolioAppendPreviewDocument>(portfolio, csv, true),
  });
}

/** POST …/transactions with a CSV (all or nothing). */
export function useImportCsv(portfolio: string) {
  return useLedgerWrite((csv: string) => postCsv<PortfolioAppendDocument>(portfolio, csv, false));
}
