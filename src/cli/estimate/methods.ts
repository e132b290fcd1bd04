/**
 * The estimation flags of the CLI (`--covariance`, `--mean` and their parameters) and their
 * translation into the app's estimation spec (`src/app/estimation-spec.ts`), where the models
 * are defined. Any command that estimates moments (`estimate`, `optimize`, `frontier`, `plan`)
 * adds these flags with {@link withModelOptions} and reads them with {@link estimationSpecOf}.
 */

import { numberFlag } from '../commands/options.ts';
import type { Command } from 'commander';
import { invalidInput } from '../../app/errors.ts';
import {
  COVARIANCE_MODELS,
  MEAN_MODELS,
  type EstimationSpecInput,
  type ViewInput,
} from '../../app/estimation-spec.ts';

/** Options that select and parameterise the estimators (commander's camel-cased flags). */
export interface MethodOptions {
  readonly mean: string;
  readonly covariance: string;
  readonly lambda?: string | undefined;
  readonly span?: string | undefined;
  readonly rf?: string | undefined;
  readonly riskAversion?: string | undefined;
  readonly marketWeights?: string | undefined;
  readonly view?: readonly string[] | undefined;
  readonly tau?: string | undefined;
  readonly factorReturns?: string | undefined;
  readonly factors?: string | undefined;
  readonly inflation?: string | undefined;
  readonly realRiskFree?: string | undefined;
  readonly premiums?: string | undefined;
  readonly periodsPerYear?: string | undefined;
  readonly horizon?: string | undefined;
}

/** Parses a number option (`name` without its dashes), naming the flag in the error. */
export function numberOption(
  name: string,
  value: string | undefined,
  check?: (x: number) => boolean,
): number | undefined {
  return numberFlag(`--${name}`, value, check);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalidInput(`--${name}`, value, `expected one of ${allowed.join(', ')}`);
}

/**
 * Parses `--view` specs: `A=0.08` (absolute: A returns 8 % a year) or `A>B:0.02` (relative: A
 * outperforms B by 2 % a year; several names per side with `+`, e.g. `A+B>C:0.01`).
 */
export function parseView(spec: string): ViewInput {
  const relative = /^([^>:=]+)>([^>:=]+):(-?[\d.eE+-]+)$/.exec(spec.trim());
  if (relative) {
    const spread = numberOption('view', relative[3])!;
    const names = (s: string): string[] =>
      s
        .split('+')
        .map((x) => x.trim().toUpperCase())
        .filter(Boolean);
    return {
      kind: 'relative',
      outperform: names(relative[1]!),
      underperform: names(relative[2]!),
      spreadAnnual: spread,
    };
  }
  const absolute = /^([^>:=]+)=(-?[\d.eE+-]+)$/.exec(spec.trim());
  if (absolute)
    return {
      kind: 'absolute',
      asset: absolute[1]!.trim().toUpperCase(),
      returnAnnual: numberOption('view', absolute[2])!,
    };
  throw invalidInput('--view', spec, 'expected ASSET=RETURN or A>B:SPREAD (annual decimals)');
}

/** `A=0.6,B=0.4` → `{ A: 0.6, B: 0.4 }` (names upper-cased; values parsed, naming `--name`). */
export function parseNamedNumbers(name: string, spec: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of spec.split(',')) {
    const [key, value, extra] = part.split('=');
    const id = (key ?? '').trim().toUpperCase();
    if (id === '' || value === undefined || extra !== undefined)
      throw invalidInput(`--${name}`, part, 'expected NAME=VALUE pairs separated by commas');
    out[id] = numberOption(name, value)!;
  }
  return out;
}

const list = (spec: string): string[] =>
  spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The covariance model of the flags (the app validates ranges and names the field). */
function covarianceModelOf(o: MethodOptions): EstimationSpecInput['covariance'] {
  const method = oneOf('covariance', o.covariance, COVARIANCE_MODELS);
  switch (method) {
    case 'ewma': {
      const lambda = numberOption('lambda', o.lambda);
      return { method, ...(lambda === undefined ? {} : { lambda }) };
    }
    case 'factor':
      if (o.factorReturns === undefined)
        throw invalidInput('--factor-returns', null, 'required with --covariance factor');
      return {
        method,
        factorReturns: { path: o.factorReturns },
        ...(o.factors === undefined ? {} : { factors: list(o.factors) }),
      };
    default:
      return { method };
  }
}

