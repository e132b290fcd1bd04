/**
 * The npm package as a user gets it: `npm pack`, then `npm install ./ballast-*.tgz` into an
 * empty project (from the npm cache where it can, else the registry), then the `ballast` executable,
 * a plain-Node `import … from 'ballast'` (no TypeScript loader), and a type-check of a
 * TypeScript file against the shipped declarations.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = join(ROOT, 'data/demo/transactions.csv');
let project = '';

function run(cmd: string, args: readonly string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-pack-'));
  // dist/ is fresh (the global setup built it), so pack without re-running `prepare`.
  const packed = JSON.parse(
    run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT),
  ) as { filename: string }[];
  project = join(dir, 'consumer');
  run('mkdir', ['-p', project], dir);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }),
  );
  run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      join(dir, packed[0]!.filename),
    ],
    project,
  );
  // --ignore-scripts skipped better-sqlite3's native build: reuse this checkout's (same Node).
  const native = join(ROOT, 'node_modules/better-sqlite3/build');
  if (existsSync(native))
    cpSync(native, join(project, 'node_modules/better-sqlite3/build'), { recursive: true });
}, 300_000);

describe('the packed library', () => {
  it('ships compiled JavaScript, declarations and the data it reads, but no sources or tests', () => {
    const dist = join(project, 'node_modules/ballast/dist');
    expect(existsSync(join(dist, 'index.js'))).toBe(true);
    expect(existsSync(join(dist, 'index.d.ts'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/ballast/config/funds.yaml'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/ballast/data/demo/transactions.csv'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/ballast/src'))).toBe(false);
    const files = readdirSync(dist, { recursive: true }).map(String);
    expect(files.filter((f) => f.includes('.test.'))).toEqual([]);
  });

  it('runs `npx ballast` without a TypeScript loader', () => {
    expect(run('npx', ['--no-install', 'ballast', '--version'], project).trim()).toBe('0.1.0');
    const doc = JSON.parse(
      run(
        'npx',
        ['--no-install', 'ballast', 'positions', '--transactions', DEMO, '--format', 'json'],
        project,
      ),
    );
    // The demo ledger's realised gains (see test/cli/demo.test.ts for the arithmetic): 260.
    expect(doc.realizedTotal.total).toBe(260);
    const db = join(project, 'store.sqlite');
    run(
      'npx',
      ['--no-install', 'ballast', 'data', 'list', '--db', db, '--format', 'json'],
      project,
    );
    expect(existsSync(db)).toBe(true);
  });

  it('imports from plain Node and type-checks against the shipped declarations', () => {
    writeFileSync(
      join(project, 'use.mjs'),
      `import { positions } from 'ballast';\nconst doc = positions({ transactions: { path: ${JSON.stringify(DEMO)} } });\nconsole.log(doc.realizedTotal.total);\n`,
    );
    expect(run(process.execPath, ['use.mjs'], project).trim()).toBe('260');
    // Subpath: the two-asset tangency of docs/conventions.md, "Optimisation": μ = (.10, .08),
    // Σ = diag(.04, .01), rf = .02 → Σ⁻¹(μ − rf) = (2, 6), normalised (0.25, 0.75).
    writeFileSync(
      join(project, 'tangency.mjs'),
      [
        "import { optimizeAsync } from 'ballast/optimize';",
        'const r = await optimizeAsync({',
        "  inputs: { assets: ['A', 'B'], expectedReturnsAnnual: new Float64Array([0.1, 0.08]),",
        '    covarianceAnnual: { rows: 2, cols: 2, data: new Float64Array([0.04, 0, 0, 0.01]) },',
        '    riskFreeRateAnnual: 0.02 },',
        "  objective: { kind: 'maxSharpe' },",
        '});',
        'console.log(JSON.stringify(r.weights));',
      ].join('\n'),
    );
    const w = JSON.parse(run(process.execPath, ['tangency.mjs'], project));
    expect(w.A).toBeCloseTo(0.25, 12);
    expect(w.B).toBeCloseTo(0.75, 12);
    writeFileSync(
      join(project, 'use.ts'),
      [
        "import { positions, type PositionsDocument } from 'ballast';",
        "import { buildLedger, type LedgerResult } from 'ballast/ledger';",
        "import type { OptimizationResult } from 'ballast/optimize';",
        'const ledger: LedgerResult = buildLedger([]);',
        'const weights: OptimizationResult["weights"] | undefined = undefined;',
        'export { ledger, weights };',
        "const doc: PositionsDocument = positions({ transactions: { text: 'date,type,symbol,quantity,price,amount,fees,account,lots' } });",
        'const total: number = doc.realizedTotal.total;',
        '// @ts-expect-error the document has no such field',
        'doc.notAField;',
        'export { total };',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2023',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    expect(() => run(process.execPath, [tsc, '-p', 'tsconfig.json'], project)).not.toThrow();
  });
});
