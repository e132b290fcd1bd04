import type { Command } from 'commander';
import { BallastError, warningLines } from '../../app/errors.ts';
import {
  fundsImport,
  fundsList,
  fundsValidate,
  type FundIssue,
  type FundsValidateDocument,
  type FundUniverse,
} from '../../app/funds.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderCsv, renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { registerFundsCheck } from './funds-check.ts';
import { fundsField, FUNDS_STORED_HELP, type FundsFlags } from './funds-flags.ts';
import { registerFundsStored } from './funds-stored.ts';

function issuesText(issues: readonly FundIssue[]): string {
  return issues.map((i) => `  ${i.severity}: ${i.field}: ${i.message}`).join('\n');
}

const count = (issues: readonly FundIssue[], severity: FundIssue['severity']): number =>
  issues.filter((i) => i.severity === severity).length;

function validateText(doc: FundsValidateDocument): string {
  return `${doc.file}: ${doc.funds} funds, ${count(doc.issues, 'error')} errors, ${count(doc.issues, 'warning')} warnings${doc.issues.length ? `\n${issuesText(doc.issues)}` : ''}`;
}

type FundRow = { symbol: string } & FundUniverse['funds'][string];

function fundRows(universe: FundUniverse): FundRow[] {
  return Object.entries(universe.funds).map(([symbol, f]) => ({ symbol, ...f }));
}

function listTable(universe: FundUniverse): string {
  return renderTable(fundRows(universe), [
    { title: 'Symbol', value: (r) => r.symbol },
    { title: 'Name', value: (r) => r.name },
    {
      title: 'Gross',
      value: (r) =>
        Object.values(r.exposures)
          .reduce((s, x) => s + Math.abs(x), 0)
          .toFixed(2),
      align: 'right',
    },
    {
      title: 'Exposure per $1',
      value: (r) =>
        Object.entries(r.exposures)
          .map(([id, x]) => `${id} ${x}`)
          .join(', '),
    },
  ]);
}

/** One CSV row per fund and exposure: `symbol,name,exposure,per_dollar`. */
function listCsv(universe: FundUniverse): string {
  const rows = fundRows(universe).flatMap((f) =>
    Object.entries(f.exposures).map(([exposure, perDollar]) => ({ f, exposure, perDollar })),
  );
  return renderCsv(rows, [
    { title: 'symbol', value: (r) => r.f.symbol },
    { title: 'name', value: (r) => r.f.name },
    { title: 'exposure', value: (r) => r.exposure },
    { title: 'per_dollar', value: (r) => String(r.perDollar) },
  ]);
}

/** Registers `ballast funds import|validate|list|check|save|stored|delete`. */
export function registerFunds(program: Command, io: Io, runtime: Runtime): void {
  const funds = program
    .command('funds')
    .description('Fund definitions: economic exposure per $1 of NAV');

  funds
    .command('import')
    .description(
      'Convert a weight-and-leverage fund file (economic = weight × total_notional) to the canonical form',
    )
    .requiredOption(
      '--weight-style <file>',
      'YAML with funds: {SYM: {name, category, exposures: {TYPE: weight}, total_notional}}',
    )
    .requiredOption('--out <file>', 'canonical fund file to write')
    .action(async (options: { weightStyle: string; out: string }) => {
      const doc = await withFlagNames({ weightStyle: '--weight-style', out: '--out' }, () =>
        fundsImport({ weightStyle: { path: options.weightStyle }, out: options.out }),
      );
      io.out(`Wrote ${doc.funds} fund definition${doc.funds === 1 ? '' : 's'} to ${doc.out}`);
      if (doc.warnings.length > 0)
        io.out(
          `Warnings:\n${warningLines(doc.warnings)
            .map((l) => `  ${l}`)
            .join('\n')}`,
        );
    });

  funds
    .command('validate')
    .description('Check a canonical fund file against the exposure universe')
    .argument('<file>', 'fund definitions YAML')
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per issue)',
      parseFormat,
      'table' as Format,
    )
    .action(async (file: string, options: { format: Format }) => {
      const doc = await fundsValidate({ funds: { path: file } });
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => validateText(doc),
          csv: () =>
            renderCsv(doc.issues, [
              { title: 'severity', value: (i) => i.severity },
              { title: 'symbol', value: (i) => i.symbol },
              { title: 'field', value: (i) => i.field },
              { title: 'message', value: (i) => i.message },
            ]),
        }),
      );
      if (!doc.valid)
        throw new BallastError('INVALID_INPUT', `${file}: fund definitions have errors`, {
          file,
          issues: doc.issues,
        });
    });

  funds
    .command('list')
    .description('List fund definitions with their economic exposures per $1')
    .option('--funds <file>', 'fund definitions YAML (default: config/funds.yaml)')
    .option('--funds-stored <name>', FUNDS_STORED_HELP)
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per fund and exposure)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: FundsFlags & { format: Format }, command: Command) => {
      const universe = await withDeps(command, runtime, (deps) =>
        withFlagNames({ 'funds.stored': '--funds-stored' }, () =>
          fundsList(fundsField(options), deps),
        ),
      );
      io.out(
        renderDocument(options.format, {
          json: universe,
          table: () => listTable(universe),
          csv: () => listCsv(universe),
        }),
      );
    });
  registerFundsCheck(funds, io, runtime);
  registerFundsStored(funds, io, runtime);
}
