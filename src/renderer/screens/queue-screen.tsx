/**
 * Print queue: the printers with their state and reasons, then every job with its state,
 * printer, time and reason; reprint, resume and cancel where they make sense.
 */
import { useEffect } from 'react';
import { Banner } from '../components/banner';
import { ErrorPresenter } from '../components/error-presenter';
import { type Column, VirtualTable } from '../components/virtual-table';
import { useI18nStore, useT } from '../i18n/i18n';
import { jobStateKey, printerReasonText, printerStateKey } from '../i18n/names';
import { formatShortTime } from '../lib/time';
import type { JobView } from '../../shared/contract';
import { isUnfinished, usePrinterWatch, useQueueStore } from '../stores/queue-store';

/** The Print queue screen. */
export function QueueScreen(): React.JSX.Element {
  const t = useT();
  const jobs = useQueueStore((state) => state.jobs);
  const error = useQueueStore((state) => state.error);
  const load = useQueueStore((state) => state.load);
  const unfinished = jobs.filter(isUnfinished).length;

  useEffect(() => {
    void load();
  }, [load]);
  usePrinterWatch();

  return (
    <div className="screen queue-screen">
      <h1>{t('nav.queue')}</h1>
      <Printers />
      {unfinished > 0 && (
        <Banner tone="info">{t('queue.unfinished', { count: unfinished })}</Banner>
      )}
      {error && <ErrorPresenter error={error} />}
      <JobTable jobs={jobs} />
    </div>
  );
}

function Printers(): React.JSX.Element {
  const t = useT();
  const printers = useQueueStore((state) => state.printers);
  const printersError = useQueueStore((state) => state.printersError);
  const loadPrinters = useQueueStore((state) => state.loadPrinters);
  return (
    <section className="printers" aria-labelledby="printers-title">
      <div className="section-head">
        <h2 id="printers-title">{t('queue.printers')}</h2>
        <button type="button" onClick={() => void loadPrinters()}>
          {t('action.refresh')}
        </button>
      </div>
      {printersError && <ErrorPresenter error={printersError} />}
      {printers.length === 0 && !printersError && <p className="muted">{t('queue.noPrinters')}</p>}
      <ul className="printer-list">
        {printers.map((printer) => (
          <li key={printer.name} className={`printer printer-${printer.state}`}>
            <span className="printer-name">
              {printer.name}
              {printer.isDefault && <span className="tag">{t('queue.default')}</span>}
            </span>
            <span className={`tag tag-printer-${printer.state}`}>
              {t(printerStateKey(printer.state))}
            </span>
            {!printer.accepting && (
              <span className="tag tag-failed">{t('queue.notAccepting')}</span>
            )}
            {printer.reasons.length > 0 && (
              <span className="printer-reasons">
                {printer.reasons.map((reason) => printerReasonText(reason, t)).join(', ')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function JobActions({ job }: { job: JobView }): React.JSX.Element {
  const t = useT();
  const busy = useQueueStore((state) => state.busyJobId === job.id);
  const reprint = useQueueStore((state) => state.reprint);
  const resume = useQueueStore((state) => state.resume);
  const cancel = useQueueStore((state) => state.cancel);
  const canResume = job.state === 'failed' || job.state === 'queued';
  const canCancel = job.state !== 'done' && job.state !== 'cancelled';
  return (
    <span className="row-actions">
      <button
        type="button"
        disabled={busy}
        onClick={() => void reprint(job.id)}
        aria-label={t('queue.reprintJob', { id: job.id })}
      >
        {t('queue.reprint')}
      </button>
      {canResume && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void resume(job.id)}
          aria-label={t('queue.resumeJob', { id: job.id })}
        >
          {t('queue.resume')}
        </button>
      )}
      {canCancel && (
        <button
          type="button"
          className="danger-text"
          disabled={busy}
          onClick={() => void cancel(job.id)}
          aria-label={t('queue.cancelJob', { id: job.id })}
        >
          {t('queue.cancel')}
        </button>
      )}
    </span>
  );
}

function JobTable({ jobs }: { jobs: JobView[] }): React.JSX.Element {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const columns: Column<JobView>[] = [
    { id: 'id', width: '60px', header: t('queue.job'), align: 'end', cell: (job) => `#${job.id}` },
    {
      id: 'state',
      width: '150px',
      header: t('field.status'),
      cell: (job) => (
        <span className={`tag tag-job-${job.state}`}>{t(jobStateKey(job.state))}</span>
      ),
    },
    {
      id: 'printer',
      width: 'minmax(150px, 1.3fr)',
      header: t('queue.printer'),
      cell: (job) => <span title={job.printer}>{job.printer}</span>,
    },
    {
      id: 'labels',
      width: 'minmax(160px, 1fr)',
      header: t('queue.labels'),
      cell: (job) => (
        <span title={job.pieces.join(', ')}>
          {t('queue.labelCount', { pages: job.pageCount, copies: job.copies })}
        </span>
      ),
    },
    {
      id: 'time',
      width: '150px',
      header: t('queue.updated'),
      cell: (job) => formatShortTime(job.updatedAt, language),
    },
    {
      id: 'reason',
      width: 'minmax(110px, 1.2fr)',
      header: t('queue.reason'),
      // A reprint says what it reprints here: the labels column has no room left for it.
      cell: (job) =>
        [job.reason, job.reprintOf !== null && t('queue.reprintOf', { id: job.reprintOf })]
          .filter(Boolean)
          .join(' · '),
    },
    {
      id: 'actions',
      width: '200px',
      header: t('queue.actions'),
      cell: (job) => <JobActions job={job} />,
    },
  ];
  return (
    <VirtualTable
      label={t('queue.tableLabel')}
      rows={jobs}
      columns={columns}
      rowKey={(job) => job.id}
      rowClass={(job) => `row-job-${job.state}`}
      rowHeight={48}
      empty={t('queue.empty')}
    />
  );
}
