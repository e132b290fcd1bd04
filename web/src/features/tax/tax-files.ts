/**
 * The Tax page's downloads: Form 8949 (PDF, CSV) and the TXF file of a year, served by
 * `GET …/tax/form8949` and `GET …/tax/txf` as attachments. Each is a plain link to the route
 * (the browser saves it), except when this browser holds an API key: a link cannot send the
 * `Authorization` header, so the file is fetched through the typed client (which sends it)
 * and saved from a blob.
 */
import { useMutation } from '@tanstack/react-query';
import { api, apiKey, unwrap } from '../../api/client.ts';

/** A file the page offers. */
export type TaxFileKind = 'pdf' | 'csv' | 'txf';

/** The files, in the order the page shows them, with their labels and what each is for. */
export const TAX_FILES: readonly { kind: TaxFileKind; label: string; about: string }[] = [
  {
    kind: 'pdf',
    label: 'Form 8949 (PDF)',
    about:
      "laid out like the IRS form: Part I and Part II pages, columns (a)–(h), each part's totals",
  },
  {
    kind: 'csv',
    label: 'Form 8949 (CSV)',
    about: 'one line per row, columns (a)–(h), for a spreadsheet',
  },
  { kind: 'txf', label: 'TXF', about: 'TXF V042 that tax software imports (one record per row)' },
];

/** The name the server gives the file (its Content-Disposition). */
export function taxFileName(kind: TaxFileKind, year: number): string {
  return kind === 'txf' ? `gains-${year}.txf` : `form8949-${year}.${kind}`;
}

/** The route of a file: a same-origin URL a link can point at. */
export function taxFileHref(portfolio: string, kind: TaxFileKind, year: number): string {
  const id = encodeURIComponent(portfolio);
  if (kind === 'txf') return `/api/v1/portfolios/${id}/tax/txf?year=${year}`;
  return `/api/v1/portfolios/${id}/tax/form8949?format=${kind}&year=${year}`;
}

/** Whether a link would go without the key the server needs (this browser holds one). */
export const linkNeedsKey = (): boolean => apiKey.get() !== null;

/** The file as a blob, through the typed client (with the API key). */
function fetchFile(portfolio: string, kind: TaxFileKind, year: number): Promise<Blob> {
  const path = { id: portfolio };
  const call =
    kind === 'txf'
      ? api.GET('/api/v1/portfolios/{id}/tax/txf', {
          params: { path, query: { year } },
          parseAs: 'blob',
        })
      : api.GET('/api/v1/portfolios/{id}/tax/form8949', {
          params: { path, query: { format: kind, year } },
          parseAs: 'blob',
        });
  return unwrap<Blob>(call);
}

/** Saves `blob` as `name` (a temporary link to an object URL). */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A download through the client (for a browser with a key); its error is the API's. */
export function useTaxFileDownload(portfolio: string) {
  return useMutation({
    mutationFn: async ({ kind, year }: { kind: TaxFileKind; year: number }) =>
      saveBlob(await fetchFile(portfolio, kind, year), taxFileName(kind, year)),
  });
}
