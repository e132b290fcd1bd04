/**
 * ECharts as the dashboard uses it: the core plus only the chart types and components the
 * option builders of `src/report` produce (the same set `src/report/render.ts` registers for
 * the CLI's SVG/PNG), drawn on canvas. Loaded on first use as its own chunk, so a page shows
 * its tiles and tables before the charting code arrives.
 */
import { BarChart, HeatmapChart, LineChart, ScatterChart, TreemapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  TreemapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { init };
