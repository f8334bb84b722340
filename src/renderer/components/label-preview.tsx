/**
 * The label preview: the label's own PDF, from its bytes in a Blob URL, in a frame
 * inside a dialog (Chromium's PDF viewer). Esc or the button closes it and frees the Blob.
 */
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/i18n';
import { usePreviewStore } from '../stores/preview-store';
import { ErrorPresenter } from './error-presenter';

// Limitation: the PDF is drawn by Chromium's own PDF viewer, which Electron shows only with
// `webPreferences.plugins: true`; bundling pdf.js and drawing on a canvas would lift it.
/** The preview dialog, open while the preview store holds a tracking number. */
export function LabelPreview(): React.JSX.Element | null {
  const t = useT();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const trackingNumber = usePreviewStore((state) => state.trackingNumber);
  const url = usePreviewStore((state) => state.url);
  const loading = usePreviewStore((state) => state.loading);
  const error = usePreviewStore((state) => state.error);
  const close = usePreviewStore((state) => state.close);

  useEffect(() => {
    if (trackingNumber) closeRef.current?.focus();
  }, [trackingNumber]);

  if (!trackingNumber) return null;
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog dialog-preview"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{t('preview.title', { number: trackingNumber })}</h2>
        {loading && <p>{t('preview.loading')}</p>}
        {error && <ErrorPresenter error={error} />}
        {url && (
          <iframe
            className="label-frame"
            // The whole label at once, without the page sidebar: a label is one page.
            src={`${url}#navpanes=0&view=Fit`}
            title={t('preview.frame', { number: trackingNumber })}
          />
        )}
        <div className="dialog-actions">
          <button ref={closeRef} type="button" className="primary" onClick={close}>
            {t('action.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
