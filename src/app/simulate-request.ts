/**
 * The Monte Carlo run as the HTTP API takes it (`POST /api/v1/simulate`, and the `simulate` run
 * of `POST /api/v1/runs`; docs/simulate.md, "API"): `{ config }`, either the config object (the
 * YAML's shape, `returns` inline as `{ text, name }` or `{ symbols, … }` from the store) or the
 * config as YAML/JSON text `{ text, name }`. The answer is the {@link SimulateDocument} of the
 * `simulate` use case for the same config.
 *
 * Nothing is read from the server's disk: a `{ path }` config is refused, and so is a `returns`
 * path (a string, which the CLI reads relative to the config file), INVALID_INPUT naming
 * `returns`, in the object and in the text alike.
 *
 * @example
 * ```ts
 * const doc = await simulateRequest(
 *   { config: { returns: { text: 'date,A\n2024-01-31,0.01\n…', name: 'r.csv' }, weights: { A: 1 }, initial: 1000 } },
 *   deps,
 * );
 * doc.percentiles.p50;
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import { parseYamlText } from '../data/config/read-yaml.ts';
import { simulateConfigSchema } from '../data/simulate/simulate-config.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { simulate, type SimulateDocument } from './simulate.ts';

const DEFAULT_NAME = 'input';

const REFUSED =
  "files are not read from the server's disk: give the returns inline as returns: { text, name } (a wide CSV date,A,B,...) or returns: { symbols: [...] } from the store";

/** Input of {@link simulateRequest} (module comment). */
export const simulateRequestSchema = z.strictObject({
  config: z
    .union([
      z
        .strictObject({
          text: z.string().describe('The config as YAML or JSON (the shape of the object form)'),
          name: z.string().min(1).default(DEFAULT_NAME).describe('Cited in error messages'),
        })
        .describe('The config as text'),
      simulateConfigSchema,
    ])
    .describe(
      'The simulate config (docs/simulate.md, "Config"): the object, with returns as { text, name } or { symbols } from the store (a returns path is refused), or the YAML/JSON text',
    ),
});

/** What callers pass to {@link simulateRequest}. */
export type SimulateRequest = z.input<typeof simulateRequestSchema>;

function returnsPath(config: unknown): string | undefined {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return undefined;
  const returns = (config as Record<string, unknown>)['returns'];
  return typeof returns === 'string' ? returns : undefined;
}

function refuseServerFiles(config: Record<string, unknown>): void {
  if ('path' in config)
    throw new BallastError(
      'INVALID_INPUT',
      "config.path: files are not read from the server's disk: send the config as { text, name } or as the object",
      { field: 'config.path' },
    );
  const name = typeof config['name'] === 'string' ? config['name'] : DEFAULT_NAME;
  const path =
    'text' in config && typeof config['text'] === 'string'
      ? returnsPath(parseYamlText(config['text'], name))
      : returnsPath(config);
  if (path !== undefined)
    throw new BallastError('INVALID_INPUT', `returns: ${REFUSED} (got ${path})`, {
      field: 'returns',
      value: path,
    });
}

/**
 * The simulate document of `raw`'s config (module comment).
 *
 * @throws BallastError INVALID_INPUT for a config on the server's disk or a `returns` path, and
 *   every error of {@link simulate}.
 */
export async function simulateRequest(raw: unknown, deps: AppDeps): Promise<SimulateDocument> {
  const { config } = parseInput(z.strictObject({ config: z.record(z.string(), z.unknown()) }), raw);
  refuseServerFiles(config);
  // Progress is the paths simulated (`simulate` reports them).
  return simulate({ config: config as never }, deps);
}
