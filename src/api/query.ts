/**
 * Query strings → use-case input fields. Only the fields a route names are taken, and they are
 * mapped, not validated: a number that reads as one becomes a number and anything else is
 * passed on as the text, so the use case's own schema (`parseInput`) refuses it naming the
 * field and the value, exactly as for a JSON body; a list is repeated (`?symbols=A&symbols=B`)
 * or comma-separated (`?symbols=A,B`).
 */

import type { Context } from 'hono';

/** How a query field maps to the input: as text, as a number, or as a list of texts. */
export type QueryField = 'text' | 'number' | 'list';

/** `value` as a number when it reads as a finite one, else unchanged (see the module comment). */
function numeric(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/** The named query fields of the request, mapped by kind; absent fields are left out. */
export function queryInput(
  c: Context,
  fields: Readonly<Record<string, QueryField>>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(fields)) {
    const values = c.req.queries(name);
    if (values === undefined || values.length === 0) continue;
    if (kind === 'list') input[name] = values.flatMap((v) => v.split(','));
    else input[name] = kind === 'number' ? numeric(values[0]!) : values[0]!;
  }
  return input;
}
