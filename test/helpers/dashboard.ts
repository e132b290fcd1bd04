/**
 * A dashboard under test: the API and the built dashboard (web/dist, built by the global
 * setup) served by `startServer` on a free port over a fresh SQLite store with the demo
 * portfolio stored (as `ballast start` does on first run), offline, keys off, with the
 * in-process run queue `ballast start` has (`POST /api/v1/runs` works); and a headless
 * chromium (`browser.ts`). Screenshots go to `artifacts/screenshots/` (`shot`).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { AuthMode } from '../../src/api/app.ts';
import { startServer, type RunningServer } from '../../src/api/server.ts';
import { WEB_DIST } from '../../src/api/web-routes.ts';
import { createDeps, type OwnedDeps } from '../../src/app/create-deps.ts';
import { demoPortfolioSeed } from '../../src/app/demo-portfolio.ts';
import { storeReady } from '../../src/app/store-ready.ts';
import { systemClock } from '../../src/data/system-clock.ts';
import { startRunService, type RunService } from '../../src/jobs/run-service.ts';
import { launchBrowser } from './browser.ts';

/** Where the browser tests save their screenshots (an artifact of the run, not committed). */
export const SCREENSHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

/** A running dashboard and a browser to look at it with. */
export interface Dashboard {
  readonly url: string;
  readonly deps: OwnedDeps;
  readonly browser: Browser;
  /** A new page at `width` × `height` (default desktop 1280 × 900), locale en-US, UTC. */
  page(options?: { width?: number; height?: number; dark?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts a dashboard (see the module comment); `demo: false` leaves the store empty, `auth:
 * 'required'` makes the API ask for keys.
 */
export async function startDashboard(
  options: { demo?: boolean; auth?: AuthMode } = {},
): Promise<Dashboard> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-dashboard-'));
  const deps = createDeps({
    env: {},
    clock: systemClock,
    db: join(dir, 'store.sqlite'),
    offline: true,
  });
  await storeReady(deps);
  if (options.demo !== false) await demoPortfolioSeed({}, deps);
  let jobs: RunService | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    jobs = await startRunService(deps);
    server = await startServer(jobs.deps, {
      host: '127.0.0.1',
      port: 0,
      version: '0.0.0-test',
      web: WEB_DIST,
      rateLimit: false,
      ...(options.auth === undefined ? {} : { auth: options.auth }),
    });
    browser = await launchBrowser();
  } catch (error) {
    await server?.close();
    await jobs?.close();
    await deps.close();
    throw error;
  }
  const running = server;
  const runs = jobs;
  const opened = browser;
  return {
    url: running.url,
    deps,
    browser: opened,
    async page({ width = 1280, height = 900, dark = false } = {}) {
      const context = await opened.newContext({
        viewport: { width, height },
        locale: 'en-US',
        timezoneId: 'UTC',
        colorScheme: dark ? 'dark' : 'light',
      });
      return context.newPage();
    },
    async close() {
      await opened.close();
      await running.close();
      await runs.close();
      await deps.close();
    },
  };
}

/** Saves a full-page screenshot `name`.png under {@link SCREENSHOTS}; returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Fails the test on any uncaught error or console error of `page` (collected, then checked). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
