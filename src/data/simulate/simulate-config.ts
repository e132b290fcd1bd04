/**
 * The Monte Carlo config (`ballast simulate --config FILE.yaml`; docs/simulate.md, "Config"):
 * YAML (or JSON) parsed into a validated {@link SimulateConfig}. A bad field is one
 * INVALID_INPUT naming the file, the field path (`withdrawal.every`) and the value. Weight keys
 * are trimmed and upper-cased (they name return columns or symbols); a `returns` path is
 * relative to the config file's directory.
 */

import { isAbsolute, resolve } from 'node:path';
import * as z from 'zod';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import { FREQUENCIES, type Frequency } from '../../domain/series/frequency.ts';
import { parseWithSchema, parseYamlText } from '../config/read-yaml.ts';

const isoDate = z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });
const symbol = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.toUpperCase());

/** Where the returns come from: a file (path or text) or symbols from the store. */
const returnsField = z.union([
  z.string().trim().min(1),
  z.strictObject({ text: z.string(), name: z.string().min(1).default('returns') }),
  z.strictObject({
    symbols: z.array(symbol).min(1),
    from: isoDate.optional(),
    to: isoDate.optional(),
    frequency: z.enum(FREQUENCIES as [Frequency, ...Frequency[]]).default('monthly'),
  }),
]);

/** The config as written (YAML keys), validated. */
export const simulateConfigSchema = z.strictObject({
  /** Wide periodic returns `date,A,B,...` (decimals), or `{ symbols, from, to, frequency }`. */
  returns: returnsField,
  /** Periods per year of the returns; inferred from the dates when absent. */
  periodsPerYear: z.number().int().min(1).max(366).optional(),
  /** Weight per column/symbol, rebalanced every period; the sum may exceed 1 (borrowing). */
  weights: z
    .record(z.string(), z.number().finite())
    .refine((w) => Object.keys(w).length > 0, { message: 'give at least one weight' }),
  method: z
    .enum(['bootstrap', 'block-bootstrap', 'normal', 'student-t', 'regime'])
    .default('bootstrap'),
  /** block-bootstrap: block length (fixed) or mean block length (stationary), periods. */
  blockLength: z.number().int().min(1).default(12),
  blockType: z.enum(['fixed', 'stationary']).default('fixed'),
  paths: z.number().int().min(1).max(1_000_000).default(10_000),
  years: z.number().int().min(1).max(100).default(30),
  initial: z.number().finite().positive(),
  /** Paid at the end of each `every` period after its returns; amount < 0 contributes. */
  withdrawal: z
    .strictObject({
      amount: z.number().finite(),
      every: z.enum(['monthly', 'quarterly', 'annual']).default('annual'),
      inflation: z.number().finite().gt(-1).default(0),
    })
    .optional(),
  /** Annual cash rate (earned on 1 − Σw > 0) and borrowing spread (paid with it on Σw − 1 > 0). */
  cash: z
    .strictObject({
      rate: z.number().finite().gt(-1).default(0),
      borrowSpread: z.number().finite().min(0).default(0),
    })
    .optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(42),
});

/** The config object a caller may pass instead of text (input form). */
export type SimulateConfigInput = z.input<typeof simulateConfigSchema>;
type Parsed = z.output<typeof simulateConfigSchema>;

/** Where the returns come from, resolved. */
export type SimulateReturnsSource =
  | { readonly kind: 'file'; readonly source: { path: string } | { text: string; name: string } }
  | {
      readonly kind: 'symbols';
      readonly symbols: readonly string[];
      readonly from?: string | undefined;
      readonly to?: string | undefined;
      readonly frequency: Frequency;
    };

/** The validated config: weights upper-cased, the returns path resolved. */
export interface SimulateConfig extends Omit<Parsed, 'returns' | 'weights'> {
  readonly returns: SimulateReturnsSource;
  /** Upper-cased key → weight, in the order written. */
  readonly weights: ReadonlyMap<string, number>;
  /** Upper-cased key → the key as written (for error paths). */
  readonly weightKeys: ReadonlyMap<string, string>;
}

/** The validated config of a parsed object (paths resolved against `baseDir`). */
export function toSimulateConfig(parsed: Parsed, baseDir: string): SimulateConfig {
  const r = parsed.returns;
  let returns: SimulateReturnsSource;
  if (typeof r === 'string')
    returns = { kind: 'file', source: { path: isAbsolute(r) ? r : resolve(baseDir, r) } };
  else if ('text' in r) returns = { kind: 'file', source: r };
  else returns = { kind: 'symbols', ...r };
  const keys = Object.keys(parsed.weights);
  return {
    ...parsed,
    returns,
    weights: new Map(keys.map((k) => [k.trim().toUpperCase(), parsed.weights[k]!])),
    weightKeys: new Map(keys.map((k) => [k.trim().toUpperCase(), k])),
  };
}

/** Parses config text read from `name` (paths relative to `baseDir`). */
export function parseSimulateConfig(text: string, name: string, baseDir: string): SimulateConfig {
  return toSimulateConfig(
    parseWithSchema(simulateConfigSchema, parseYamlText(text, name), name),
    baseDir,
  );
}
