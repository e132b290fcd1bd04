import { describe, expect, it } from 'vitest';
import { chartView, JUPYTER_DISPLAY, jsonView } from './notebook.ts';

describe('notebook views', () => {
  it('jsonView gives application/json with typed arrays as arrays and text as its fallback', () => {
    const view = jsonView({ a: Float64Array.of(1, 2), b: undefined, c: 'x' });
    const bundle = view[JUPYTER_DISPLAY]();
    expect(bundle['application/json']).toEqual({ a: [1, 2], c: 'x' });
    expect(bundle['text/plain']).toBe('{\n  "a": [\n    1,\n    2\n  ],\n  "c": "x"\n}');
    expect(JUPYTER_DISPLAY).toBe(Symbol.for('Jupyter.display'));
  });

  it('chartView renders the option to an SVG document once, shown as image/svg+xml', () => {
    const view = chartView(
      {
        xAxis: { type: 'category', data: ['a', 'b'] },
        yAxis: { type: 'value' },
        series: [{ type: 'line', data: [1, 2] }],
      },
      { width: 300, height: 200 },
    );
    const bundle = view[JUPYTER_DISPLAY]();
    expect(bundle['image/svg+xml']).toBe(view.svg);
    expect(view.svg).toMatch(/^<svg[^>]* width="300" height="200"/);
    expect(bundle['text/plain']).toBe('chart 300×200');
  });
});
