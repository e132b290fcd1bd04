/**
 * The Data page: what the store holds (symbol or series, range, rows, source, last fetch), how
 * fresh it is, the quality flags of stored prices, and Refresh — per row or for everything — as
 * `data-fetch` runs whose progress and outcome (including the provider's or the offline
 * message when nothing could be fetched) are shown. An empty store says how to import data.
 * Last, the latest data alerts `data refresh` stored, newest first, with what each code means.
 */
import { useMemo } from 'react';
import type { DataFetchInput } from '../../../../src/app/data-fetch.ts';
import type { CoverageEntry } from '../../../../src/app/data-list.ts';
import { useCancelRun } from '../../api/runs.ts';
import { Panel } from '../../components/panel.tsx';
import type { DataListDocument, DataQualityDocument, StoredAlert } from '../../api/documents.ts';
import { ALERTS_SHOWN, AlertsView } from './alerts-view.tsx';
import { useDataAlerts, useDataList, useDataQuality, useDataRefresh } from './data-queries.ts';
import { DataTable } from './data-table.tsx';
import { refreshable, todayIso } from './freshness.ts';
import { QualityView } from './quality-view.tsx';
import { RefreshView } from './refresh-view.tsx';
import './data.css';

/** The fetch of `entries` of one kind from their earliest stored date (only the tail is new). */
function fetchInput(entries: readonly CoverageEntry[]): DataFetchInput {
  const from = entries.map((e) => e.first).sort()[0];
  return {
    ids: entries.map((e) => e.id),
    series: entries[0]?.kind === 'series',
    ...(from === undefined ? {} : { from }),
  };
}

/** One fetch per kind of the refreshable `entries`. */
function refreshAllInputs(entries: readonly CoverageEntry[]): DataFetchInput[] {
  const ok = entries.filter(refreshable);
  return (['prices', 'series'] as const)
    .map((kind) => ok.filter((e) => e.kind === kind))
    .filter((group) => group.length > 0)
    .map(fetchInput);
}

function EmptyStore() {
  return (
    <p>
      The store holds no market data yet. Import a CSV of closes with{' '}
      <code>ballast data import --csv closes.csv --symbol SPY</code> (or <code>--kind returns</code>{' '}
      for a returns panel), or send it to{' '}
      <code>POST /api/v1/data/import?symbol=SPY&amp;kind=prices</code> as <code>text/csv</code>;
      with a network, <code>ballast data fetch SPY</code> fetches from the providers.
    </p>
  );
}

/** The Data page (see the module comment). */
export default function DataPage(_props: { portfolio: string }) {
  const list = useDataList();
  const symbols = useMemo(
    () => (list.data ?? []).filter((e) => e.kind === 'prices').map((e) => e.id),
    [list.data],
  );
  const quality = useDataQuality(symbols);
  const alerts = useDataAlerts(ALERTS_SHOWN);
  const refresh = useDataRefresh();
  const cancel = useCancelRun();
  const today = todayIso();
  const entries = list.data ?? [];

  return (
    <>
      <Panel
        title="Stored data"
        size="wide"
        query={list}
        note={`Ranges and ages as of ${today} (UTC); quality flags from the data-quality report of each symbol's stored prices.`}
        actions={
          <button
            type="button"
            disabled={refresh.busy || refreshAllInputs(entries).length === 0}
            onClick={() => void refresh.start(refreshAllInputs(entries))}
          >
            Refresh all
          </button>
        }
      >
        {(data: DataListDocument) =>
          data.length === 0 ? (
            <EmptyStore />
          ) : (
            <DataTable
              entries={data}
              quality={quality.data}
              today={today}
              refreshing={refresh.ids}
              busy={refresh.busy}
              onRefresh={(entry) => void refresh.start([fetchInput([entry])])}
            />
          )
        }
      </Panel>
      <Panel
        title="Refresh"
        size="wide"
        note="Each refresh is a data-fetch run: only what is missing is fetched, up to today."
      >
        {() => (
          <RefreshView
            runs={refresh.runs}
            submitError={refresh.submitError}
            onCancel={(id) => cancel.mutate(id)}
            cancelling={cancel.isPending}
            cancelError={cancel.error}
          />
        )}
      </Panel>
      {symbols.length === 0 ? null : (
        <Panel
          title="Data quality"
          size="wide"
          query={quality}
          note="Scored 0–100 against the NYSE calendar: coverage of the trading days less a penalty per issue. Issues are flagged, never corrected."
        >
          {(doc: DataQualityDocument) => <QualityView doc={doc} />}
        </Panel>
      )}
      <Panel
        title="Alerts"
        size="wide"
        query={alerts}
        note="Stored by ballast data refresh (provider outages, quality findings on new prices); newest first, times in UTC."
      >
        {(list: StoredAlert[]) => <AlertsView alerts={list} />}
      </Panel>
    </>
  );
}
