/**
 * `/api/v1/portfolios/{id}/corporate-actions`: the split and dividend rows the stored price
 * bars imply and a stored portfolio's ledger lacks (docs/corporate-actions.md) — `GET` lists
 * them (the document of `ballast positions --portfolio NAME --apply-corporate-actions --format
 * json`), `POST …/accept` (write scope) merges every proposed row into the stored ledger in one
 * store transaction, as `--accept` does, and answers the document with `accepted: true` and
 * each row's `line`. Both take the CLI's options as query fields: `asOf` (`--as-of`),
 * `dividendWindow` and `splitWindow` (days). Only stored bars are read: nothing is fetched.
 * The accept writes the ledger inside a store transaction, which grows the store's data
 * version, so the read cache (`read-cache.ts`) serves no analysis computed before it.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import { corporateActions } from '../app/corporate-actions.ts';
import type { AppDeps } from '../app/deps.ts';
import { BallastError } from '../app/errors.ts';
import { isoDateSchema } from '../app/schemas.ts';
import { BASE, nameOf, params, TAG } from './portfolio-routes.ts';
import { queryInput } from './query.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

/** The query fields of both routes (the CLI's flags). */
const query = z.object({
  asOf: isoDateSchema.optional().describe('ignore corporate actions after this date (`--as-of`)'),
  dividendWindow: z
    .string()
    .optional()
    .describe(
      'days after an ex-date within which a recorded dividend counts as it (0–366, default 31)',
    ),
  splitWindow: z
    .string()
    .optional()
    .describe(
      'days either side of a split within which a recorded split counts as it (0–31, default 5)',
    ),
});

/** Query field → use-case field. */
const FIELDS = {
  asOf: 'through',
  dividendWindow: 'dividendWindowDays',
  splitWindow: 'splitWindowDays',
} as const;

/** The use-case input of the request's query (names mapped, values validated by the use case). */
function inputOf(c: Context): Record<string, unknown> {
  const raw = queryInput(c, { asOf: 'text', dividendWindow: 'number', splitWindow: 'number' });
  return Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [FIELDS[name as keyof typeof FIELDS], value]),
  );
}

/** The use case, with an INVALID_INPUT on a mapped field renamed to the query field. */
async function run(c: Context, deps: AppDeps, accept: boolean) {
  const portfolio = await nameOf(c, deps);
  try {
    return await corporateActions({ ...inputOf(c), portfolio, accept }, deps);
  } catch (e) {
    const field = e instanceof BallastError ? e.details['field'] : undefined;
    const named = Object.entries(FIELDS).find(([, inner]) => inner === field)?.[0];
    if (!(e instanceof BallastError) || named === undefined) throw e;
    throw new BallastError(e.code, e.message.replace(String(field), named), {
      ...e.details,
      field: named,
    });
  }
}

/** Mounts the corporate-action routes of a stored portfolio (module comment). */
export function mountCorporateActionRoutes(app: OpenAPIHono): void {
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{id}/corporate-actions`,
      tags: TAG,
      summary:
        'The split and dividend rows the stored prices imply and the ledger lacks: the document of `ballast positions --apply-corporate-actions --format json`',
      request: { params, query },
      responses: {
        200: jsonResponse(
          '{ source: { portfolio }, through, proposed, recorded, uncertain, accepted: false, renumbered, unpriced, warnings }',
        ),
        ...errorResponses(),
      },
    },
    async (c, d) => c.json(await run(c, d, false)),
  );
  mount(
    app,
    {
      method: 'post',
      path: `${BASE}/{id}/corporate-actions/accept`,
      tags: TAG,
      summary:
        'Merge every proposed corporate-action row into the stored ledger in one transaction (`--accept`); nothing changes on an error',
      request: { params, query },
      responses: {
        200: jsonResponse(
          'The document with `accepted` (true when rows were written) and each proposed row’s `line`; `renumbered` lists the rows that moved',
        ),
        ...errorResponses(),
      },
    },
    async (c, d) => c.json(await run(c, d, true)),
  );
}
