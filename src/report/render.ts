/**
 * Server-side rendering of chart options: SVG through ECharts' SSR mode (no DOM, no canvas)
 * and PNG by rasterising that SVG with resvg. PNG text uses the Arimo TTFs shipped by the
 * `@expo-google-fonts/arimo` package (SIL OFL 1.1), never system fonts, so a machine without
 * fonts renders the same picture; Arimo has Arial's metrics, which ECharts' SSR text
 * measurement assumes (see `chart-style.ts`).
 */

import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_MODULES } from './echarts-modules.ts';
import { invalidInput } from '../domain/errors.ts';
import type { ChartOption } from './chart-style.ts';

use([...CHART_MODULES, SVGRenderer]);

/** Pixel size of a rendered chart. */
export interface ChartSize {
  /** Width in CSS pixels (integer 100..10000). */
  readonly width: number;
  /** Height in CSS pixels (integer 100..10000). */
  readonly height: number;
}

/** Default size of CLI charts (pixels). */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 960, height: 600 };

function checkSize(size: ChartSize): void {
  for (const key of ['width', 'height'] as const) {
    const v = size[key];
    if (!Number.isInteger(v) || v < 100 || v > 10_000)
      throw invalidInput(key, v, 'must be an integer number of pixels in 100..10000');
  }
}

/**
 * Renders `option` to an SVG document string at `size` with animation off; the chart
 * instance is always disposed. Throws `INVALID_INPUT` on a bad size.
 */
export function renderSvg(option: ChartOption, size: ChartSize): string {
  checkSize(size);
  const chart = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const require = createRequire(import.meta.url);

/** Paths of the Arimo regular and bold TTFs resvg loads. */
export function chartFontFiles(): string[] {
  return ['400Regular/Arimo_400Regular.ttf', '700Bold/Arimo_700Bold.ttf'].map((file) =>
    require.resolve(`@expo-google-fonts/arimo/${file}`),
  );
}

/**
 * Rasterises an SVG document to PNG bytes at the SVG's own size (1 SVG pixel = 1 PNG
 * pixel) with the Arimo fonts (system fonts are not loaded).
 */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: chartFontFiles(),
      defaultFontFamily: 'Arimo',
      sansSerifFamily: 'Arimo',
    },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
