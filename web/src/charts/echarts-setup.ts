/**
 * ECharts as the dashboard uses it: the core plus only the chart types and components the
 * option builders of `src/report` produce (`CHART_MODULES`, the list `src/report/render.ts`
 * registers for the CLI's SVG/PNG), drawn on canvas. Loaded on first use as its own chunk, so a
 * page shows its tiles and tables before the charting code arrives.
 */
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CHART_MODULES } from '../../../src/report/echarts-modules.ts';

use([...CHART_MODULES, CanvasRenderer]);

export { init };
