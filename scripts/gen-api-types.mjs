#!/usr/bin/env node
// TypeScript types of the HTTP API for a typed client, generated from its OpenAPI document by
// openapi-typescript (a dev dependency):
//
//   node scripts/gen-api-types.mjs http://127.0.0.1:8080/api/openapi.json api-types.d.ts
//   node scripts/gen-api-types.mjs openapi.json api-types.d.ts
//
// The output exports `paths` (and `components`, `operations`): for example
// `paths['/api/v1/portfolios']['post']['requestBody']['content']['application/json']` is the
// body of POST /api/v1/portfolios. src/api/openapi-contract.test.ts runs this script on the
// document of `createApi` and type-checks a client against the result.
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [source, out] = process.argv.slice(2);
if (source === undefined || out === undefined) {
  console.error('usage: node scripts/gen-api-types.mjs <openapi.json path or URL> <out.d.ts>');
  process.exit(2);
}
const url = /^https?:\/\//.test(source) ? new URL(source) : pathToFileURL(source);
const nodes = await openapiTS(url, { silent: true });
writeFileSync(out, COMMENT_HEADER + astToString(nodes));
