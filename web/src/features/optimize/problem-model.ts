/**
 * The optimisation problem as the form holds it (text fields as typed) and as the API takes it:
 * the `optimize` and `frontier` run inputs (`src/app/optimize-input.ts`, `frontier.ts`) built
 * from the same universe, estimation models, risk-free asset and constraints. Values are in the
 * API's units — decimals (0.25 = 25 %) and annual rates — and an empty field is left out, so the
 * API's default applies. Lists the user types (`A=0.6, B=0.4`; groups `name=A+B:min:max`, the
 * CLI's syntax) are parsed here; a malformed one is an error under its control, before anything
 * is sent. Everything else is validated by the API, whose errors name the field.
 */
import type {
  ConstraintsInput,
  GroupInput,
  ObjectiveInput,
  OptimizeInput,
} from '../../../../src/app/optimize.ts';
import type { FrontierInput } from '../../../../src/app/frontier.ts';
import type { EstimationSpecInput } from '../../../../src/app/estimation-spec.ts';
import type { EstimateInput } from '../../../../src/app/estimate.ts';
import type { UniverseEstimateQuery } from './optimize-queries.ts';
import { panelOf, type Frequency, type UniverseChoice } from './universe-choices.ts';

/** An objective kind the API takes. */
export type ObjectiveKind = ObjectiveInput['kind'];

/** Every objective of the `optimize` schema, in the CLI's order, with its label. */
export const OBJECTIVES = [
  { kind: 'min-variance', label: 'Minimum variance' },
  { kind: 'max-sharpe', label: 'Maximum Sharpe ratio' },
  { kind: 'efficient-return', label: 'Efficient return (target return)' },
  { kind: 'efficient-risk', label: 'Efficient risk (target volatility)' },
  { kind: 'utility', label: 'Mean-variance utility' },
  { kind: 'max-return', label: 'Maximum return' },
  { kind: 'max-diversification', label: 'Maximum diversification' },
  { kind: 'risk-parity', label: 'Risk parity' },
  { kind: 'risk-budget', label: 'Risk budgets' },
  { kind: 'hrp', label: 'Hierarchical risk parity (HRP)' },
  { kind: 'herc', label: 'Hierarchical equal risk contribution (HERC)' },
  { kind: 'min-cvar', label: 'Minimum CVaR' },
  { kind: 'min-cdar', label: 'Minimum CDaR' },
  { kind: 'min-semivariance', label: 'Minimum semivariance' },
] as const satisfies readonly { kind: ObjectiveKind; label: string }[];

// Every objective of the schema is offered: this fails to compile when one is missing.
type Unlisted = Exclude<ObjectiveKind, (typeof OBJECTIVES)[number]['kind']>;
const _everyObjective: [Unlisted] extends [never] ? true : never = true;
void _everyObjective;

type CovarianceName = Exclude<
  NonNullable<EstimationSpecInput['covariance']>['method'],
  'factor' // needs factor returns, which this form does not take
>;
type MeanName = Extract<
  NonNullable<EstimationSpecInput['mean']>['method'],
  'historical' | 'geometric' | 'ewma' | 'shrinkage'
>;

/** Covariance models offered (each with its default parameters). */
export const COVARIANCES: readonly CovarianceName[] = [
  'sample',
  'ledoit-wolf',
  'ledoit-wolf-single-factor',
  'ledoit-wolf-constant-correlation',
  'oas',
  'ewma',
  'semicovariance',
  'denoised',
  'garch',
];
/** Expected-return models offered (each with its default parameters). */
export const MEANS: readonly MeanName[] = ['historical', 'geometric', 'ewma', 'shrinkage'];

/** HRP/HERC linkages ('' = the objective's default). */
export const LINKAGES = ['', 'single', 'average', 'complete', 'ward'] as const;

/** The form, every field as typed. */
export interface ProblemForm {
  universe: string;
  frequency: Frequency;
  covariance: CovarianceName;
  mean: MeanName;
  /** Declare the universe's `cash_rate` column the risk-free asset. */
  cashRiskFree: boolean;
  riskFreeRate: string;
  objective: ObjectiveKind;
  targetReturn: string;
  targetVolatility: string;
  riskAversion: string;
  confidence: string;
  linkage: (typeof LINKAGES)[number];
  budgets: string;
  minWeight: string;
  maxWeight: string;
  longShort: boolean;
  grossLeverage: string;
  borrowSpread: string;
  maxBorrow: string;
  groups: string;
  currentWeights: string;
  maxTurnover: string;
  costBps: string;
  maxAssets: string;
  minPosition: string;
  points: string;
}

/** The form before the user changes anything: max Sharpe on the bundled exposure universe. */
export const INITIAL_FORM: ProblemForm = {
  universe: 'sample',
  frequency: 'monthly',
  covariance: 'sample',
  mean: 'historical',
  cashRiskFree: true,
  riskFreeRate: '',
  objective: 'max-sharpe',
  targetReturn: '',
  targetVolatility: '',
  riskAversion: '',
  confidence: '',
  linkage: '',
  budgets: '',
  minWeight: '',
  maxWeight: '',
  longShort: false,
  grossLeverage: '',
  borrowSpread: '',
  maxBorrow: '',
  groups: '',
  currentWeights: '',
  maxTurnover: '',
  costBps: '',
  maxAssets: '',
  minPosition: '',
  points: '20',
};

/** The risk-free column of the exposure universe. */
export const CASH_COLUMN = 'cash_rate';

/** A field the user typed wrong before anything was sent: the API field path and why. */
export class FormError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** A typed number, or undefined when empty (a non-number is sent as typed: the API names it). */
const num = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text.trim());