/** The expected-return model of the flags. */
function meanModelOf(o: MethodOptions): EstimationSpecInput['mean'] {
  const method = oneOf('mean', o.mean, MEAN_MODELS);
  switch (method) {
    case 'ewma': {
      const span = numberOption('span', o.span);
      return { method, ...(span === undefined ? {} : { span }) };
    }
    case 'black-litterman': {
      const riskAversion = numberOption('risk-aversion', o.riskAversion);
      const tau = numberOption('tau', o.tau);
      return {
        method,
        ...(o.marketWeights
          ? { marketWeights: parseNamedNumbers('market-weights', o.marketWeights) }
          : {}),
        ...(riskAversion === undefined ? {} : { riskAversion }),
        ...(tau === undefined ? {} : { tau }),
        views: (o.view ?? []).map(parseView),
      };
    }
    case 'building-block': {
      if (o.inflation === undefined || o.realRiskFree === undefined || o.premiums === undefined)
        throw invalidInput(
          '--mean',
          method,
          'building-block needs --inflation, --real-risk-free and --premiums',
        );
      return {
        method,
        inflationAnnual: numberOption('inflation', o.inflation)!,
        realRiskFreeAnnual: numberOption('real-risk-free', o.realRiskFree)!,
        premiumsAnnual: parseNamedNumbers('premiums', o.premiums),
      };
    }
    default:
      return { method };
  }
}

/** The estimation spec of the flags of {@link withModelOptions} (validated by the use case). */
export function estimationSpecOf(o: MethodOptions): EstimationSpecInput {
  const periodsPerYear = numberOption('periods-per-year', o.periodsPerYear);
  const horizon = numberOption('horizon', o.horizon);
  const rf = numberOption('rf', o.rf);
  return {
    covariance: covarianceModelOf(o),
    mean: meanModelOf(o),
    ...(periodsPerYear === undefined ? {} : { periodsPerYear }),
    ...(horizon === undefined ? {} : { horizon }),
    ...(rf === undefined ? {} : { riskFreeRateAnnual: rf }),
  };
}

/** Options of {@link withModelOptions}. */
export interface ModelOptionsSpec {
  /** Default `--covariance` (default `sample`). */
  readonly covariance?: string;
  /**
   * The command registers `--risk-aversion` itself (e.g. `optimize`, where it is also the
   * utility γ); the Black-Litterman δ then reads the same flag.
   */
  readonly ownRiskAversion?: boolean;
}

/** Adds the model flags (covariance, mean and their parameters) to a command. */
export function withModelOptions(command: Command, spec: ModelOptionsSpec = {}): Command {
  const head = command
    .option('--mean <method>', MEAN_MODELS.join(' | '), 'historical')
    .option('--covariance <method>', COVARIANCE_MODELS.join(' | '), spec.covariance ?? 'sample')
    .option('--lambda <x>', 'EWMA decay λ (default 0.94)')
    .option(
      '--factor-returns <file>',
      'with --covariance factor: factor returns CSV date,F1,F2,... (same frequency as the assets)',
    )
    .option('--factors <list>', 'with --covariance factor: the factor columns to use (default all)')
    .option('--span <n>', 'EWMA mean span in periods (default 500)')
    .option('--horizon <periods>', 'forecast horizon in periods for GARCH variances (default 1)')
    .option(
      '--rf <annual>',
      'risk-free rate, annual decimal (CAPM, Black-Litterman prior, moments file; default 0)',
    );
  return (
    spec.ownRiskAversion
      ? head
      : head.option('--risk-aversion <delta>', 'Black-Litterman δ (default 2.5)')
  )
    .option('--market-weights <list>', 'Black-Litterman prior weights A=0.6,B=0.4 (default equal)')
    .option(
      '--view <spec>',
      'Black-Litterman view A=0.08 or A>B:0.02 (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--tau <x>', 'Black-Litterman τ (default 0.05)')
    .option('--inflation <annual>', 'with --mean building-block: expected inflation π')
    .option(
      '--real-risk-free <annual>',
      'with --mean building-block: expected real cash return (1 + rf)/(1 + π) − 1',
    )
    .option(
      '--premiums <list>',
      'with --mean building-block: premium over cash per asset, A=0.04,B=0.02',
    );
}
