/**
 * Which control an error belongs under. The API names the field of a bad input in
 * `details.field`: `input.<path>` when a run is refused at submission (the kind's schema),
 * `<path>` when it fails while running (e.g. `constraints.grossLeverage` without long-short), and
 * the path of a plan's body for the plan. The error goes under the control whose field is the
 * longest prefix of the path (`constraints.turnover.currentWeights.XYZ` → current weights); a
 * path no control owns is shown above the form.
 */
import { ApiError } from '../../api/client.ts';
import type { RunDocument } from '../../api/documents.ts';
import { FormError } from './problem-model.ts';

/** An error shown under a control (`field` = its API path) or above the form (`field` null). */
export interface FieldError {
  readonly field: string | null;
  readonly message: string;
  readonly code: string | null;
}

/** The control of `path` among `controls` (module comment), or null. */
export function controlOf(path: string, controls: readonly string[]): string | null {
  const bare = path.startsWith('input.') ? path.slice('input.'.length) : path;
  let best: string | null = null;
  for (const control of controls) {
    const owns =
      bare === control || bare.startsWith(`${control}.`) || bare.startsWith(`${control}[`);
    if (owns && (best === null || control.length > best.length)) best = control;
  }
  return best;
}

/** The field error of a thrown error (an {@link ApiError}, a {@link FormError}, anything else). */
export function fieldErrorOf(error: unknown, controls: readonly string[]): FieldError {
  if (error instanceof FormError)
    return { field: controlOf(error.field, controls), message: error.message, code: null };
  if (error instanceof ApiError) {
    const field = error.field === undefined ? null : controlOf(error.field, controls);
    return { field, message: error.message, code: error.code };
  }
  return {
    field: null,
    message: error instanceof Error ? error.message : String(error),
    code: null,
  };
}

/** The field error of a failed run whose error names a field a control owns, else null. */
export function runFieldError(
  run: RunDocument | undefined,
  controls: readonly string[],
): FieldError | null {
  if (run?.status !== 'failed' || run.error === null) return null;
  const path = run.error.details['field'];
  if (typeof path !== 'string') return null;
  const field = controlOf(path, controls);
  return field === null ? null : { field, message: run.error.message, code: run.error.code };
}
