/**
 * Batch: paste numbers or import a CSV, look them all up with a progress bar, check the
 * results in a virtualised table, print them as one merged job in list order (or just the
 * selected rows) and export the results.
 */
import { useId } from 'react';
import { Dialog } from '../components/dialog';
import { ErrorPresenter } from '../components/error-presenter';
import { ProgressBar } from '../components/progress-bar';
import { type Column, VirtualTable } from '../components/virtual-table';
import { type MessageKey, type Translate, useI18nStore, useT } from '../i18n/i18n';
import { failureReason, failureTitleKey, jobStateKey } from '../i18n/names';
import type { Language } from '../../shared/contract';
import { parseNumberList, toCsv } from '../lib/csv';
import { downloadText, exportFileName } from '../lib/files';
import { type BatchRow, type BatchRowState, batchCsvRows, isPrintable } from '../stores/batch-rows';
import { useBatchStore } from '../stores/batch-store';

const STATE_KEY: Record<BatchRowState, MessageKey> = {
  waiting: 'batch.state.waiting',
  found: 'batch.state.found',
  failed: 'batch.state.failed',
  queued: 'batch.state.queued',
};

/** A row's status in words: once its print job is heard of, where that job stands. */
function rowStatus(row: BatchRow, t: Translate): { text: string; tag: string } {
  if (row.state === 'queued' && row.jobState) {
    return { text: t(jobStateKey(row.jobState)), tag: `tag-job-${row.jobState}` };
  }
  return { text: t(STATE_KEY[row.state]), tag: `tag-${row.state}` };
}

/** The Batch screen. */
export function BatchScreen(): React.JSX.Element {
  const t = useT();
  const rows = useBatchStore((state) => state.rows);
  const phase = useBatchStore((state) => state.phase);
  const progress = useBatchStore((state) => state.progress);
  const error = useBatchStore((state) => state.error);
  const confirm = useBatchStore((state) => state.confirm);
  const answerConfirm = useBatchStore((state) => state.answerConfirm);

  return (
    <div className="screen batch-screen">
      <h1>{t('nav.batch')}</h1>
      <BatchInput />
      {phase !== 'idle' && (
        <ProgressBar
          label={phase === 'printing' ? t('batch.printingProgress') : t('batch.lookupProgress')}
          done={progress?.done ?? 0}
          total={progress?.total ?? 0}
        />
      )}
      {error && <ErrorPresenter error={error} />}
      {rows.length > 0 && <BatchToolbar />}
      <BatchTable rows={rows} />
      {confirm && (
        <Dialog
          tone="warning"
          title={t('batch.confirmTitle')}
          confirmLabel={t('batch.printAgain')}
          cancelLabel={t('action.dontPrint')}
          onConfirm={() => void answerConfirm(true)}
          onCancel={() => void answerConfirm(false)}
        >
          <p>
            {t('batch.confirmBody', { count: confirm.duplicates, total: confirm.numbers.length })}
          </p>
        </Dialog>
      )}
    </div>
  );
}

function BatchInput(): React.JSX.Element {
  const t = useT();
  const inputId = useId();
  const fileId = useId();
  const text = useBatchStore((state) => state.text);
  const phase = useBatchStore((state) => state.phase);
  const setText = useBatchStore((state) => state.setText);
  const importCsv = useBatchStore((state) => state.importCsv);
  const lookup = useBatchStore((state) => state.lookup);
  const count = parseNumberList(text).numbers.length;

  const onFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) importCsv(await file.text());
    event.target.value = '';
  };

  return (
    <div className="batch-input">
      <div className="field grow">
        <label htmlFor={inputId}>{t('batch.numbersLabel')}</label>
        <textarea
          id={inputId}
          rows={5}
          value={text}
          spellCheck={false}
          placeholder={t('batch.numbersPlaceholder')}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="batch-actions">
        <span className="count">{t('batch.count', { count })}</span>
        <label htmlFor={fileId} className="button">
          {t('batch.importCsv')}
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept=".csv,.txt,text/csv"
          onChange={onFile}
        />
        <button
          type="button"
          className="primary"
          disabled={count === 0 || phase !== 'idle'}
          onClick={() => void lookup()}
        >
          {t('batch.lookup')}
        </button>
      </div>
    </div>
  );
}

