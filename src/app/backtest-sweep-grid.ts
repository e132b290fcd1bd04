/**
 * The grid of a backtest sweep (docs/backtest.md, "Sweeps"): each `--sweep PATH=v1,v2,…` is an
 * axis; PATH is a dotted path into every strategy of the config (`bands.absolute`,
 * `weights.A`), into one strategy (`strategies[1].costBps`, `strategies[60-40].rebalance`), or
 * into the config's shared money (`cash.rate`, `cash.borrowSpread`, `initial`). Each strategy
 * runs once per combination of the axes that reach it; every variant is the config with those
 * values set, checked by the config's own schema, and named after them
 * (`60-40 [bands.absolute=0.05, weights.A=1.25]`). A bad axis or value is one INVALID_INPUT
 * naming `sweep[i]`, the axis as written and the value.
 */

import * as z from 'zod';
import {
  backtestConfigSchema,
  toBacktestConfig,
  type BacktestStrategyConfig,
} from '../data/backtest/backtest-config.ts';
import { parseYamlText } from '../data/config/read-yaml.ts';
import {
  gridCombinations,
  gridSize,
  rangeValues,
  variantName,
  MAX_RANGE_VALUES,
} from '../domain/backtest/sweep.ts';
import { BallastError } from '../domain/errors.ts';
import { fieldPath } from './input.ts';

/** One axis as given: `PATH=v1,v2,…` (CLI), or a path and its values (API, library). */
export const sweepAxisSchema = z.union([
  z.string().min(1),
  z.strictObject({ path: z.string().trim().min(1), values: z.array(z.unknown()).min(1) }),
]);

/** Most variants one sweep may have. */
export const MAX_VARIANTS = 100_000;

/** Top-level config fields a sweep may set (shared by every strategy of a variant). */
const CONFIG_KEYS = new Set(['cash', 'initial']);
/** Fields every variant must share: the price matrix and its window. */
const SHARED_KEYS = new Set(['prices', 'symbols', 'start', 'end', 'benchmark']);

/** Which config an axis sets: the shared money, every strategy, or one strategy. */
type Target =
  { readonly kind: 'config' } | { readonly kind: 'strategy'; readonly strategy: number | null };

/** One value of an axis: as written (for names) and as parsed. */
export interface AxisValue {
  readonly text: string;
  readonly value: unknown;
}

/** An axis resolved against the config. */
export interface SweepAxis {
  /** Position in the input's `sweep` list (`sweep[i]` in errors). */
  readonly index: number;
  /** The axis as written (`bands.absolute=0.02,0.05`). */
  readonly written: string;
  /** How the axis appears in variant names and `params` (`bands.absolute`). */
  readonly label: string;
  readonly target: Target;
  /** Keys from the target object (the strategy, or the config) to the field set. */
  readonly keys: readonly string[];
  readonly values: readonly AxisValue[];
}

/** One variant: a strategy of the config with one value of each axis that reaches it. */
export interface SweepVariant {
  readonly name: string;
  /** The strategy's name in the config and its position there. */
  readonly strategy: string;
  readonly strategyIndex: number;
  /** Axis label → value, in axis order. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly config: BacktestStrategyConfig;
  readonly initial: number;
  readonly cash: { readonly rate: number; readonly borrowSpread: number };
}

/** The config as read (before validation), with where it came from. */
export interface RawConfig {
  readonly data: Record<string, unknown>;
  /** The file or name cited in errors. */
  readonly name: string;
  /** Directory a relative `prices` path is resolved against. */
  readonly baseDir: string;
}

/** The INVALID_INPUT of an axis: `sweep[i]: AXIS AS WRITTEN: why (got value)`. */
export function sweepAxisError(
  axis: { readonly index: number; readonly written: string },
  why: string,
  value: unknown,
): BallastError {
  const { index, written } = axis;
  const field = `sweep[${index}]`;
  return new BallastError(
    'INVALID_INPUT',
    `${field}: ${written}: ${why} (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`,
    { field, value, sweep: written },
  );
}

/** Splits at the commas outside brackets, braces and quotes (`{a: 1, b: 2},3` is two items). */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim());
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const RANGE = new RegExp(`^(${NUMBER}):(${NUMBER}):(${NUMBER})$`);

/** The values of `PATH=…` text: YAML scalars (or flow maps/lists), and ranges `FROM:TO:STEP`. */
function parseValues(index: number, written: string, text: string): AxisValue[] {
  const out: AxisValue[] = [];
  for (const item of splitTopLevel(text)) {
    if (item === '') throw sweepAxisError({ index, written }, 'an empty value', text);
    const range = RANGE.exec(item);
    if (range) {
      const values = rangeValues(Number(range[1]), Number(range[2]), Number(range[3]));
      if (values === null)
        throw sweepAxisError(
          { index, written },
          `a range FROM:TO:STEP needs STEP > 0, TO ≥ FROM and at most ${MAX_RANGE_VALUES.toLocaleString('en-US')} values`,
          item,
        );
      out.push(...values.map((v) => ({ text: String(v), value: v })));
      continue;
    }
    let value: unknown;
    try {
      value = parseYamlText(item, `sweep[${index}]`);
    } catch {
      throw sweepAxisError({ index, written }, 'not a YAML value', item);
    }
    out.push({ text: item, value });
  }
  return out;
}

