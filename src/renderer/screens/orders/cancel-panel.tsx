/**
 * Cancel an order by its tracking number, after a confirmation. A refusal (the carrier's
 * void window has passed) is shown in MegaWMS's own words.
 */
import { Dialog } from '../../components/dialog';
import { ErrorPresenter } from '../../components/error-presenter';
import { TextField } from '../../components/fields';
import { useT } from '../../i18n/i18n';
import { useCancelStore } from '../../stores/cancel-store';

/** The Orders screen's cancel tab. */
export function CancelPanel(): React.JSX.Element {
  const t = useT();
  const trackingNumber = useCancelStore((state) => state.trackingNumber);
  const asking = useCancelStore((state) => state.asking);
  const cancelling = useCancelStore((state) => state.cancelling);
  const result = useCancelStore((state) => state.result);
  const error = useCancelStore((state) => state.error);
  const setTrackingNumber = useCancelStore((state) => state.setTrackingNumber);
  const ask = useCancelStore((state) => state.ask);
  const answer = useCancelStore((state) => state.answer);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    ask();
  };

  return (
    <div className="panel">
      <form className="inline-form" onSubmit={onSubmit} aria-label={t('cancel.formLabel')}>
        <TextField
          label={t('field.trackingNumber')}
          value={trackingNumber}
          onChange={setTrackingNumber}
          hint={t('cancel.hint')}
        />
        <button
          type="submit"
          className="danger"
          disabled={cancelling || trackingNumber.trim() === ''}
        >
          {cancelling ? t('cancel.cancelling') : t('cancel.button')}
        </button>
      </form>
      {result && <CancelResult />}
      {error && (
        <ErrorPresenter
          error={error}
          title={error.code === 'refused' ? t('cancel.refused') : undefined}
        />
      )}
      {asking && (
        <Dialog
          tone="danger"
          title={t('cancel.confirmTitle')}
          confirmLabel={t('cancel.confirmYes')}
          cancelLabel={t('cancel.confirmNo')}
          onConfirm={() => void answer(true)}
          onCancel={() => void answer(false)}
        >
          <p>{t('cancel.confirmBody', { number: trackingNumber.trim() })}</p>
        </Dialog>
      )}
    </div>
  );
}

function CancelResult(): React.JSX.Element | null {
  const t = useT();
  const result = useCancelStore((state) => state.result);
  if (!result) return null;
  return (
    <section
      className={result.cancelled ? 'outcome outcome-good' : 'outcome outcome-bad'}
      role={result.cancelled ? 'status' : 'alert'}
      aria-label={t('cancel.resultLabel')}
    >
      <p className="outcome-title">
        {result.cancelled
          ? t('cancel.done', { orderNo: result.orderNo || result.trackingNumber })
          : t('cancel.refused')}
      </p>
      <p className="verbatim-label">{t('cancel.megawmsSaid')}</p>
      <blockquote className="verbatim">{result.message}</blockquote>
    </section>
  );
}
