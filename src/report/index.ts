/**
 * Chart option builders (ECharts options: pure functions of domain values, no DOM, no I/O)
 * shared by the CLI's SSR rendering and the web page, and the SSR renderers themselves
 * (`render.ts`, imported separately so browser code never loads resvg).
 */

export * from './analysis.ts';
export * from './chart-style.ts';
export * from './correlation.ts';
export * from './drawdown.ts';
export * from './exposure.ts';
export * from './frontier.ts';
export * from './growth.ts';
export * from './histogram.ts';
export * from './risk-contributions.ts';
export * from './rolling.ts';
export * from './wealth-paths.ts';
