/**
 * A modal dialog: Enter confirms, Esc cancels, focus starts on the confirming button and
 * stays inside until the dialog closes (the Scan input does not take it back meanwhile).
 */
import { useEffect, useId, useRef } from 'react';

const SCANNER_GAP_MS = 80;

interface DialogProps {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  tone?: 'normal' | 'danger' | 'warning';
  /** Disables both buttons while the answer is being acted on. */
  busy?: boolean;
}

/** A confirm/cancel question. */
export function Dialog(props: DialogProps): React.JSX.Element {
  const {
    title,
    children,
    confirmLabel,
    cancelLabel,
    onConfirm,
    onCancel,
    tone = 'normal',
  } = props;
  const titleId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const lastCharAt = useRef(0);

  useEffect(() => {
    confirmRef.current?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    // A scanner's burst (characters milliseconds apart, then Enter) is the next parcel
    // arriving, not the worker's answer: its Enter must not confirm.
    if (event.key.length === 1) lastCharAt.current = event.timeStamp;
    const inBurst = event.timeStamp - lastCharAt.current < SCANNER_GAP_MS;
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (inBurst || event.target === confirmRef.current)) {
      event.preventDefault();
      if (!inBurst) onConfirm();
    } else if (event.key === 'Tab') keepFocusInside(event, boxRef.current);
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={boxRef}
        className={`dialog dialog-${tone}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} disabled={props.busy}>
            {cancelLabel}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className={tone === 'danger' ? 'danger' : 'primary'}
            onClick={onConfirm}
            disabled={props.busy}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

function keepFocusInside(event: React.KeyboardEvent, box: HTMLElement | null): void {
  if (!box) return;
  const focusable = [
    ...box.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, iframe'),
  ].filter((element) => !element.hasAttribute('disabled'));
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
