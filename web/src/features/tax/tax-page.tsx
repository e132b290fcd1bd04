/**
 * The Tax page: a year's realised gains as IRS Form 8949 reports them — totals by term, the
 * wash-sale losses disallowed and the part lost to IRA replacements, the rows of Part I and
 * Part II — an estimated tax at the user's rates, Form 8949 (PDF, CSV) and TXF downloads, and
 * the tax-loss harvesting candidates of today (docs/tax-harvest.md). The years offered are those
 * with a reportable sale (a sale in a taxable account), the latest first and chosen by default.
 * Everything shown is the API's (`GET …/tax/gains`, `…/tax/harvest`).
 */
import { useState } from 'react';
import { ErrorBox, Panel } from '../../components/panel.tsx';
import { date } from '../../format.ts';
import '../ledger.css';
import './tax.css';
import { EstimateTiles, Form8949Table, GainsTiles } from './gains-views.tsx';
import {
  CandidatesTable,
  HarvestTiles,
  HarvestWarnings,
  SubstitutesList,
} from './harvest-views.tsx';
import { isRateError, RatesForm } from './rates-form.tsx';
import {
  linkNeedsKey,
  TAX_FILES,
  taxFileHref,
  taxFileName,
  useTaxFileDownload,
} from './tax-files.ts';
import {
  useTaxEstimate,
  useTaxGains,
  useTaxHarvest,
  useTaxYears,
  type RatesText,
} from './tax-queries.ts';

function YearPicker(props: {
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  return (
    <label className="inline-field">
      Tax year
      <select value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Links to the year's files (fetched with the key when this browser holds one). */
function Downloads({ portfolio, year }: { portfolio: string; year: number }) {
  const download = useTaxFileDownload(portfolio);
  return (
    <>
      <ul className="downloads">
        {TAX_FILES.map(({ kind, label, about }) => (
          <li key={kind}>
            <a
              className="button"
              data-file={kind}
              href={taxFileHref(portfolio, kind, year)}
              download={taxFileName(kind, year)}
              onClick={(event) => {
                if (!linkNeedsKey()) return;
                event.preventDefault();
                download.mutate({ kind, year });
              }}
            >
              {label}
            </a>
            <span className="muted">{about}</span>
          </li>
        ))}
      </ul>
      {download.isError ? <ErrorBox error={download.error} /> : null}
    </>
  );
}

function NoSales() {
  return (
    <Panel title="Realised gains" size="wide">
      {() => (
        <p className="muted">
          No reportable sale yet: nothing was sold in a taxable account. Sales in IRAs are not
          reported on Form 8949.
        </p>
      )}
    </Panel>
  );
}

/** The Tax page (see the module comment). */
export default function TaxPage({ portfolio }: { portfolio: string }) {
  const years = useTaxYears(portfolio);
  const [chosen, setChosen] = useState<number | null>(null);
  const [rates, setRates] = useState<RatesText | null>(null);
  const list = years.data;
  const year = chosen !== null && list?.includes(chosen) ? chosen : (list?.[0] ?? null);
  const gains = useTaxGains(portfolio, year);
  const estimate = useTaxEstimate(portfolio, year, rates);
  const harvest = useTaxHarvest(portfolio, rates);
  const doc = gains.data;
  const rules =
    doc === undefined
      ? undefined
      : `${doc.lotMethod.toUpperCase()} lot relief; wash sales ${doc.washSales ? 'applied across accounts and equivalent funds' : 'not applied'}. IRA sales are not reported.`;
  return (
    <div className="page">
      {list !== undefined && list.length === 0 ? (
        <NoSales />
      ) : years.isError ? (
        <Panel title="Realised gains" size="wide" query={years}>
          {() => null}
        </Panel>
      ) : (
        <Panel
          title={year === null ? 'Realised gains' : `Realised gains in ${year}`}
          size="wide"
          query={gains}
          note={rules}
          actions={
            list === undefined || year === null ? undefined : (
              <YearPicker years={list} value={year} onChange={setChosen} />
            )
          }
        >
          {(d) => <GainsTiles doc={d} />}
        </Panel>
      )}
      {year === null ? null : (
        <>
          <Panel
            title="Estimated tax"
            note="Flat marginal rates as decimals; net losses deduct up to $3,000 at the short-term and state rates, the rest carries forward."
          >
            {() => (
              <>
                <RatesForm onApply={setRates} error={estimate.error} />
                {estimate.data === undefined ? null : <EstimateTiles doc={estimate.data} />}
                {estimate.isError && !isRateError(estimate.error) ? (
                  <ErrorBox error={estimate.error} />
                ) : null}
              </>
            )}
          </Panel>
          <Panel
            title="Files for the return"
            note={`The ${year} rows below, for the return. Box: basis reported to the IRS (A/D).`}
          >
            {() => <Downloads portfolio={portfolio} year={year} />}
          </Panel>
          <Panel
            title="Form 8949"
            size="wide"
            query={gains}
            note="Each lot sold, as the form reports it. A wash sale (code W) adds the disallowed loss back in column (g)."
          >
            {(d) => <Form8949Table doc={d} />}
          </Panel>
        </>
      )}
      <Panel
        title="Harvest"
        size="wide"
        id="harvest"
        query={harvest}
        note={
          harvest.data === undefined
            ? undefined
            : `Lots of taxable accounts at a loss if sold on ${date(harvest.data.asOf)}. Buying an equivalent from ${date(harvest.data.washWindow.purchasesFrom)} to ${date(harvest.data.washWindow.washUntil)} washes the loss; a substitute keeps the exposure.`
        }
      >
        {(d) => (
          <>
            <HarvestWarnings doc={d} />
            <HarvestTiles doc={d} />
            <CandidatesTable doc={d} />
            {d.substitutes.length === 0 ? null : <h3 className="sub-title">Substitutes</h3>}
            <SubstitutesList doc={d} />
          </>
        )}
      </Panel>
    </div>
  );
}
