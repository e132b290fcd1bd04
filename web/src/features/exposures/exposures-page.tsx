/**
 * The Exposures page: what the portfolio really owns. The `exposures` document
 * (GET /api/v1/portfolios/{id}/exposures) gives value, cash, gross and net economic leverage,
 * the holdings at notional value, the economic exposures by category (treemap and table) and
 * the holdings it could not explain; the fund definitions it looked through
 * (GET /api/v1/funds or a stored set) give each fund's exposure per $1; the universe
 * (GET /api/v1/universe) names the exposures.
 */
import { useMemo } from 'react';
import { Panel } from '../../components/panel.tsx';
import { FundsPicker } from './funds-picker.tsx';
import {
  chooseFunds,
  joinQueries,
  useExposuresDocument,
  useFundDefinitions,
  useFundsChoice,
  useStoredFunds,
  useUniverse,
} from './exposures-queries.ts';
import {
  EconomicTable,
  ExposureTreemap,
  HoldingsTable,
  LeverageTiles,
  LookThroughTable,
  UnexplainedList,
} from './exposures-views.tsx';
import { exposureLabels } from './labels.ts';
import './exposures.css';

/** The Exposures page of `portfolio` (see the module comment). */
export default function ExposuresPage({ portfolio }: { portfolio: string }) {
  const funds = useFundsChoice();
  const doc = useExposuresDocument(portfolio, funds);
  const universe = useUniverse();
  const stored = useStoredFunds();
  const definitions = useFundDefinitions(funds);
  const labels = useMemo(() => exposureLabels(universe.data), [universe.data]);
  const fundsName = funds === null ? 'the shipped fund definitions' : `stored funds ${funds}`;
  return (
    <>
      <Panel
        title="Value and economic leverage"
        size="wide"
        query={doc}
        note={`Economic exposure is what the funds carry per $1 held, leverage included (through ${fundsName}); cash is no exposure.`}
        actions={<FundsPicker stored={stored.data} value={funds} onChange={chooseFunds} />}
      >
        {(d) => <LeverageTiles doc={d} />}
      </Panel>
      <Panel
        title="Unexplained holdings"
        size="wide"
        query={doc}
        note="Holdings the page cannot look through: no fund definition, or no price."
      >
        {(d) => <UnexplainedList doc={d} />}
      </Panel>
      <Panel
        title="Economic exposure by category"
        size="wide"
        query={joinQueries(doc, universe)}
        note="Tile area is the size of each exposure (a short one takes room like a long one); labels are percent of total value."
      >
        {([d]) => <ExposureTreemap doc={d} labels={labels} />}
      </Panel>
      <Panel
        title="Holdings at notional value"
        query={doc}
        note="What each holding is worth; priced at the source named (no stored prices: the ledger's last trade)."
      >
        {(d) => <HoldingsTable doc={d} />}
      </Panel>
      <Panel
        title="Economic exposures"
        query={doc}
        note="Dollars of exposure summed over holdings, by category; percent of total value."
      >
        {(d) => <EconomicTable doc={d} labels={labels} />}
      </Panel>
      <Panel
        title="Look-through by fund"
        size="wide"
        query={joinQueries(doc, definitions)}
        note="Economic dollars each holding carries to each exposure: its value times its definition's exposure per $1 (shown beneath). The foot gives the portfolio's total of each."
      >
        {([d, defs]) => <LookThroughTable doc={d} definitions={defs} labels={labels} />}
      </Panel>
    </>
  );
}
