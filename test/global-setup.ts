/**
 * Builds dist/ (incrementally) and the bundled CLI before the suite, so tests that run the
 * `ballast` executable or pack the library exercise the compiled JavaScript of the current
 * sources, never a stale build.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The bundled CLI that bin/ballast.mjs runs (dist/bin/).
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
}
