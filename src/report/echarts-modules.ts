/**
 * The ECharts chart types and components the option builders of `src/report` produce — one
 * list, registered with a renderer by each place that draws: `render.ts` (SVG, for the CLI's
 * `--chart`) and the dashboard (canvas, `web/src/charts/echarts-setup.ts`).
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

/** Every chart type and component a builder may use (pass to `echarts/core`'s `use` with a renderer). */
export const CHART_MODULES = [
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
];
