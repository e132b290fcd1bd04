/**
 * A stateless computation over HTTP: `POST` a use case's input as JSON (files inline as
 * `{ text, name }`; a `{ path }` anywhere is refused by `jsonBody`), get its document. The
 * OpenAPI body schema is the use case's own input schema; the use case validates the body once.
 * Being a POST, it needs a `write` key when keys are required, as `POST /api/v1/optimize` does
 * (`auth.ts` scopes by method). Every such route computes from what it is sent and, where the
 * input names stored symbols, from the store: it accepts `?knownAt=` (`known-at.ts`).
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type * as z from 'zod';
import type { AppDeps } from '../app/deps.ts';
import { jsonBody } from './body.ts';
import { knownAtQuery } from './known-at.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

/** What a JSON POST route is: where, its documentation and its use case's schema. */
export interface JsonPostSpec {
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  /** The use case's input schema (published as the request body). */
  readonly schema: z.ZodType;
  /** The 200 response's description (the document it gives). */
  readonly document: string;
  /** Extra error statuses → descriptions (e.g. 422 optimisation outcomes). */
  readonly errors?: Readonly<Record<number, string>>;
}

/**
 * Mounts `POST spec.path`: the parsed JSON body → `run` with the request's dependencies (known
 * at `?knownAt=` when given) → its document as JSON.
 */
export function mountJsonPost(
  app: OpenAPIHono,
  spec: JsonPostSpec,
  run: (body: unknown, deps: AppDeps) => Promise<unknown>,
): void {
  mount(
    app,
    {
      method: 'post',
      path: spec.path,
      tags: [spec.tag],
      summary: spec.summary,
      request: {
        query: knownAtQuery,
        body: { required: true, content: { 'application/json': { schema: spec.schema } } },
      },
      responses: { 200: jsonResponse(spec.document), ...errorResponses(spec.errors) },
    },
    async (c, deps) => c.json((await run(await jsonBody(c), deps)) as object),
  );
}
