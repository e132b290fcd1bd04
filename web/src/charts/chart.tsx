/**
 * `<Chart option={…} />`: one ECharts instance over an option built by `src/report` (the same
 * builders as the CLI's `--chart`). The option is adapted to the screen and theme
 * ({@link forScreen}); the chart follows its box's size. `label` is read by screen readers.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChartOption } from '../../../src/report/chart-style.ts';
import { useTheme, type Theme } from '../theme.ts';
import type { init } from './echarts-setup.ts';

type Instance = ReturnType<typeof init>;

/** Light-theme colours the builders use, and what they become on a dark page. */
const DARK: Record<string, string> = {
  '#ffffff': 'transparent',
  '#1f2937': '#e5e7eb',
  '#374151': '#d1d5db',
  '#4b5563': '#9ca3af',
  '#6b7280': '#9ca3af',
  '#e5e7eb': '#374151',
};

function recolour(value: unknown, map: Record<string, string>): unknown {
  if (typeof value === 'string') return map[value.toLowerCase()] ?? value;
  if (Array.isArray(value)) return value.map((v) => recolour(v, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, recolour(v, map)]));
  }
  return value;
}

/**
 * A builder's option as the dashboard draws it: transparent background (the panel's shows),
 * the chart's own title dropped when the panel already names it, dark colours on a dark page.
 */
export function forScreen(option: ChartOption, theme: Theme, keepTitle: boolean): ChartOption {
  const adapted = { ...option, backgroundColor: 'transparent' } as ChartOption;
  if (!keepTitle) {
    const title = option.title;
    if (title !== undefined && !Array.isArray(title)) adapted.title = { ...title, show: false };
  }
  return theme === 'dark' ? (recolour(adapted, DARK) as ChartOption) : adapted;
}

export interface ChartProps {
  readonly option: ChartOption;
  /** What the chart shows, for screen readers. */
  readonly label: string;
  /** CSS height; default 320px. */
  readonly height?: string;
  /** Keep the builder's title (default false: the panel heading names the chart). */
  readonly keepTitle?: boolean;
}

/** An ECharts chart (see the module comment). */
export function Chart({ option, label, height = '320px', keepTitle = false }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const theme = useTheme();
  const [failed, setFailed] = useState<string | null>(null);
  // The option of the latest render: the instance, made once ECharts has loaded, starts from it
  // (the option may have changed while the chunk was on its way).
  const latest = useRef({ option, theme, keepTitle });
  latest.current = { option, theme, keepTitle };

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts-setup.ts')
      .then(({ init }) => {
        if (disposed || box.current === null) return;
        chart.current = init(box.current, null, { renderer: 'canvas' });
        const now = latest.current;
        chart.current.setOption(forScreen(now.option, now.theme, now.keepTitle), true);
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(box.current);
      })
      .catch((error: unknown) => setFailed(String(error)));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The instance is made once; option and theme changes go through setOption below.
  }, []);

  useEffect(() => {
    chart.current?.setOption(forScreen(option, theme, keepTitle), true);
  }, [option, theme, keepTitle]);

  if (failed !== null) return <p className="error">The chart could not be drawn: {failed}</p>;
  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />;
}