function BatchToolbar(): React.JSX.Element {
  const t = useT();
  const rows = useBatchStore((state) => state.rows);
  const selected = useBatchStore((state) => state.selected);
  const phase = useBatchStore((state) => state.phase);
  const duplicates = useBatchStore((state) => state.duplicates);
  const printed = useBatchStore((state) => state.printed);
  const print = useBatchStore((state) => state.print);
  const printable = rows.filter(isPrintable).length;
  const failed = rows.filter((row) => row.state === 'failed').length;

  const exportCsv = () => downloadText(exportFileName('label-station-batch'), batchCsv(rows, t));
  const printedText =
    printed &&
    t('batch.printedJobs', {
      count: printed.count,
      jobs: printed.jobIds.map((id) => `#${id}`).join(', '),
    });

  return (
    <div className="toolbar">
      <p className="summary" role="status">
        {t('batch.summary', { found: printable, failed, total: rows.length })}
        {duplicates > 0 && ` ${t('batch.duplicatesDropped', { count: duplicates })}`}
        {printedText && ` ${printedText}`}
        {printed?.state && (
          <span className={`tag tag-job-${printed.state}`}>{t(jobStateKey(printed.state))}</span>
        )}
        {printed?.holdUp && <span className="summary-hold-up">{printed.holdUp}</span>}
      </p>
      <div className="toolbar-buttons">
        <button
          type="button"
          className="primary"
          disabled={printable === 0 || phase !== 'idle'}
          onClick={() => void print('all')}
        >
          {t('batch.printAll', { count: printable })}
        </button>
        <button
          type="button"
          disabled={selected.size === 0 || phase !== 'idle'}
          onClick={() => void print('selected')}
        >
          {t('batch.printSelected', { count: selected.size })}
        </button>
        <button type="button" onClick={exportCsv}>
          {t('action.exportCsv')}
        </button>
      </div>
    </div>
  );
}

function batchCsv(rows: BatchRow[], t: Translate): string {
  const header = [
    t('field.number'),
    t('field.orderNo'),
    t('field.trackingNumber'),
    t('field.consignee'),
    t('field.pieces'),
    t('field.megawmsStatus'),
    t('field.result'),
    t('field.errorCode'),
    t('field.error'),
  ];
  const body = batchCsvRows(rows).map((cells, index) => {
    const row = rows[index] as BatchRow;
    cells[6] = rowStatus(row, t).text;
    return cells;
  });
  return toCsv(header, body);
}

function BatchTable({ rows }: { rows: BatchRow[] }): React.JSX.Element {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const columns = [useSelectColumn(rows), ...resultColumns(t, language)];
  return (
    <VirtualTable
      label={t('batch.tableLabel')}
      rows={rows}
      columns={columns}
      rowKey={(row) => row.index}
      rowClass={(row) => `row-${row.state} ${row.jobState ? `row-job-${row.jobState}` : ''}`}
      empty={t('batch.empty')}
    />
  );
}

/** The checkbox column: one per printable row, and "select all" in the header. */
function useSelectColumn(rows: BatchRow[]): Column<BatchRow> {
  const t = useT();
  const selected = useBatchStore((state) => state.selected);
  const toggle = useBatchStore((state) => state.toggle);
  const selectAll = useBatchStore((state) => state.selectAll);
  const allSelected = rows.length > 0 && selected.size === rows.filter(isPrintable).length;
  return {
    id: 'select',
    width: '44px',
    header: (
      <input
        type="checkbox"
        aria-label={t('batch.selectAll')}
        checked={allSelected}
        onChange={(event) => selectAll(event.target.checked)}
      />
    ),
    cell: (row) => (
      <input
        type="checkbox"
        aria-label={t('batch.selectRow', { number: row.query })}
        checked={selected.has(row.index)}
        disabled={!isPrintable(row)}
        onChange={() => toggle(row.index)}
      />
    ),
  };
}

/** What each number found and where it stands. */
function resultColumns(t: Translate, language: Language): Column<BatchRow>[] {
  return [
    { id: 'index', width: '56px', header: '#', align: 'end', cell: (row) => row.index + 1 },
    {
      id: 'number',
      width: 'minmax(200px, 1.3fr)',
      header: t('field.number'),
      cell: (row) => row.query,
    },
    {
      id: 'order',
      width: 'minmax(190px, 1.2fr)',
      header: t('field.orderNo'),
      cell: (row) => row.orderNo,
    },
    {
      id: 'pieces',
      width: '76px',
      header: t('field.pieces'),
      align: 'end',
      cell: (row) => row.pieces ?? '',
    },
    {
      id: 'result',
      width: 'minmax(170px, 0.8fr)',
      header: t('field.status'),
      cell: (row) => {
        const status = rowStatus(row, t);
        return <span className={`tag ${status.tag}`}>{status.text}</span>;
      },
    },
    {
      id: 'error',
      width: 'minmax(240px, 2fr)',
      header: t('field.error'),
      cell: (row) => problemText(row, t, language),
    },
  ];
}

/** A failed number's problem: the headline for its code, then MegaWMS's own words. */
function problemText(row: BatchRow, t: Translate, language: Language): string {
  if (!row.failureCode) return '';
  const title = t(failureTitleKey(row.failureCode));
  const reason = failureReason(row.failureCode, row.failureMessage, language);
  return reason ? `${title} — ${reason}` : title;
}
