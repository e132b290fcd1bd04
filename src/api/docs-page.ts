/**
 * `GET /api/docs`: a plain HTML page listing every operation of the OpenAPI document (method,
 * path, summary) with a link to the document itself. Rendered on the server from the document:
 * no script, no CDN, nothing fetched by the browser.
 */

/** The parts of an OpenAPI document the page reads. */
export interface DocsSource {
  readonly info: { readonly title: string; readonly version: string };
  readonly paths?: object | undefined;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `text` with the five HTML special characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function summaryOf(operation: unknown): string {
  const summary = (operation as { summary?: unknown }).summary;
  return typeof summary === 'string' ? summary : '';
}

/** One `<tr>` per operation, in path order. */
function operationRows(doc: DocsSource): string[] {
  const rows: string[] = [];
  const paths = Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>);
  for (const [path, item] of paths.sort(([a], [b]) => a.localeCompare(b)))
    for (const method of METHODS) {
      if (item[method] === undefined) continue;
      rows.push(
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(summaryOf(item[method]))}</td></tr>`,
      );
    }
  return rows;
}

/** The docs page of `doc`, linking to the document at `documentUrl`. */
export function docsPage(doc: DocsSource, documentUrl: string): string {
  const title = `${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}`;
  return [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>`,
    `<h1>${title}</h1>`,
    `<p>The OpenAPI 3.1 document: <a href="${escapeHtml(documentUrl)}">${escapeHtml(documentUrl)}</a>. Errors are <code>{ code, message, details }</code>.</p>`,
    '<table><thead><tr><th>method</th><th>path</th><th>summary</th></tr></thead><tbody>',
    ...operationRows(doc),
    '</tbody></table></body></html>',
  ].join('\n');
}
