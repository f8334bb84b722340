/**
 * The one way errors are shown: a headline in the worker's language from the error's code,
 * then the main process's own sentence (for a MegaWMS refusal, its words verbatim).
 */
import type { IpcError } from '../../shared/contract';
import { useT } from '../i18n/i18n';
import { failureHintKey, failureTitleKey } from '../i18n/names';

interface ErrorPresenterProps {
  error: Pick<IpcError, 'code' | 'message'> & { detail?: string };
  /** Shown as the headline instead of the code's own title. */
  title?: string;
}

// Limitation: the headline and advice follow the language switch, the main process's own
// sentence does not (it is English); message codes with parameters from main would lift it.
/** An error box with headline, message and (when the code has one) what to do. */
export function ErrorPresenter({ error, title }: ErrorPresenterProps): React.JSX.Element {
  const t = useT();
  const hint = failureHintKey(error.code);
  return (
    <div className="error-box" role="alert" data-code={error.code}>
      <p className="error-title">{title ?? t(failureTitleKey(error.code))}</p>
      {error.message && <p className="error-message">{error.message}</p>}
      {hint && <p className="error-hint">{t(hint)}</p>}
    </div>
  );
}