/** The path's target and keys (module comment); `names` are the config's strategy names. */
function resolvePath(
  axis: { readonly index: number; readonly written: string },
  path: string,
  names: readonly string[],
): { target: Target; keys: string[]; label: string } {
  const fail = (why: string): BallastError => sweepAxisError(axis, why, path);
  let target: Target = { kind: 'strategy', strategy: null };
  let rest = path;
  const one = /^strategies\[([^\]]*)\](?:\.(.*))?$/.exec(path);
  if (one) {
    const key = one[1]!.trim();
    const strategy = /^\d+$/.test(key) ? Number(key) : names.indexOf(key);
    if (strategy < 0 || strategy >= names.length)
      throw fail(`no strategy ${key} (the config has ${names.map((n) => `"${n}"`).join(', ')})`);
    if (one[2] === undefined)
      throw fail('a whole strategy cannot be swept: name one of its fields');
    target = { kind: 'strategy', strategy };
    rest = one[2];
  } else if (path.split('.')[0] === 'strategies' || path.startsWith('strategies['))
    throw fail('one strategy is strategies[INDEX].FIELD or strategies[NAME].FIELD');
  const keys = rest.startsWith('weights.')
    ? ['weights', rest.slice('weights.'.length).trim()]
    : rest.split('.').map((k) => k.trim());
  if (keys.some((k) => k === '')) throw fail('an empty key in the path');
  const first = keys[0]!;
  if (target.kind === 'strategy' && target.strategy === null && CONFIG_KEYS.has(first))
    target = { kind: 'config' };
  else if (SHARED_KEYS.has(first))
    throw fail(`${first} cannot be swept: every variant shares the prices and the window`);
  else if (first === 'name')
    throw fail('the name cannot be swept: each variant is named after its values');
  return { target, keys, label: one ? rest : path };
}

/** The key under which `keys` are compared (weight symbols are case-insensitive). */
const normal = (keys: readonly string[]): string[] =>
  keys.map((k, i) => (i === 1 && keys[0] === 'weights' ? k.toUpperCase() : k));

/** Whether two axes set the same field (or one a field inside the other's) of a config. */
function overlaps(a: SweepAxis, b: SweepAxis): boolean {
  if (a.target.kind !== b.target.kind) return false;
  if (a.target.kind === 'strategy' && b.target.kind === 'strategy') {
    const [x, y] = [a.target.strategy, b.target.strategy];
    if (x !== null && y !== null && x !== y) return false;
  }
  const [p, q] = [normal(a.keys), normal(b.keys)];
  const n = Math.min(p.length, q.length);
  return p.slice(0, n).every((k, i) => k === q[i]);
}

/**
 * The axes of `specs` against the config (module comment).
 *
 * @throws BallastError INVALID_INPUT naming `sweep[i]` for a malformed axis, a path the sweep
 *   may not set, an unknown strategy, repeated values, or two axes setting the same field.
 */
export function resolveAxes(
  specs: readonly z.output<typeof sweepAxisSchema>[],
  names: readonly string[],
): SweepAxis[] {
  const axes: SweepAxis[] = [];
  specs.forEach((spec, index) => {
    let written: string;
    let path: string;
    let values: AxisValue[];
    if (typeof spec === 'string') {
      written = spec.trim();
      const eq = written.indexOf('=');
      if (eq <= 0 || eq === written.length - 1)
        throw sweepAxisError(
          { index, written },
          'expected PATH=v1,v2,… (or PATH=FROM:TO:STEP)',
          spec,
        );
      path = written.slice(0, eq).trim();
      values = parseValues(index, written, written.slice(eq + 1));
    } else {
      path = spec.path;
      values = spec.values.map((value) => ({
        text: typeof value === 'string' ? value : JSON.stringify(value),
        value,
      }));
      written = `${path}=${values.map((v) => v.text).join(',')}`;
    }
    const seen = new Set<string>();
    for (const v of values) {
      const keys = [`=${JSON.stringify(v.value)}`, `"${v.text}`];
      if (keys.some((k) => seen.has(k)))
        throw sweepAxisError({ index, written }, 'the same value twice', v.value);
      for (const k of keys) seen.add(k);
    }
    const axis: SweepAxis = {
      index,
      written,
      values,
      ...resolvePath({ index, written }, path, names),
    };
    const clash = axes.find((other) => overlaps(other, axis));
    if (clash)
      throw sweepAxisError(
        { index, written },
        `sets the same field as sweep[${clash.index}]`,
        clash.written,
      );
    axes.push(axis);
  });
  return axes;
}

