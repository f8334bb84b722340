/**
 * What a created order got: its order number, tracking numbers and labels, with print and
 * preview, and MegaWMS's own message.
 */
import type { CreateOrderView } from '../../../shared/contract';
import { ErrorPresenter } from '../../components/error-presenter';
import { useT } from '../../i18n/i18n';
import { jobStateKey } from '../../i18n/names';
import { useOrderFormStore } from '../../stores/order-form-store';
import { usePreviewStore } from '../../stores/preview-store';
import { useQueueStore } from '../../stores/queue-store';

/** The result panel after a successful create. */
export function OrderResult(): React.JSX.Element | null {
  const t = useT();
  const result = useOrderFormStore((state) => state.result);
  const error = useOrderFormStore((state) => state.error);
  const printing = useOrderFormStore((state) => state.printing);
  const printedJobIds = useOrderFormStore((state) => state.printedJobIds);
  const printLabels = useOrderFormStore((state) => state.printLabels);
  const startNew = useOrderFormStore((state) => state.startNew);
  if (!result) return null;

  const withLabels = result.pieces.filter((piece) => piece.hasFile);
  return (
    <section className="order-result" aria-labelledby="order-result-title">
      <h2 id="order-result-title" className={result.outcome === 'created' ? 'good' : 'warn'}>
        {result.outcome === 'created' ? t('orders.created') : t('orders.createdUnconfirmed')}
      </h2>
      <OrderFacts result={result} />
      <LabelsTable pieces={result.pieces} />
      {error && <ErrorPresenter error={error} />}
      {printedJobIds && printedJobIds.length > 0 && <PrintedJobs jobIds={printedJobIds} />}
      <div className="form-actions">
        <button type="button" onClick={startNew}>
          {t('orders.createAnother')}
        </button>
        <button
          type="button"
          className="primary big"
          disabled={printing || withLabels.length === 0}
          onClick={() => void printLabels()}
        >
          {t('orders.printLabels', { count: withLabels.length })}
        </button>
      </div>
    </section>
  );
}

/** The numbers the order got and MegaWMS's own message (in its own language). */
function OrderFacts({ result }: { result: CreateOrderView }): React.JSX.Element {
  const t = useT();
  return (
    <dl className="facts">
      <div>
        <dt>{t('field.orderNo')}</dt>
        <dd className="big-number">{result.orderNo}</dd>
      </div>
      <div>
        <dt>{t('field.referenceNo')}</dt>
        <dd>{result.referenceNo}</dd>
      </div>
      <div>
        <dt>{t('field.trackingNumber')}</dt>
        <dd>{result.trackingNumber || t('orders.noTrackingYet')}</dd>
      </div>
      <div>
        <dt>{t('field.megawmsMessage')}</dt>
        <dd lang="zh-CN">{result.message}</dd>
      </div>
    </dl>
  );
}

/** The print jobs the labels went into, each with where it stands now. */
function PrintedJobs({ jobIds }: { jobIds: number[] }): React.JSX.Element {
  const t = useT();
  const jobs = useQueueStore((state) => state.jobs);
  const printedJobs = jobs.filter((job) => jobIds.includes(job.id));
  return (
    <p role="status" className="summary">
      {t('orders.labelsSent', { jobs: jobIds.map((id) => `#${id}`).join(', ') })}
      {printedJobs.map((job) => (
        <span key={job.id} className={`tag tag-job-${job.state}`}>
          {t(jobStateKey(job.state))}
        </span>
      ))}
    </p>
  );
}

/** The new order's pieces with their tracking numbers and a preview of each label. */
function LabelsTable({ pieces }: { pieces: CreateOrderView['pieces'] }): React.JSX.Element {
  const t = useT();
  const openPreview = usePreviewStore((state) => state.open);
  return (
    <table className="simple-table">
      <caption>{t('orders.labels')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field.pieces')}</th>
          <th scope="col">{t('field.trackingNumber')}</th>
          <th scope="col">{t('field.label')}</th>
        </tr>
      </thead>
      <tbody>
        {pieces.map((piece) => (
          <tr key={piece.trackingNumber || piece.pieceNo}>
            <td>{t('scan.pieceOf', { index: piece.pieceIndex, count: piece.pieceCount })}</td>
            <td>{piece.trackingNumber || '—'}</td>
            <td>
              {piece.hasFile ? (
                <button type="button" onClick={() => void openPreview(piece.trackingNumber)}>
                  {t('action.preview')}
                </button>
              ) : (
                t('orders.noLabelFile')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