/** Only the defined entries of `o`. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** `A=0.6, B=0.4` as `{ A: 0.6, B: 0.4 }`; undefined when empty. */
export function parseWeights(text: string, field: string): Record<string, number> | undefined {
  if (text.trim() === '') return undefined;
  const out: Record<string, number> = {};
  for (const part of text.split(/[,\n]/).filter((p) => p.trim() !== '')) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (match === null || !Number.isFinite(Number(match[2])))
      throw new FormError(field, `"${part.trim()}": write asset=weight pairs, e.g. A=0.6, B=0.4`);
    out[match[1]!] = Number(match[2]);
  }
  return out;
}

/** One group per line, `name=A+B:min:max` (either bound may be empty). */
export function parseGroups(text: string): GroupInput[] {
  const field = 'constraints.groups';
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^\s*([^=]+?)\s*=\s*([^:]+?)\s*(?::\s*([^:]*?)\s*(?::\s*(.*?)\s*)?)?$/.exec(
        line,
      );
      const bound = (s: string | undefined) =>
        s === undefined || s === '' ? undefined : Number(s);
      const min = bound(match?.[3]);
      const max = bound(match?.[4]);
      if (match === null || [min, max].some((b) => b !== undefined && !Number.isFinite(b)))
        throw new FormError(
          field,
          `"${line.trim()}": write name=A+B:min:max, e.g. tech=AAPL+MSFT::0.3`,
        );
      const assets = match[2]!.split('+').map((a) => a.trim());
      return defined({ name: match[1]!, assets, min, max });
    });
}

function objectiveOf(form: ProblemForm): ObjectiveInput {
  const target = num(form.targetReturn);
  const fields: Record<string, unknown> = { kind: form.objective };
  switch (form.objective) {
    case 'efficient-return':
      fields['targetReturnAnnual'] = target;
      break;
    case 'efficient-risk':
      fields['targetVolatilityAnnual'] = num(form.targetVolatility);
      break;
    case 'utility':
      fields['riskAversion'] = num(form.riskAversion);
      break;
    case 'risk-budget':
      fields['budgets'] = parseWeights(form.budgets, 'objective.budgets') ?? {};
      break;
    case 'hrp':
    case 'herc':
      fields['linkage'] = form.linkage === '' ? undefined : form.linkage;
      break;
    case 'min-cvar':
    case 'min-cdar':
      fields['confidence'] = num(form.confidence);
      fields['targetReturnAnnual'] = target;
      break;
    case 'min-semivariance':
      fields['targetReturnAnnual'] = target;
      break;
    default:
      break;
  }
  return defined(fields) as ObjectiveInput;
}

function constraintsOf(form: ProblemForm): ConstraintsInput {
  const current = parseWeights(form.currentWeights, 'constraints.turnover.currentWeights');
  const turnover = defined({
    currentWeights: current,
    maxTurnover: num(form.maxTurnover),
    costBps: num(form.costBps),
  });
  return defined({
    minWeight: num(form.minWeight),
    maxWeight: num(form.maxWeight),
    longShort: form.longShort,
    grossLeverage: num(form.grossLeverage),
    borrowSpreadAnnual: num(form.borrowSpread),
    maxBorrow: num(form.maxBorrow),
    groups: parseGroups(form.groups),
    turnover: Object.keys(turnover).length === 0 ? undefined : turnover,
  });
}

/**
 * Where the frontier chart's asset points come from: the exposure universe's estimate
 * (`GET /api/v1/estimate/universe`) or an `estimate` run on the same symbols panel, under the
 * same covariance and mean models as the optimisation.
 */
export type EstimateRequest =
  | { readonly kind: 'universe'; readonly query: UniverseEstimateQuery }
  | { readonly kind: 'run'; readonly input: EstimateInput };

/** What one press of Run submits. */
export interface ProblemRequests {
  readonly optimize: OptimizeInput;
  readonly frontier: FrontierInput;
  readonly estimate: EstimateRequest;
}

/** The run inputs of `form` on `choice` (module comment). @throws FormError */
export function problemRequests(form: ProblemForm, choice: UniverseChoice): ProblemRequests {
  const panel = panelOf(choice, form.frequency);
  const models = { covariance: { method: form.covariance }, mean: { method: form.mean } };
  const data = defined({
    moments: {
      kind: 'estimate' as const,
      panel,
      spec: models,
    },
    riskFreeColumn: choice.kind === 'universe' && form.cashRiskFree ? CASH_COLUMN : undefined,
    riskFreeRateAnnual: num(form.riskFreeRate),
  }) as Pick<OptimizeInput, 'moments' | 'riskFreeColumn' | 'riskFreeRateAnnual'>;
  const constraints = constraintsOf(form);
  const maxAssets = num(form.maxAssets);
  const minPositionWeight = num(form.minPosition);
  const cardinality =
    maxAssets === undefined && minPositionWeight === undefined
      ? undefined
      : defined({ maxAssets, minPositionWeight });
  const optimize: OptimizeInput = {
    ...data,
    objective: objectiveOf(form),
    constraints,
    ...(cardinality === undefined ? {} : { cardinality }),
  };
  const points = num(form.points);
  const frontier: FrontierInput = {
    ...data,
    constraints,
    ...(points === undefined ? {} : { points }),
  };
  const estimate: EstimateRequest =
    panel.kind === 'universe'
      ? {
          kind: 'universe',
          query: { source: panel.source ?? 'auto', covariance: form.covariance, mean: form.mean },
        }
      : { kind: 'run', input: { panel, ...models } };
  return { optimize, frontier, estimate };
}
