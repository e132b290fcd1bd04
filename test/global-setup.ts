/**
 * Builds dist/ (incrementally), the bundled CLI and the dashboard (web/dist) before the suite,
 * so tests that run the `ballast` executable, pack the library or drive the dashboard in a
 * browser exercise the current sources, never a stale build.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const require = createRequire(import.meta.url);
  const tsc = require.resolve('typescript/bin/tsc');
  // WebAssembly binaries from their text (src/**/*.wat → *.wasm), used by src/ and dist/.
  execFileSync(process.execPath, ['scripts/build-wasm.mjs'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The bundled CLI that bin/ballast.mjs runs (dist/bin/).
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--dist'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The dashboard the server serves (web/dist/).
  execFileSync(
    process.execPath,
    [
      join(dirname(require.resolve('vite/package.json')), 'bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
    ],
    // vitest sets NODE_ENV=test, which would make Vite build React's development bundle.
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}
