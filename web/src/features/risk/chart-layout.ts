/**
 * The option builders' charts as the Risk page lays them out (see {@link laidOut}): presentation
 * only, never a figure changed.
 */
import type { ChartOption } from '../../../../src/report/chart-style.ts';

/** An axis of an option with `patch` merged into its label (a single axis only). */
function axisWith(
  axis: ChartOption['xAxis'],
  patch: Record<string, unknown>,
): ChartOption['xAxis'] {
  if (axis === undefined || Array.isArray(axis)) return axis;
  const label = (axis as { axisLabel?: Record<string, unknown> }).axisLabel ?? {};
  return { ...axis, axisLabel: { ...label, ...patch } };
}

/**
 * A builder's option as the page lays it out: no room for the title strip (the panel names the
 * chart), category labels on the x axis slanted (long exposure names), and on a narrow screen
 * shorter labels, a narrower right margin and no value labels on bars (the table beside gives
 * them).
 */
export function laidOut(option: ChartOption, narrow: boolean): ChartOption {
  const grid = option.grid;
  const categoryX = (option.xAxis as { type?: string } | undefined)?.type === 'category';
  const adapted = {
    ...option,
    grid:
      grid !== undefined && !Array.isArray(grid)
        ? { ...grid, top: 16, ...(narrow ? { left: 4, right: 64 } : {}) }
        : grid,
    xAxis: categoryX ? axisWith(option.xAxis, { rotate: 30, width: 100 }) : option.xAxis,
  } as ChartOption;
  if (!narrow) return adapted;
  const series = Array.isArray(adapted.series) ? adapted.series : [];
  return {
    ...adapted,
    yAxis: axisWith(adapted.yAxis as ChartOption['xAxis'], { width: 84, fontSize: 11 }),
    xAxis: axisWith(
      adapted.xAxis,
      categoryX ? { fontSize: 11, rotate: 45, width: 80 } : { fontSize: 11, hideOverlap: true },
    ),
    series: series.map((one) =>
      one.type === 'bar' && Array.isArray(one.data)
        ? {
            ...one,
            data: (one.data as Record<string, unknown>[]).map((d) => ({
              ...d,
              label: { show: false },
            })),
          }
        : one,
    ),
  } as ChartOption;
}
