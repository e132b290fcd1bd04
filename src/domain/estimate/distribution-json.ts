/**
 * JSON form of a {@link ReturnDistribution}: plain arrays instead of typed arrays, a schema tag,
 * everything else as is. Float64 values survive `JSON.stringify`/`JSON.parse` exactly (shortest
 * round-trip decimal), and negative zeros are already +0 in a distribution, so
 * `fromJSON(JSON.parse(JSON.stringify(toJSON(d))))` equals `d` bit for bit. The hash is kept,
 * not recomputed (the inputs are not part of the JSON).
 */

import { fromRows, toRows } from '../../core/linalg/matrix.ts';
import { invalidInput } from '../errors.ts';
import type { Warning } from '../warnings.ts';
import type { JsonValue } from './distribution-hash.ts';
import { assertReturnDistribution, type ReturnDistribution } from './distribution.ts';

/** Schema tag of the JSON form; bumped on incompatible changes. */
export const RETURN_DISTRIBUTION_SCHEMA = 'ballast.return-distribution/1';

/** The serialised distribution. */
export interface ReturnDistributionJSON {
  readonly schema: typeof RETURN_DISTRIBUTION_SCHEMA;
  readonly assets: string[];
  readonly mu: number[];
  readonly covariance: number[][];
  readonly method: {
    readonly mean: string;
    readonly covariance: string;
    readonly parameters: Readonly<Record<string, JsonValue>>;
  };
  readonly window: { readonly from: string; readonly to: string; readonly observations: number };
  readonly frequency: { readonly periodsPerYear: number };
  readonly warnings: Warning[];
  readonly inputsHash: string;
}

/** The JSON form (pass to `JSON.stringify`). */
export function returnDistributionToJSON(distribution: ReturnDistribution): ReturnDistributionJSON {
  return {
    schema: RETURN_DISTRIBUTION_SCHEMA,
    assets: [...distribution.assets],
    mu: Array.from(distribution.mu),
    covariance: toRows(distribution.covariance),
    method: distribution.method,
    window: { ...distribution.window },
    frequency: { periodsPerYear: distribution.frequency.periodsPerYear },
    warnings: [...distribution.warnings],
    inputsHash: distribution.inputsHash,
  };
}

type Json = Record<string, unknown>;

function record(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidInput(field, value, 'must be an object');
  }
  return value as Json;
}

function array(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw invalidInput(field, value, 'must be an array');
  return value as unknown[];
}

function number(value: unknown, field: string): number {
  if (typeof value !== 'number') throw invalidInput(field, value, 'must be a number');
  return value;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalidInput(field, value, 'must be a string');
  return value;
}

function jsonValue(value: unknown, field: string): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalidInput(field, value, 'must be finite');
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => jsonValue(item, `${field}[${i}]`));
  const entries = Object.entries(record(value, field));
  return Object.fromEntries(
    entries.map(([key, item]) => [key, jsonValue(item, `${field}.${key}`)]),
  );
}

/**
 * Parses and validates the JSON form (e.g. the output of `JSON.parse`). Throws `INVALID_INPUT`
 * naming the field on a wrong schema tag, shape or invariant.
 */
export function returnDistributionFromJSON(value: unknown): ReturnDistribution {
  const json = record(value, 'distribution');
  if (json.schema !== RETURN_DISTRIBUTION_SCHEMA) {
    throw invalidInput('schema', json.schema, `expected ${RETURN_DISTRIBUTION_SCHEMA}`);
  }
  const method = record(json.method, 'method');
  const window = record(json.window, 'window');
  const covarianceRows = array(json.covariance, 'covariance').map((row, i) =>
    array(row, `covariance[${i}]`).map((x, j) => number(x, `covariance[${i}][${j}]`)),
  );
  const parameters = jsonValue(method.parameters, 'method.parameters');
  const distribution: ReturnDistribution = {
    assets: array(json.assets, 'assets').map((id, i) => string(id, `assets[${i}]`)),
    mu: Float64Array.from(array(json.mu, 'mu'), (x, i) => number(x, `mu[${i}]`)),
    covariance: fromRowsChecked(covarianceRows),
    method: {
      mean: string(method.mean, 'method.mean'),
      covariance: string(method.covariance, 'method.covariance'),
      parameters: record(parameters, 'method.parameters') as Record<string, JsonValue>,
    },
    window: {
      from: string(window.from, 'window.from'),
      to: string(window.to, 'window.to'),
      observations: number(window.observations, 'window.observations'),
    },
    frequency: {
      periodsPerYear: number(
        record(json.frequency, 'frequency').periodsPerYear,
        'frequency.periodsPerYear',
      ),
    },
    warnings: array(json.warnings, 'warnings').map((w, i) => warningValue(w, `warnings[${i}]`)),
    inputsHash: string(json.inputsHash, 'inputsHash'),
  };
  assertReturnDistribution(distribution);
  return distribution;
}

function warningValue(value: unknown, field: string): Warning {
  const w = record(value, field);
  const details = jsonValue(w.details ?? {}, `${field}.details`);
  return {
    code: string(w.code, `${field}.code`),
    message: string(w.message, `${field}.message`),
    details: record(details, `${field}.details`),
  };
}

function fromRowsChecked(rows: number[][]): ReturnType<typeof fromRows> {
  try {
    return fromRows(rows);
  } catch {
    throw invalidInput(
      'covariance',
      rows.map((r) => r.length),
      'rows must have equal length',
    );
  }
}
