/**
 * Ballast's documents and charts in a Jupyter notebook (docs/notebooks/): the objects these
 * functions return display themselves through the kernel's rich-display protocol — a method
 * under `Symbol.for('Jupyter.display')` giving a MIME bundle, which Deno's Jupyter kernel
 * (`deno jupyter`) renders — and stay plain values elsewhere (`.value`, `.svg`).
 *
 * @example
 * ```ts
 * import { backtest, createDeps, systemClock } from 'ballast';
 * import { chartView, jsonView } from 'ballast/notebook';
 * const doc = await backtest({ config: { path: 'bt.yaml' }, chart: true }, deps);
 * jsonView(doc.strategies.map((s) => ({ name: s.name, twr: s.twr }))); // a JSON tree
 * chartView(doc.chart!); // the growth-of-$1 and drawdown chart, as SVG
 * ```
 */

import type { ChartOption } from './chart-style.ts';
import { renderSvg, type ChartSize } from './render.ts';

/** The key of the rich-display method the notebook kernel looks for. */
export const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

/** A MIME type → content bundle, as Jupyter's `display_data` carries it. */
export type MimeBundle = Readonly<Record<string, unknown>>;

/** A value that displays itself in a notebook. */
export interface Displayable {
  [JUPYTER_DISPLAY](): MimeBundle;
}

/** `value` made JSON-safe: typed arrays as arrays, undefined fields dropped, as the CLI prints it. */
function jsonSafe(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_, v: unknown) =>
      ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as Float64Array) : v,
    ),
  ) as unknown;
}

/**
 * A JSON view of `value` (a document of a use case, or any part of it): the notebook shows a
 * collapsible tree (`application/json`) with the pretty-printed text as its fallback.
 */
export function jsonView(value: unknown): Displayable & { readonly value: unknown } {
  const safe = jsonSafe(value);
  return {
    value: safe,
    [JUPYTER_DISPLAY]: () => ({
      'application/json': safe,
      'text/plain': JSON.stringify(safe, null, 2),
    }),
  };
}

/**
 * A chart view: `option` (a use case's `chart`, e.g. `backtest` with `chart: true`) rendered
 * to SVG once, at `size` (default 960 × 600), shown as `image/svg+xml`.
 */
export function chartView(
  option: ChartOption,
  size: ChartSize = { width: 960, height: 600 },
): Displayable & { readonly svg: string } {
  const svg = renderSvg(option, size);
  return {
    svg,
    [JUPYTER_DISPLAY]: () => ({
      'image/svg+xml': svg,
      'text/plain': `chart ${size.width}×${size.height}`,
    }),
  };
}
