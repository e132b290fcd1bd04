/**
 * The HTTP API of Ballast: a Hono app over the use cases of `src/app` (`createApi`), served by
 * `ballast serve`. Routes live under `/api/v1`; `/api/health`, `/api/ready`, `/api/openapi.json`
 * and `/api/docs` describe the service. Every error is `{ code, message, details }` with the
 * HTTP status of its code's row in the error registry; bodies are limited in size (TOO_LARGE,
 * 413); responses carry the secure-headers defaults; CORS is not enabled (same origin only).
 * With `auth: 'required'`, `/api/v1` needs an API key; every caller is rate-limited
 * (`auth.ts`). Every request gets an id (`X-Request-Id`), a line in the log and its count and
 * latency in the metrics served at `/metrics` (`observe.ts`, `log.ts`, `metrics.ts`); with an
 * `errorReporter`, each INTERNAL failure is also reported to a Sentry-compatible service
 * (`error-report.ts`).
 *
 * @example
 * ```ts
 * const api = createApi(deps, { version: '0.1.0' });
 * const res = await api.request('/api/health'); // { status: 'ok', version: '0.1.0' }
 * ```
 */

import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from '../app/deps.ts';
import { BallastError } from '../app/errors.ts';
import { mountAnalysisRoutes } from './analysis-routes.ts';
import { mountBacktestRoutes } from './backtest-routes.ts';
import { mountSimulateRoutes } from './simulate-routes.ts';
import { guard, registerBearerScheme, type AuthMode } from './auth.ts';
import { mountDataRoutes } from './data-routes.ts';
import { mountDefinitionRoutes } from './definition-routes.ts';
import type { ErrorReporter } from './error-report.ts';
import { notFound, onError } from './errors.ts';
import { mountFundsRoutes } from './funds-routes.ts';
import { provideDeps } from './known-at.ts';
import { silentApiLogger, type ApiLogger } from './log.ts';
import { mountMetaRoutes } from './meta-routes.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { mountMetricsRoute, observe } from './observe.ts';
import { mountOptimizeRoutes } from './optimize-routes.ts';
import { mountLocationRoutes } from './location-routes.ts';
import { mountPortfolioAnalysisRoutes } from './portfolio-analysis-routes.ts';
import { mountCorporateActionRoutes } from './corporate-action-routes.ts';
import { mountPortfolioRoutes } from './portfolio-routes.ts';
import { mountRunRoutes } from './run-routes.ts';
import { mountTaxRoutes } from './tax-routes.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { readCache, type ReadCacheOptions } from './read-cache.ts';
import { mountWeb } from './web-routes.ts';

export type { AuthMode } from './auth.ts';
export type { ApiLogger } from './log.ts';
export type { Metrics } from './metrics.ts';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.ts';

/** Options of {@link createApi}. */
export interface ApiOptions {
  /** The version `/api/health` and the OpenAPI document report. */
  readonly version: string;
  /** Largest request body in bytes; default {@link DEFAULT_BODY_LIMIT}. */
  readonly bodyLimit?: number;
  /**
   * Whether `/api/v1` requires an API key (`Authorization: Bearer <key>`); default `off`.
   * `ballast serve` and {@link startServer} decide it from the host (see `server.ts`).
   */
  readonly auth?: AuthMode;
  /** The read cache of portfolio analyses (`read-cache.ts`); `false`: none. */
  readonly readCache?: ReadCacheOptions | false;
  /** Requests per caller (key, or address without keys); default {@link DEFAULT_RATE_LIMIT}; `false`: none. */
  readonly rateLimit?: RateLimitOptions | false;
  /** Where INTERNAL failures are reported (`SENTRY_DSN`, `error-report.ts`); default none. */
  readonly errorReporter?: ErrorReporter | undefined;
  /** The request log (a pino logger, or any {@link ApiLogger}); default silent. */
  readonly logger?: ApiLogger;
  /** The metrics `/metrics` serves (share them with the jobs); default a fresh {@link createMetrics}. */
  readonly metrics?: Metrics;
  /** Directory of a dashboard build to serve on every non-API path (`web-routes.ts`); default none. */
  readonly web?: string;
}

const BODILESS = new Set(['GET', 'HEAD']);

/** `middleware` on requests that may carry a body only. */
const withBody =
  (middleware: MiddlewareHandler): MiddlewareHandler =>
  (c, next) =>
    BODILESS.has(c.req.method) ? next() : middleware(c, next);

/** The default body limit: 10 MiB (a returns panel of a few hundred assets fits). */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

function tooLarge(maxSize: number): never {
  throw new BallastError('TOO_LARGE', `body: larger than the limit of ${maxSize} bytes`, {
    field: 'body',
    limit: maxSize,
  });
}

/** Builds the API over `deps` (nothing listens: serve it with `@hono/node-server`, or call `request`). */
export function createApi(deps: AppDeps, options: ApiOptions): OpenAPIHono {
  const app = new OpenAPIHono();
  const maxSize = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const auth = options.auth ?? 'off';
  const keys = guard(deps, auth, options.rateLimit);
  const metrics = options.metrics ?? createMetrics();
  app.use('*', observe(options.logger ?? silentApiLogger, metrics, options.errorReporter));
  app.use('*', secureHeaders());
  app.use('*', provideDeps(deps));
  app.use('/api/v1/*', keys);
  // A GET or HEAD has no body to limit (and looking for one builds the whole Request object).
  app.use('*', withBody(bodyLimit({ maxSize, onError: () => tooLarge(maxSize) })));
  if (options.readCache !== false) app.use('/api/v1/*', readCache(deps, options.readCache));
  registerBearerScheme(app);
  mountMetaRoutes(app, deps, { version: options.version, auth });
  mountMetricsRoute(app, metrics, keys);
  mountPortfolioRoutes(app, deps);
  mountPortfolioAnalysisRoutes(app);
  mountCorporateActionRoutes(app);
  mountTaxRoutes(app, deps);
  mountOptimizeRoutes(app);
  mountLocationRoutes(app, deps);
  mountAnalysisRoutes(app);
  mountBacktestRoutes(app);
  mountSimulateRoutes(app);
  mountDataRoutes(app, deps);
  mountFundsRoutes(app);
  mountDefinitionRoutes(app, deps);
  mountRunRoutes(app, deps);
  if (options.web !== undefined) mountWeb(app, options.web);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
