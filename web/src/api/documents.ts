/**
 * The shapes of the API's JSON documents, for the dashboard's query hooks. The OpenAPI
 * document types every path, parameter and request body (`schema.gen.ts`) but describes
 * response documents in words, so their TypeScript types come from the use cases that produce
 * them — type-only imports, which put no server code into the bundle (a lint rule allows only
 * `import type` from src/app in web/).
 */
export type { PortfolioListDocument, PortfolioSummary } from '../../../src/app/portfolio-list.ts';
export type { ExposuresDocument } from '../../../src/app/exposures.ts';
export type { RiskDocument } from '../../../src/app/risk.ts';
export type { PositionsDocument } from '../../../src/app/positions.ts';
export type { PortfolioTransactionsDocument } from '../../../src/app/portfolio-transactions.ts';
export type { PortfolioAppendDocument } from '../../../src/app/portfolio-append.ts';
export type {
  PortfolioAppendPreviewDocument,
  AppendPreviewRow,
} from '../../../src/app/portfolio-append-preview.ts';
export type { PortfolioTransactionUpdateDocument } from '../../../src/app/portfolio-transaction-update.ts';
export type {
  HoldingAccount,
  HoldingLot,
  HoldingPosition,
  HoldingTotals,
} from '../../../src/app/portfolio-holdings.ts';
export type { PerformanceDocument } from '../../../src/app/performance-document.ts';
export type { ScenarioDocument, FailedScenario } from '../../../src/app/stress-document.ts';
export type { DataListDocument } from '../../../src/app/data-list.ts';
export type { DataQualityDocument } from '../../../src/app/data-quality.ts';
export type { StoredAlert } from '../../../src/app/data-alerts.ts';
export type { OptimizeDocument } from '../../../src/app/optimize.ts';
export type { FrontierDocument } from '../../../src/app/frontier.ts';
export type { PlanDocument } from '../../../src/app/plan.ts';
export type { RunDocument } from '../../../src/app/run-document.ts';
export type { RunListDocument } from '../../../src/app/run-read.ts';
export type { UniverseDocument } from '../../../src/app/universe.ts';
export type { StoredUniverse } from '../../../src/app/universe-stored.ts';
export type { EstimateDocument } from '../../../src/app/estimate.ts';
export type { EstimateUniverseDocument } from '../../../src/app/estimate-universe.ts';
export type { DataFetchDocument, DataFetchRow } from '../../../src/app/data-fetch.ts';
export type { DataImportDocument } from '../../../src/app/data-import.ts';
export type { PortfolioSummaryDocument } from '../../../src/app/portfolio-summary.ts';
export type { PortfolioHoldingsDocument } from '../../../src/app/portfolio-holdings.ts';
export type { StressDocument } from '../../../src/app/stress.ts';
export type { FundUniverse, FundDefinition } from '../../../src/app/funds.ts';
export type { StoredFundsDocument } from '../../../src/app/funds-stored.ts';
export type { StoredFundsSummary } from '../../../src/app/funds-save.ts';
export type { GainRowDocument, TaxGainsDocument } from '../../../src/app/tax-gains.ts';
export type {
  TaxHarvestCandidate,
  TaxHarvestDocument,
  WashingPurchase,
} from '../../../src/app/tax-harvest.ts';
export type { BacktestDocument, BacktestStrategyDocument } from '../../../src/app/backtest.ts';
export type { SimulateDocument } from '../../../src/app/simulate.ts';
export type { AssetLocationDocument } from '../../../src/app/asset-location.ts';
