/**
 * Scan, the station's home: one large input that keeps focus. A scanner's burst ending in
 * Enter (or Tab) is a scan; the card below says what happened, the list under it what
 * happened before.
 */
import { useEffect, useRef } from 'react';
import { Dialog } from '../components/dialog';
import { ResultCard, pieceSummary } from '../components/result-card';
import { useKeepFocus } from '../components/use-keep-focus';
import { type MessageKey, useI18nStore, useT } from '../i18n/i18n';
import { failureTitleKey } from '../i18n/names';
import { formatClock, formatTime, lastPrintedAt } from '../lib/time';
import { usePreviewStore } from '../stores/preview-store';
import { type ScanEntry, type ScanVerdict, useScanStore, verdictOf } from '../stores/scan-store';

const RECENT_SHOWN = 12;

/** The Scan screen. */
export function ScanScreen(): React.JSX.Element {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = useScanStore((state) => state.submit);
  const entries = useScanStore((state) => state.entries);
  const jobs = useScanStore((state) => state.jobs);
  const confirmId = useScanStore((state) => state.confirmId);
  const waiting = useScanStore((state) => state.waiting.length);
  const previewOpen = usePreviewStore((state) => state.trackingNumber !== null);
  useKeepFocus(inputRef, confirmId === null && !previewOpen);

  // After every outcome, and when a dialog closes, the input is ready for the next parcel.
  useEffect(() => {
    if (confirmId === null && !previewOpen) inputRef.current?.focus({ preventScroll: true });
  }, [entries, confirmId, previewOpen]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const isScanEnd = event.key === 'Enter' || (event.key === 'Tab' && !event.shiftKey);
    if (!isScanEnd) return;
    // Scanners often end with Tab; it must not carry focus away from the input.
    event.preventDefault();
    const value = event.currentTarget.value;
    event.currentTarget.value = '';
    submit(value);
  };

  const confirmEntry = entries.find((entry) => entry.id === confirmId) ?? null;
  return (
    <div className="screen scan-screen">
      <div className="scan-input-row">
        <label htmlFor="scan-input" className="scan-label">
          {t('scan.inputLabel')}
        </label>
        <input
          id="scan-input"
          ref={inputRef}
          className="scan-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('scan.placeholder')}
          onKeyDown={onKeyDown}
        />
        {waiting > 0 && (
          <span className="scan-waiting">{t('scan.waiting', { count: waiting })}</span>
        )}
      </div>
      <ResultCard entry={entries[0] ?? null} jobs={jobs} />
      <RecentScans entries={entries.slice(1, RECENT_SHOWN + 1)} jobs={jobs} />
      {confirmEntry && <DuplicateDialog entry={confirmEntry} />}
    </div>
  );
}

function DuplicateDialog({ entry }: { entry: ScanEntry }): React.JSX.Element {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const answer = useScanStore((state) => state.answerConfirm);
  return (
    <Dialog
      tone="warning"
      title={t('scan.confirmTitle')}
      confirmLabel={t('scan.printAgain')}
      cancelLabel={t('scan.skip')}
      onConfirm={() => void answer(true)}
      onCancel={() => void answer(false)}
    >
      <p>
        {t('scan.confirmBody', {
          number: entry.number,
          time: formatTime(lastPrintedAt(entry.duplicates), language, t),
          count: entry.duplicates.length,
        })}
      </p>
      <p className="dialog-keys">{t('scan.confirmKeys')}</p>
    </Dialog>
  );
}

function RecentScans({ entries, jobs }: { entries: ScanEntry[]; jobs: ScanState['jobs'] }) {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  if (entries.length === 0) return null;
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('scan.recent')}</h2>
      <ol className="recent-list">
        {entries.map((entry) => {
          const verdict = verdictOf(entry, jobs);
          const order = entry.row?.orders[0];
          return (
            <li key={entry.id} className={`recent-item verdict-${verdict.kind}`}>
              <span className="recent-time">{formatClock(entry.at, language)}</span>
              <span className="recent-number">{entry.number}</span>
              <span className="recent-outcome">{t(outcomeKey(verdict))}</span>
              <span className="recent-detail">
                {[order?.consigneeName, pieceSummary(entry.row, t)].filter(Boolean).join(' · ')}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

type ScanState = ReturnType<typeof useScanStore.getState>;

function outcomeKey(verdict: ScanVerdict): MessageKey {
  if (verdict.kind === 'error') return failureTitleKey(verdict.failure.code);
  if (verdict.kind === 'success') return 'scan.outcomePrinted';
  if (verdict.kind === 'skipped') return 'scan.outcomeSkipped';
  return 'scan.outcomePending';
}
