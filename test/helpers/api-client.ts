import type { OpenAPIHono } from '@hono/zod-openapi';
import { readFileSync } from 'node:fs';

/** A parsed JSON document (tests read into it freely). */
export type Doc = ReturnType<typeof JSON.parse>;

/** Request options with `body` as JSON (POST unless told), and a bearer key when given. */
export function json(body: unknown, options: { method?: string; key?: string } = {}): RequestInit {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.key !== undefined) headers['authorization'] = `Bearer ${options.key}`;
  return { method: options.method ?? 'POST', headers, body: JSON.stringify(body) };
}

/** Request options with only a bearer key (a GET). */
export const bearer = (key: string): RequestInit => ({
  headers: { authorization: `Bearer ${key}` },
});

/** The status and parsed JSON body of `api`'s answer to a request. */
export async function call(
  api: OpenAPIHono,
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: Doc }> {
  const res = await api.request(path, init);
  const text = await res.text();
  // An empty body (204) reads as undefined.
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** `doc` as it goes over the wire (JSON), with every `solveMs` (wall time) set to 0. */
export function wire(doc: unknown): Doc {
  return JSON.parse(JSON.stringify(doc), (key, value: unknown) => (key === 'solveMs' ? 0 : value));
}

/** The demo ledger (data/demo/transactions.csv). */
export const DEMO_LEDGER = readFileSync(
  new URL('../../data/demo/transactions.csv', import.meta.url),
  'utf8',
);

/** Stores the demo ledger as portfolio `demo` through `api` (with `key` when keys are required). */
export async function storeDemo(api: OpenAPIHono, key?: string): Promise<number> {
  const auth: Record<string, string> = key === undefined ? {} : { authorization: `Bearer ${key}` };
  const created = await call(
    api,
    '/api/v1/portfolios',
    json({ name: 'demo' }, { ...(key === undefined ? {} : { key }) }),
  );
  const appended = await api.request('/api/v1/portfolios/demo/transactions', {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: DEMO_LEDGER,
  });
  if (created.status !== 201 || appended.status !== 201)
    throw new Error(`storing the demo failed: ${created.status}, ${appended.status}`);
  return created.body.id as number;
}
