/**
 * The OpenAPI document as a contract: it is valid OpenAPI 3.1 (by the specification's own JSON
 * schema), and a typed client generated from it (`scripts/gen-api-types.mjs`, openapi-typescript)
 * type-checks against the routes' real schemas. No test here lists every route: routes are added
 * elsewhere, and each must keep the document valid.
 */

import { Validator } from '@seriousme/openapi-schema-validator';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { createApi } from './app.ts';
import type { AuthMode } from './auth.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/gen-api-types.mjs', import.meta.url));

let deps: ReturnType<typeof testDeps>;
beforeAll(() => {
  deps = testDeps({ offline: true });
});
afterAll(async () => {
  await deps.close();
});

type Document = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

async function documentOf(auth: AuthMode): Promise<Document> {
  const res = await createApi(deps, { version: '1.2.3', auth }).request('/api/openapi.json');
  return (await res.json()) as Document;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, with keys off and required', async () => {
    for (const auth of ['off', 'required'] as const) {
      const result = await new Validator().validate(await documentOf(auth));
      expect(result.errors, auth).toBeUndefined();
      expect(result.valid, auth).toBe(true);
    }
  });

  it('fails the check when broken (so the check above can fail)', async () => {
    const doc = await documentOf('off');
    const validator = new Validator();
    expect((await validator.validate(doc)).valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const noInfo = structuredClone(doc);
    delete noInfo['info'];
    const badResponses = structuredClone(doc);
    badResponses.paths['/api/health']!['get'] = { summary: 'x', responses: 'none' };
    const badParameter = structuredClone(doc);
    badParameter.paths['/api/health']!['get'] = {
      responses: { 200: { description: 'ok' } },
      parameters: [{ name: 'q', in: 'body' }],
    };
    for (const [name, broken] of Object.entries({ noInfo, badResponses, badParameter })) {
      const result = await new Validator().validate(broken);
      expect(result.valid, name).toBe(false);
      expect(result.errors, name).not.toHaveLength(0);
    }
  });
});

/** A client of the generated types: right uses compile; wrong ones are expected errors. */
const CLIENT = `import type { paths } from './api-types.ts';

type CreateBody = paths['/api/v1/portfolios']['post']['requestBody']['content']['application/json'];
export const created: CreateBody = { name: 'main', baseCurrency: 'EUR' };
// @ts-expect-error: a name is required
export const nameless: CreateBody = { baseCurrency: 'EUR' };
// @ts-expect-error: a name is a string
export const numbered: CreateBody = { name: 42 };

type Objective = paths['/api/v1/optimize']['post']['requestBody']['content']['application/json']['objective'];
export const target: Objective = { kind: 'efficient-return', targetReturnAnnual: 0.07 };
// @ts-expect-error: efficient-return needs its target
export const untargeted: Objective = { kind: 'efficient-return' };
// @ts-expect-error: not an objective
export const unknown: Objective = { kind: 'max-happiness' };

type Positions = paths['/api/v1/portfolios/{id}/positions']['get']['parameters'];
export const params: Positions = { path: { id: 'main' }, query: { lotMethod: 'hifo' } };
// @ts-expect-error: the path needs the id
export const noId: Positions = { path: {} };

// @ts-expect-error: no such route
export type Nowhere = paths['/api/v1/nowhere'];
`;

/** The same wrong use without the directive: the check must report it. */
const WRONG = `import type { paths } from './api-types.ts';
type CreateBody = paths['/api/v1/portfolios']['post']['requestBody']['content']['application/json'];
export const nameless: CreateBody = { baseCurrency: 'EUR' };
`;

describe('a typed client from the document', () => {
  it('generates types with openapi-typescript that a client type-checks against', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-api-types-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(await documentOf('off')));
    const generated = spawnSync(
      process.execPath,
      [SCRIPT, join(dir, 'openapi.json'), join(dir, 'api-types.ts')],
      { encoding: 'utf8' },
    );
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    writeFileSync(join(dir, 'client.ts'), CLIENT);
    writeFileSync(join(dir, 'wrong.ts'), WRONG);
    const program = ts.createProgram([join(dir, 'client.ts'), join(dir, 'wrong.ts')], {
      strict: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      types: [],
    });
    const problems = (file: string) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(join(dir, file)))
        .map(
          (d) => `${d.code} at ${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
        );
    // An unused @ts-expect-error (TS2578) would mean the types let a wrong use through.
    expect(problems('client.ts')).toEqual([]);
    expect(problems('wrong.ts')).toEqual([
      expect.stringMatching(/^2741 at \d+: Property 'name' is missing/),
    ]);
  }, 30_000);
});
