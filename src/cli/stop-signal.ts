/** Long-running commands (`serve`, `worker`): their stop signal and their integer flags. */

import { invalidInput } from '../app/errors.ts';

/** Resolves with the name of the first SIGINT or SIGTERM. */
export function nextStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `value` as an integer from `min` to `max`, or INVALID_INPUT naming `flag`. */
export function integerFlag(flag: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max)
      throw invalidInput(flag, value, `expected an integer from ${min} to ${max}`);
    return n;
  };
}
