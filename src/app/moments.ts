/**
 * Moments files: the JSON `ballast estimate --format json` prints (and `estimate universe`),
 * read back as the optimiser's input, so an estimate made once — with any covariance and mean
 * model — can be reused by `optimize`, `frontier` and `plan`. The shape is documented in
 * docs/moments.md; the fields read are
 *
 * - `assets`: asset ids (unique, non-empty), the order of everything else;
 * - `mu`: expected returns, annual decimals — an object keyed by asset (as `estimate` prints
 *   it) or an array in asset order;
 * - `covariance`: n × n rows, annual (decimal² per year), symmetric, PSD;
 * - `riskFreeRateAnnual` (optional): annual decimal.
 *
 * Every other field (`volatility`, `correlation`, `method`, `window`, `warnings`,
 * `inputsHash`, …) is ignored. A covariance that is not positive semidefinite is refused
 * rather than repaired: a hand-edited file must be fixed by its author.
 *
 * @example
 * ```ts
 * const m = readMoments({ path: 'moments.json' });
 * m.expectedReturnsAnnual; // Float64Array in m.assets order
 * ```
 */

import * as z from 'zod';
import { matrix, type Matrix } from '../core/linalg/matrix.ts';
import { isPositiveSemidefinite } from '../core/linalg/positive-semidefinite.ts';
import { invalidInput } from '../domain/errors.ts';
import { assertCovariance } from '../domain/estimate/distribution-validate.ts';
import { parseInput } from './input.ts';
import { finiteSchema } from './schemas.ts';
import { readSource, textSourceSchema, type TextSource } from './sources.ts';

/** Annual moments of a set of assets: what an optimiser takes. */
export interface Moments {
  /** Asset ids, the order of μ and of Σ's rows and columns. */
  readonly assets: readonly string[];
  /** μ, annual decimals. */
  readonly expectedReturnsAnnual: Float64Array;
  /** Σ, annual (decimal² per year), n × n row-major, symmetric PSD. */
  readonly covarianceAnnual: Matrix;
  /** Annual risk-free rate, when the file states one. */
  readonly riskFreeRateAnnual?: number;
}

/** The fields of a moments document that are read (others are allowed and ignored). */
export const momentsDocumentSchema = z
  .object({
    assets: z.array(z.string().min(1)).min(1),
    mu: z.union([z.record(z.string(), finiteSchema), z.array(finiteSchema)]),
    covariance: z.array(z.array(finiteSchema)),
    riskFreeRateAnnual: finiteSchema.optional(),
  })
  .superRefine((doc, ctx) => {
    const n = doc.assets.length;
    doc.assets.forEach((a, i) => {
      if (doc.assets.indexOf(a) !== i)
        ctx.addIssue({ code: 'custom', path: ['assets', i], message: 'appears twice', input: a });
    });
    if (Array.isArray(doc.mu)) {
      if (doc.mu.length !== n)
        ctx.addIssue({
          code: 'custom',
          path: ['mu'],
          message: `expected ${n} values, one per asset`,
          input: doc.mu.length,
        });
    } else {
      for (const a of doc.assets)
        if (!(a in doc.mu))
          ctx.addIssue({ code: 'custom', path: ['mu', a], message: 'missing for this asset' });
      for (const key of Object.keys(doc.mu))
        if (!doc.assets.includes(key))
          ctx.addIssue({ code: 'custom', path: ['mu', key], message: 'not one of the assets' });
    }
    if (doc.covariance.length !== n)
      ctx.addIssue({
        code: 'custom',
        path: ['covariance'],
        message: `expected ${n} rows`,
        input: doc.covariance.length,
      });
    doc.covariance.forEach((row, i) => {
      if (row.length !== n)
        ctx.addIssue({
          code: 'custom',
          path: ['covariance', i],
          message: `expected ${n} values`,
          input: row.length,
        });
    });
  });

/** A moments document before validation. */
export type MomentsDocumentInput = z.input<typeof momentsDocumentSchema>;

/**
 * Validates a parsed moments document (see the module comment) and returns its {@link Moments}.
 * Throws INVALID_INPUT naming the field (`covariance[1][0]`, `mu.SPY`, …).
 */
export function momentsFromDocument(value: unknown): Moments {
  const doc = parseInput(momentsDocumentSchema, value);
  const n = doc.assets.length;
  const mu = doc.mu;
  const expectedReturnsAnnual = Array.isArray(mu)
    ? Float64Array.from(mu)
    : Float64Array.from(doc.assets, (a) => mu[a]!);
  const covarianceAnnual = matrix(n, n, Float64Array.from(doc.covariance.flat()));
  assertCovariance(covarianceAnnual, n, 'covariance');
  if (!isPositiveSemidefinite(covarianceAnnual))
    throw invalidInput('covariance', `${n}×${n}`, 'must be positive semidefinite');
  return {
    assets: doc.assets,
    expectedReturnsAnnual,
    covarianceAnnual,
    ...(doc.riskFreeRateAnnual === undefined ? {} : { riskFreeRateAnnual: doc.riskFreeRateAnnual }),
  };
}

/** Input of {@link readMoments}. */
export const momentsSourceSchema = textSourceSchema;

/**
 * Reads a moments file (JSON; see the module comment). A file that is not JSON is
 * INVALID_INPUT naming it; a missing file is NOT_FOUND naming `field`.
 */
export function readMoments(source: TextSource, field = 'moments'): Moments {
  const { text, name } = readSource(parseInput(momentsSourceSchema, source), field);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw invalidInput(field, name, `not JSON (${(e as Error).message})`);
  }
  return momentsFromDocument(value);
}
