import type { Command } from 'commander';
import { dataAlerts, type StoredAlert } from '../../app/data-alerts.ts';
import {
  dataRefresh,
  dataRefreshFailure,
  type DataRefreshDocument,
  type DataRefreshInput,
  type DataRefreshRow,
} from '../../app/data-refresh.ts';
import { invalidInput } from '../../app/errors.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { rowViews } from '../format/row-views.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';

const refreshColumns: Column<DataRefreshRow>[] = [
  { title: 'kind', value: (r) => r.kind },
  { title: 'id', value: (r) => r.id },
  { title: 'status', value: (r) => r.status },
  { title: 'from', value: (r) => r.from },
  { title: 'to', value: (r) => r.to },
  { title: 'new', value: (r) => String(r.newRows), align: 'right' },
  { title: 'last', value: (r) => r.last },
  { title: 'alerts', value: (r) => String(r.alerts), align: 'right' },
  { title: 'note', value: (r) => r.note },
];

const alertColumns: Column<StoredAlert>[] = [
  { title: 'id', value: (a) => String(a.id), align: 'right' },
  { title: 'created_at', value: (a) => a.createdAt },
  { title: 'symbol', value: (a) => a.symbol },
  { title: 'code', value: (a) => a.code },
  { title: 'source', value: (a) => a.source },
  { title: 'message', value: (a) => a.message },
  { title: 'details', value: (a) => JSON.stringify(a.details) },
];

/** The flags `data refresh` and `data schedule` share. */
export interface RefreshOptions {
  symbols?: string;
  universe?: string;
  sigmas?: string;
  staleDays?: string;
  webhook?: string;
  crossCheck?: string | boolean;
  closeTolerance?: string;
  /** False with `--no-corporate-actions`. */
  corporateActions?: boolean;
  format: Format;
}

/** A positive number option, else INVALID_INPUT naming the flag. */
function positive(flag: string, value: string | undefined, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !(x > 0) || !Number.isFinite(x) || (integer && !Number.isInteger(x)))
    throw invalidInput(
      flag,
      value,
      integer ? 'expected a positive integer' : 'expected a positive number',
    );
  return x;
}

/** The refresh input of the flags (`--webhook` falls back on `$BALLAST_ALERT_WEBHOOK`). */
export function refreshInput(options: RefreshOptions, runtime: Runtime): DataRefreshInput {
  const sigmas = positive('--sigmas', options.sigmas);
  const staleDays = positive('--stale-days', options.staleDays, true);
  const webhook = options.webhook ?? (runtime.env['BALLAST_ALERT_WEBHOOK'] || undefined);
  const crossCheck =
    options.crossCheck === true
      ? 'auto'
      : options.crossCheck === false
        ? undefined
        : options.crossCheck;
  const closeTolerance = positive('--close-tolerance', options.closeTolerance);
  return {
    ...(options.corporateActions === false ? { corporateActions: false } : {}),
    ...(crossCheck === undefined ? {} : { crossCheck }),
    ...(closeTolerance === undefined ? {} : { closeTolerance }),
    ...(options.symbols === undefined ? {} : { symbols: options.symbols.split(',') }),
    ...(options.universe === undefined ? {} : { universe: options.universe }),
    ...(sigmas === undefined ? {} : { sigmas }),
    ...(staleDays === undefined ? {} : { staleDays }),
    ...(webhook === undefined ? {} : { webhook }),
  };
}

function refreshTable(doc: DataRefreshDocument): string {
  const lines = [renderTable(doc.rows, refreshColumns)];
  if (doc.alerts.length > 0)
    lines.push(
      '',
      `alerts (${doc.alerts.length}):`,
      ...doc.alerts.map((a) => `  ${a.code} ${a.message}`),
    );
  if (doc.webhook)
    lines.push(
      '',
      `webhook ${doc.webhook.url}: ${doc.webhook.ok ? `posted (HTTP ${doc.webhook.status ?? ''})` : `FAILED (${doc.webhook.error ?? ''})`}`,
    );
  return lines.join('\n');
}

/** Adds the refresh flags to `command`. */
export function refreshFlags(command: Command): Command {
  return command
    .option('--symbols <list>', 'only these stored symbols (comma-separated)')
    .option('--universe <name>', 'only the symbols of this stored universe')
    .option('--sigmas <n>', 'alert on a daily return beyond n σ of the trailing 60 (default 5)')
    .option('--stale-days <n>', 'alert on the same close n bars in a row (default 5)')
    .option(
      '--cross-check [provider]',
      'compare the new bars with a second price provider of the chain (default: the next one)',
    )
    .option(
      '--close-tolerance <x>',
      'cross-check: relative close difference alerted (default 0.005)',
    )
    .option('--webhook <url>', 'POST the new alerts as JSON here (default $BALLAST_ALERT_WEBHOOK)')
    .option(
      '--no-corporate-actions',
      'do not alert the corporate-action rows stored portfolios holding a refreshed symbol lack',
    )
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format);
}

/** Prints a refresh document (a failed webhook is also a warning on stderr). */
export function printRefresh(io: Io, format: Format, doc: DataRefreshDocument): void {
  if (doc.webhook && !doc.webhook.ok && format !== 'table')
    io.err(`warning: webhook ${doc.webhook.url} failed: ${doc.webhook.error ?? ''}`);
  io.out(
    renderDocument(format, {
      json: doc,
      table: () => refreshTable(doc),
      csv: () => renderCsv(doc.rows, refreshColumns),
    }),
  );
}

function registerRefresh(data: Command, io: Io, runtime: Runtime): void {
  refreshFlags(
    data
      .command('refresh')
      .description(
        'Fetch only the missing tail of stored symbols and series, run the quality rules and store alerts',
      ),
  ).action(async (options: RefreshOptions, command: Command) => {
    const input = refreshInput(options, runtime);
    const doc = await withDeps(command, runtime, (deps) => dataRefresh(input, deps));
    printRefresh(io, options.format, doc);
    const failure = dataRefreshFailure(doc);
    if (failure) throw failure;
  });
}

function registerAlerts(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('alerts')
    .description('Stored data alerts (provider outages, quality findings), oldest first')
    .option('--since <date>', 'only alerts created since this date (UTC) or ISO timestamp')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: { since?: string; format: Format }, command: Command) => {
      const alerts = await withDeps(command, runtime, (deps) =>
        dataAlerts(options.since === undefined ? {} : { since: options.since }, deps),
      );
      io.out(renderDocument(options.format, rowViews(alerts, alertColumns)));
    });
}

/** Registers `ballast data refresh` and `data alerts`. */
export function registerDataRefresh(data: Command, io: Io, runtime: Runtime): void {
  registerRefresh(data, io, runtime);
  registerAlerts(data, io, runtime);
}
