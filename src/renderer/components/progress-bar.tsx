/**
 * A progress bar for long lookups (batch, inventory pages), with the count in words.
 */
import { useT } from '../i18n/i18n';

interface ProgressBarProps {
  label: string;
  done: number;
  total: number;
}

/** `done` of `total`; an indeterminate bar while `total` is 0 (not known yet). */
export function ProgressBar({ label, done, total }: ProgressBarProps): React.JSX.Element {
  const t = useT();
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total || undefined}
        aria-valuenow={total > 0 ? done : undefined}
      >
        <div
          className={percent === null ? 'progress-fill indeterminate' : 'progress-fill'}
          style={{ width: `${percent ?? 30}%` }}
        />
      </div>
      <span className="progress-text">
        {total > 0 ? t('progress.count', { done, total, percent: percent ?? 0 }) : label}
      </span>
    </div>
  );
}
