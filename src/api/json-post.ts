/**
 * A stateless computation over HTTP: `POST` a use case's input as JSON (files inline as
 * `{ text, name }`; a `{ path }` anywhere is refused by `jsonBody`), get its document. The
 * OpenAPI body schema is the use case's own input schema; the use case validates the body once.
 * Being a POST, it needs a `write` key when keys are required, as `POST /api/v1/optimize` does
 * (`auth.ts` scopes by method).
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type * as z from 'zod';
import { jsonBody } from './body.ts';
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

/** Mounts `POST spec.path`: the parsed JSON body → `run` → its document as JSON. */
export function mountJsonPost(
  app: OpenAPIHono,
  spec: JsonPostSpec,
  run: (body: unknown) => Promise<unknown>,
): void {
  mount(
    app,
    {
      method: 'post',
      path: spec.path,
      tags: [spec.tag],
      summary: spec.summary,
      request: {
        body: { required: true, content: { 'application/json': { schema: spec.schema } } },
      },
      responses: { 200: jsonResponse(spec.document), ...errorResponses(spec.errors) },
    },
    async (c) => c.json((await run(await jsonBody(c))) as object),
  );
}
