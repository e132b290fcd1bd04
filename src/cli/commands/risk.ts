import type { Command } from 'commander';
import { risk, riskChart, RISK_COVARIANCES } from '../../app/risk.ts';
import { UNIVERSE_SOURCES } from '../../app/exposure-returns.ts';
import { withDeps, type Runtime } from '../context.ts';
import { chartFormatOf, writeRiskContributionsChart } from '../format/chart-file.ts';
import { renderDocument } from '../format/output.ts';
import { withFlagNames, PORTFOLIO_FLAGS } from '../flag-errors.ts';
import { riskCsv, riskTable } from '../format/risk.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import {
  choiceFlag,
  numberFlag,
  portfolioInput,
  withPortfolioOptions,
  type PortfolioFlags,
} from './options.ts';

interface RiskOptions extends PortfolioFlags {
  covariance: string;
  lambda?: string;
  source: string;
  confidence?: string;
  format: Format;
  chart?: string;
}

/** Registers `ballast risk`. */
export function registerRisk(program: Command, io: Io, runtime: Runtime): void {
  withPortfolioOptions(
    program
      .command('risk')
      .description(
        'Ex-ante risk: volatility, VaR/CVaR and contributions by position and by economic exposure',
      ),
  )
    .option('--covariance <method>', RISK_COVARIANCES.join(' | '), 'ledoit-wolf')
    .option('--lambda <x>', 'EWMA decay λ (default 0.94)')
    .option(
      '--source <source>',
      'auto | store | sample (auto: stored exposure returns when the store holds them, else the bundled sample)',
      'auto',
    )
    .option('--confidence <level>', 'VaR/CVaR confidence (default 0.95)')
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per position)',
      parseFormat,
      'table' as Format,
    )
    .option('--chart <file>', 'also write the risk contributions by exposure as .svg or .png')
    .action(async (options: RiskOptions, command: Command) => {
      if (options.chart) chartFormatOf(options.chart);
      const portfolio = portfolioInput(options);
      const covariance = choiceFlag('--covariance', options.covariance, RISK_COVARIANCES);
      const source = choiceFlag('--source', options.source, UNIVERSE_SOURCES);
      const confidence = numberFlag('--confidence', options.confidence, (x) => x > 0 && x < 1);
      const lambda = numberFlag('--lambda', options.lambda, (x) => x > 0 && x < 1);
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames(PORTFOLIO_FLAGS, () =>
          risk(
            {
              ...portfolio,
              covariance,
              source,
              ...(confidence === undefined ? {} : { confidence }),
              ...(lambda === undefined ? {} : { lambda }),
            },
            deps,
          ),
        ),
      );
      if (options.chart) await writeRiskContributionsChart(options.chart, riskChart(doc), io);
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => riskTable(doc),
          csv: () => riskCsv(doc),
        }),
      );
    });
}
