/**
 * `POST /api/v1/location`: asset location, stateless — the body is the `location` use case's
 * input with the accounts file inline (`accounts: { text, name }`, YAML or JSON text) and
 * optionally the fund definitions (`funds: { text, name }` or `{ stored: NAME }`); the answer
 * is the document of `ballast location --format json` (docs/asset-location.md).
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  assetLocation,
  assetLocationInputSchema,
  type AssetLocationInput,
} from '../app/asset-location.ts';
import type { AppDeps } from '../app/deps.ts';
import { jsonBody } from './body.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

/** Mounts the asset-location route on `app`. */
export function mountLocationRoutes(app: OpenAPIHono, deps: AppDeps): void {
  mount(
    app,
    {
      method: 'post',
      path: '/api/v1/location',
      tags: ['optimize'],
      summary:
        'Asset location: one target allocation placed across taxable, traditional and Roth accounts',
      request: {
        body: {
          required: true,
          content: { 'application/json': { schema: assetLocationInputSchema } },
        },
      },
      responses: {
        200: jsonResponse('The `location` document'),
        ...errorResponses({ 422: 'INFEASIBLE (a target exposure no account can hold, …)' }),
      },
    },
    async (c) => c.json(await assetLocation((await jsonBody(c)) as AssetLocationInput, deps)),
  );
}
