/**
 * A sweep spread over a job queue's workers is prepared (its config read, its prices parsed)
 * once per thread for all the pieces the thread executes, and for the run that spreads them:
 * the last one is kept, by its input's canonical JSON (a store may reorder an input's keys), and
 * forgotten after a minute without use so that an idle worker does not hold its prices.
 */

import { createHash } from 'node:crypto';
import { canonicalJson } from '../data/store/run-rows.ts';

let last: { readonly key: string; readonly value: Promise<unknown> } | undefined;
let forget: ReturnType<typeof setTimeout> | undefined;

/** What `prepare` gives for `raw`, computed once while `raw` is the last input asked for. */
export async function preparedOnce<T>(raw: unknown, prepare: () => Promise<T>): Promise<T> {
  const key = createHash('sha256').update(canonicalJson(raw)).digest('hex');
  if (last?.key !== key) last = { key, value: prepare() };
  clearTimeout(forget);
  forget = setTimeout(() => (last = undefined), 60_000).unref();
  const entry = last;
  return (entry.value as Promise<T>).catch((error: unknown) => {
    if (last === entry) last = undefined;
    throw error;
  });
}
