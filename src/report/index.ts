/**
 * Chart option builders (ECharts options: pure functions of domain values, no DOM, no I/O)
 * shared by the CLI's SSR rendering and the web page, and the SSR renderers themselves
 * (`render.ts`, imported separately so browser code never loads resvg).
 */

export * from './analysis';
export * from './chart-style';
export * from './correlation';
export * from './drawdown';
export * from './exposure';
export * from './frontier';
export * from './growth';
export * from './histogram';
export * from './risk-contributions';
export * from './rolling';
export * from './wealth-paths';