const isMapping = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Sets `value` at `keys` inside `target` (a clone), creating mappings on the way. */
function setAt(
  target: Record<string, unknown>,
  axis: SweepAxis,
  set: { readonly value: unknown; readonly where: string },
): void {
  const { value, where } = set;
  let node = target;
  const { keys } = axis;
  for (let i = 0; i < keys.length - 1; i++) {
    const child = node[keys[i]!];
    if (child === undefined) node[keys[i]!] = {};
    else if (!isMapping(child))
      throw sweepAxisError(
        axis,
        `${where === '' ? '' : `${where}.`}${keys.slice(0, i + 1).join('.')} is not a mapping`,
        child,
      );
    node = node[keys[i]!] as Record<string, unknown>;
  }
  let last = keys.at(-1)!;
  if (keys.length === 2 && keys[0] === 'weights')
    last = Object.keys(node).find((k) => k.trim().toUpperCase() === last.toUpperCase()) ?? last;
  node[last] = isMapping(value) || Array.isArray(value) ? structuredClone(value) : value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The error of a variant the config's schema refuses: it names the axis that set the field. */
function variantError(
  error: z.ZodError,
  data: unknown,
  variant: { name: string; strategy: number; axes: readonly SweepAxis[]; values: unknown[] },
): BallastError {
  const issue = error.issues[0]!;
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  const value = valueAt(data, path);
  if (path[0] === 'strategies' && path[1] === 0) path[1] = variant.strategy;
  const field = fieldPath(path);
  const why = `${field}: ${issue.message}`;
  const at = (axis: SweepAxis): string[] =>
    axis.target.kind === 'config'
      ? [...axis.keys]
      : ['strategies', String(variant.strategy), ...axis.keys];
  const text = path.map(String);
  const blamed = variant.axes.findIndex((axis) => {
    const p = at(axis);
    const n = Math.min(p.length, text.length);
    return p.slice(0, n).every((k, i) => k === text[i]);
  });
  if (blamed >= 0) {
    const axis = variant.axes[blamed]!;
    return sweepAxisError(axis, why, variant.values[blamed]);
  }
  return new BallastError(
    'INVALID_INPUT',
    `sweep: the variant ${variant.name}: ${why} (got ${JSON.stringify(value)})`,
    { field: 'sweep', value, variant: variant.name, configField: field },
  );
}

/**
 * Every variant of `axes` over the config `raw` (module comment): strategy by strategy, the
 * combinations of the axes that reach it in odometer order (the first axis varying slowest).
 *
 * @throws BallastError INVALID_INPUT naming the axis (`sweep[i]`) and the value for a variant
 *   the config's schema refuses, or `sweep` for more than {@link MAX_VARIANTS} variants.
 */
export function expandSweep(raw: RawConfig, axes: readonly SweepAxis[]): SweepVariant[] {
  const strategies = raw.data['strategies'] as Record<string, unknown>[];
  const reaching = strategies.map((_, s) =>
    axes.filter(
      (a) => a.target.kind === 'config' || a.target.strategy === null || a.target.strategy === s,
    ),
  );
  const total = reaching.reduce((n, r) => n + gridSize(r.map((a) => a.values.length)), 0);
  if (total > MAX_VARIANTS)
    throw new BallastError(
      'INVALID_INPUT',
      `sweep: ${total.toLocaleString('en-US')} variants; a sweep runs at most ${MAX_VARIANTS.toLocaleString('en-US')}`,
      { field: 'sweep', value: total },
    );
  const out: SweepVariant[] = [];
  strategies.forEach((rawStrategy, s) => {
    const mine = reaching[s]!;
    const baseName = String(rawStrategy['name']).trim();
    for (const combo of gridCombinations(mine.map((a) => a.values.length))) {
      const chosen = combo.map((i, a) => mine[a]!.values[i]!);
      const name = variantName(
        baseName,
        mine.map((a, k) => ({ label: a.label, text: chosen[k]!.text })),
      );
      const strategy = structuredClone(rawStrategy);
      const shared: Record<string, unknown> = {};
      for (const key of CONFIG_KEYS)
        if (raw.data[key] !== undefined) shared[key] = structuredClone(raw.data[key]);
      mine.forEach((axis, k) => {
        const value = chosen[k]!.value;
        if (axis.target.kind === 'config') setAt(shared, axis, { value, where: '' });
        else setAt(strategy, axis, { value, where: `strategies[${s}]` });
      });
      strategy['name'] = name;
      const data = { ...raw.data, ...shared, strategies: [strategy] };
      const parsed = backtestConfigSchema.safeParse(data);
      if (!parsed.success)
        throw variantError(parsed.error, data, {
          name,
          strategy: s,
          axes: mine,
          values: chosen.map((c) => c.value),
        });
      const config = toBacktestConfig(parsed.data, raw.baseDir);
      out.push({
        name,
        strategy: baseName,
        strategyIndex: s,
        params: Object.fromEntries(mine.map((a, k) => [a.label, chosen[k]!.value])),
        config: config.strategies[0]!,
        initial: config.initial,
        cash: config.cash,
      });
    }
  });
  return out;
}
