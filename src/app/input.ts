/**
 * Use-case inputs are validated at the use case's door by a zod schema (the same schema the
 * HTTP API publishes in its OpenAPI document). A failure is one INVALID_INPUT error naming the
 * field path (`shocks[2].size`) and the value received; every other issue is kept in `details`.
 */

import type * as z from 'zod';
import { BallastError } from '../domain/errors.ts';

/** `a.b[2].c` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'input' : out;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One issue as a field, a message and the value; a key a strict object does not know is named. */
function describeIssue(issue: z.core.$ZodIssue): {
  field: string;
  message: string;
  value?: unknown;
} {
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  if (key !== undefined) {
    const input = issue.input as Record<string, unknown> | undefined;
    return {
      field: fieldPath([...issue.path, key]),
      message: 'unknown field',
      value: input?.[key],
    };
  }
  return {
    field: fieldPath(issue.path),
    message: issue.message,
    ...('input' in issue ? { value: issue.input } : {}),
  };
}

/**
 * Parses `raw` with `schema`; returns the typed (defaulted) input or throws INVALID_INPUT
 * naming the first offending field and value (all issues in `details.issues`).
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map(describeIssue);
  const first = issues[0]!;
  throw new BallastError(
    'INVALID_INPUT',
    `${first.field}: ${first.message} (got ${describeValue(first.value)})`,
    { field: first.field, value: first.value, issues },
  );
}
