/**
 * The backtest as the HTTP API takes it (`POST /api/v1/backtest`, and the `backtest` run of
 * `POST /api/v1/runs`; docs/backtest.md, "API and dashboard"): `{ config }`, either the config
 * object (the YAML's shape, `prices` inline as `{ text, name }` or `symbols` from the store) or
 * the config as YAML/JSON text `{ text, name }`. The answer is the {@link BacktestDocument} of
 * the `backtest` use case for the same config.
 *
 * Nothing is read from the server's disk: a `{ path }` anywhere in a body is refused by the API
 * (`src/api/body.ts`), and a `prices` path — a string, which the CLI reads relative to the config
 * file — is refused here, INVALID_INPUT naming `prices` (the field of the config, as the use case
 * names `strategies[1].weights.A`), in the object and in the text alike.
 *
 * @example
 * ```ts
 * const doc = await backtestRequest(
 *   { config: { symbols: ['SPY'], strategies: [{ name: 'all-in', weights: { SPY: 1 } }] } },
 *   deps,
 * );
 * doc.strategies[0].twr;
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import { backtestConfigSchema } from '../data/backtest/backtest-config.ts';
import { parseYamlText } from '../data/config/read-yaml.ts';
import { backtest, type BacktestDocument, type BacktestInput } from './backtest.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';

/** The name a text config is cited by when it has none (as `textSourceSchema` defaults it). */
const DEFAULT_NAME = 'input';

const REFUSED =
  "files are not read from the server's disk: give the closes inline as prices: { text, name } (a wide CSV date,SYM,...) or list symbols: [...] from the store";

/** The config as YAML/JSON text (what the dashboard's editor sends). */
const configTextSchema = z
  .strictObject({
    text: z.string().describe('The config as YAML or JSON (the shape of the object form)'),
    name: z.string().min(1).default(DEFAULT_NAME).describe('Cited in error messages'),
  })
  .describe('The config as text');

/** Input of {@link backtestRequest} (module comment). */
export const backtestRequestSchema = z
  .strictObject({
    config: z
      .union([configTextSchema, backtestConfigSchema])
      .describe(
        'The backtest config (docs/backtest.md, "Config"): the object, with prices as { text, name } or symbols from the store (a prices path is refused), or the YAML/JSON text',
      ),
  })
  .superRefine((body, ctx) => {
    const config = body.config as Record<string, unknown>;
    if (!('text' in config) && typeof config['prices'] === 'string')
      ctx.addIssue({ code: 'custom', path: ['config', 'prices'], message: REFUSED });
  });

/** What callers pass to {@link backtestRequest}. */
export type BacktestRequest = z.input<typeof backtestRequestSchema>;

function refused(file: string | undefined, value: unknown): BallastError {
  const where = file === undefined ? '' : `${file}: `;
  return new BallastError('INVALID_INPUT', `${where}prices: ${REFUSED} (got ${String(value)})`, {
    ...(file === undefined ? {} : { file }),
    field: 'prices',
    value,
  });
}

/** The `prices` a config gives as a path (a string), or undefined. */
function pricesPath(config: unknown): string | undefined {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return undefined;
  const prices = (config as Record<string, unknown>)['prices'];
  return typeof prices === 'string' ? prices : undefined;
}

/** Refuses a config that names a file on the server's disk (module comment). */
function refuseServerFiles(config: Record<string, unknown>): void {
  if ('path' in config)
    throw new BallastError(
      'INVALID_INPUT',
      "config.path: files are not read from the server's disk: send the config as { text, name } or as the object",
      { field: 'config.path' },
    );
  if ('text' in config) {
    const { text } = config;
    if (typeof text !== 'string') return; // the use case names the bad field
    const name = typeof config['name'] === 'string' ? config['name'] : DEFAULT_NAME;
    const path = pricesPath(parseYamlText(text, name));
    if (path !== undefined) throw refused(name, path);
    return;
  }
  const path = pricesPath(config);
  if (path !== undefined) throw refused(undefined, path);
}

/**
 * The backtest document of `raw`'s config (module comment).
 *
 * @throws BallastError INVALID_INPUT for a config on the server's disk or a `prices` path, and
 *   every error of {@link backtest} (a bad field named as the config names it).
 */
export async function backtestRequest(raw: unknown, deps: AppDeps): Promise<BacktestDocument> {
  const { config } = parseInput(z.strictObject({ config: z.record(z.string(), z.unknown()) }), raw);
  refuseServerFiles(config);
  const task = deps.progress.start('running the backtest', 1);
  const document = await backtest({ config } as BacktestInput, deps);
  task.tick();
  task.done();
  return document;
}
