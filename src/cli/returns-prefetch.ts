/**
 * Commands that read a returns file start reading it while their modules load: the value of
 * `--returns` is found in the raw arguments and handed to the app's prefetch (a hint that never
 * changes a result; the command parses its flags as usual).
 */

import { prefetchReturnsFile } from '../app/returns-prefetch.ts';

/** The value of `flag` in `args` (`--flag VALUE` or `--flag=VALUE`), before any `--`. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return undefined;
    if (arg === flag) {
      const next = args[i + 1];
      return next === undefined || next.startsWith('-') ? undefined : next;
    }
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/**
 * Starts reading the `--returns` file of `args`, if any (see the module comment), at once: the
 * prefetch's module is small and imported with the command table, so the worker thread starts
 * before anything else loads.
 */
export function prefetchReturnsFlag(args: readonly string[]): Promise<void> {
  const path = flagValue(args, '--returns');
  if (path === undefined || path === '') return Promise.resolve();
  try {
    prefetchReturnsFile(path);
  } catch {
    // Only a hint: the command reads the file as usual.
  }
  return Promise.resolve();
}
