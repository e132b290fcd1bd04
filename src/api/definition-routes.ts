/**
 * A user's own definitions, by name: `/api/v1/funds/stored[/{name}]` (fund-definition sets, the
 * use cases of `ballast funds save|stored|delete`) and `/api/v1/universe/stored[/{name}]` (named
 * universes: `ballast universe save|stored|delete`). `PUT` creates or replaces (`201` with
 * `Location` when the name was new, `200` otherwise), `GET` reads, `DELETE` answers `204`.
 *
 * A fund set is `PUT` as JSON `{ funds: { text, name } }` or as the YAML file itself
 * (`application/yaml`, `text/yaml`); it is validated like `funds validate` and stored only
 * without errors (`400` naming the field). A universe is `PUT` as `{ symbols, description? }`.
 * The path names the definition: a `name` in the body is refused. Analyses take a stored set
 * as `funds: { stored: NAME }` (`?fundsStored=NAME` on the GET analyses).
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import type { AppDeps } from '../app/deps.ts';
import { fundsSave, fundsSaveInputSchema } from '../app/funds-save.ts';
import { definitionNameSchema } from '../app/funds-source-schema.ts';
import { fundsDelete, fundsStoredGet, fundsStoredList } from '../app/funds-stored.ts';
import {
  universeDelete,
  universeSave,
  universeSaveInputSchema,
  universeStoredGet,
  universeStoredList,
} from '../app/universe-stored.ts';
import { jsonBody, mediaType } from './body.ts';
import { requestError } from './errors.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

const params = z.object({ name: definitionNameSchema });
const YAML = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/** One kind of named definition: where it lives and its use cases. */
interface Kind {
  readonly base: string;
  readonly tag: string;
  readonly what: string;
  readonly body: Record<string, { schema: z.ZodType }>;
  readonly input: (c: Context) => Promise<Record<string, unknown>>;
  readonly save: (input: never, deps: AppDeps) => Promise<{ created: boolean }>;
  readonly list: (input: Record<string, never>, deps: AppDeps) => Promise<unknown>;
  readonly get: (input: { name: string }, deps: AppDeps) => Promise<unknown>;
  readonly remove: (input: { name: string }, deps: AppDeps) => Promise<unknown>;
}

/** A JSON object body without `name` (the path decides it). */
async function objectBody(c: Context): Promise<Record<string, unknown>> {
  const body = await jsonBody(c);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw requestError('INVALID_INPUT', 'body', 'expected a JSON object');
  if (Object.hasOwn(body, 'name'))
    throw requestError('INVALID_INPUT', 'name', 'not in the body: the path names the definition');
  return body as Record<string, unknown>;
}

const KINDS: readonly Kind[] = [
  {
    base: '/api/v1/funds/stored',
    tag: 'funds',
    what: 'fund definitions',
    body: {
      'application/json': { schema: fundsSaveInputSchema.omit({ name: true }) },
      'application/yaml': { schema: z.string().describe('The fund file (canonical layout)') },
    },
    input: async (c) =>
      YAML.includes(mediaType(c))
        ? { funds: { text: await c.req.text(), name: 'request body' } }
        : objectBody(c),
    save: fundsSave,
    list: fundsStoredList,
    get: fundsStoredGet,
    remove: fundsDelete,
  },
  {
    base: '/api/v1/universe/stored',
    tag: 'funds',
    what: 'universe',
    body: { 'application/json': { schema: universeSaveInputSchema.omit({ name: true }) } },
    input: objectBody,
    save: universeSave,
    list: universeStoredList,
    get: universeStoredGet,
    remove: universeDelete,
  },
];

const nameOf = (c: Context): string => c.req.param('name') ?? '';

function mountKind(app: OpenAPIHono, deps: AppDeps, kind: Kind): void {
  const item = `${kind.base}/{name}`;
  const doc = (method: 'get' | 'put' | 'delete', summary: string, path = item) => ({
    method,
    path,
    tags: [kind.tag],
    summary,
    ...(path === item ? { request: { params } } : {}),
  });
  mount(
    app,
    {
      ...doc('get', `Stored ${kind.what}, by name`, kind.base),
      responses: { 200: jsonResponse(`Every stored ${kind.what}`), ...errorResponses() },
    },
    async (c) => c.json(await kind.list({}, deps)),
  );
  mount(
    app,
    {
      ...doc('get', `One stored ${kind.what}`),
      responses: { 200: jsonResponse(`The stored ${kind.what}`), ...errorResponses() },
    },
    async (c) => c.json(await kind.get({ name: nameOf(c) }, deps)),
  );
  mount(
    app,
    {
      ...doc('put', `Create or replace stored ${kind.what} (validated first)`),
      request: { params, body: { required: true, content: kind.body } },
      responses: {
        200: jsonResponse(`Replaced: the stored ${kind.what}`),
        201: jsonResponse(`Created: the stored ${kind.what}`),
        ...errorResponses(),
      },
    },
    async (c) => {
      const name = nameOf(c);
      const saved = await kind.save({ ...(await kind.input(c)), name } as never, deps);
      if (!saved.created) return c.json(saved, 200);
      c.header('Location', `${kind.base}/${encodeURIComponent(name.trim())}`);
      return c.json(saved, 201);
    },
  );
  mount(
    app,
    {
      ...doc('delete', `Delete stored ${kind.what}`),
      responses: { 204: { description: 'Deleted' }, ...errorResponses() },
    },
    async (c) => {
      await kind.remove({ name: nameOf(c) }, deps);
      return c.body(null, 204);
    },
  );
}

/** Mounts the stored fund definitions and universes on `app` (see the module comment). */
export function mountDefinitionRoutes(app: OpenAPIHono, deps: AppDeps): void {
  for (const kind of KINDS) mountKind(app, deps, kind);
}
