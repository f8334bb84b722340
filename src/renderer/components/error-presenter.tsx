/**
 * The one way errors are shown: a headline in the worker's language from the error's code,
 * then the main process's own sentence (for a MegaWMS refusal, its words verbatim).
 */
import type { IpcError } from '../../shared/contract';
import { useI18nStore, useT } from '../i18n/i18n';
import { failureHintKey, failureReason, failureTitleKey } from '../i18n/names';

interface ErrorPresenterProps {
  error: Pick<IpcError, 'code' | 'message'> & { detail?: string };
  /** Shown as the headline instead of the code's own title. */
  title?: string;
}

// Limitation: the main process's sentence is English. In Chinese it is left out where the
// headline and hint say the same (failureReason); where it carries MegaWMS's words, a
// printer's state or a file's fault it is shown as it is.
/** An error box with headline, message and (when the code has one) what to do. */
export function ErrorPresenter({ error, title }: ErrorPresenterProps): React.JSX.Element {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const hint = failureHintKey(error.code);
  const reason = failureReason(error.code, error.message, language);
  return (
    <div className="error-box" role="alert" data-code={error.code}>
      <p className="error-title">{title ?? t(failureTitleKey(error.code))}</p>
      {reason && <p className="error-message">{reason}</p>}
      {hint && <p className="error-hint">{t(hint)}</p>}
    </div>
  );
}
