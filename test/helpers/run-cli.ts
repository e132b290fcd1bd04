import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processRuntime, type Runtime } from '../../src/cli/context.ts';
import { main } from '../../src/cli/main.ts';

/** Result of one in-process CLI run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * This test file's own data directory: commands that value a portfolio read the default store
 * when no `--db` is given, and test files run in parallel — each gets its own empty default
 * store (created on first use) instead of several processes migrating one file at once.
 */
const dataHome = mkdtempSync(join(tmpdir(), 'ballast-test-home-cli-'));

/**
 * The process runtime without `DATABASE_URL` / `BALLAST_DB`: a CLI test reaches a store only
 * through an explicit `--db`, never the shared server database CI names for the store contract
 * tests (a command opening the default store there once left tables in its public schema); the
 * default store is in {@link dataHome}.
 */
function testRuntime(): Runtime {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'DATABASE_URL' && name !== 'BALLAST_DB',
    ),
  );
  return { ...processRuntime(), env: { ...env, XDG_DATA_HOME: dataHome } };
}

/** Runs `ballast <args>` in-process through the real entry point, capturing output. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'ballast', ...args],
    {
      out: (t) => (stdout += t.endsWith('\n') ? t : `${t}\n`),
      err: (t) => (stderr += t.endsWith('\n') ? t : `${t}\n`),
    },
    testRuntime(),
  );
  return { code, stdout, stderr };
}

/** Writes `files` (name → content) into a fresh temporary directory and returns their paths. */
export function tempFiles(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-test-'));
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return [name, path];
    }),
  );
}
