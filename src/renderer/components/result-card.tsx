/**
 * The Scan screen's big card: what the last scan found and how its label is doing, in
 * colour, words and type large enough to read at arm's length.
 */
import type { JobView, LookupRow, PieceView } from '../../shared/contract';
import { useI18nStore, useT, type Translate } from '../i18n/i18n';
import { failureHintKey, failureReason, failureTitleKey, jobStateKey } from '../i18n/names';
import { formatAge, formatTime, lastPrintedAt } from '../lib/time';
import { useNetworkStore } from '../stores/network-store';
import { usePreviewStore } from '../stores/preview-store';
import { type ScanEntry, verdictOf } from '../stores/scan-store';

interface ResultCardProps {
  entry: ScanEntry | null;
  jobs: Record<number, JobView>;
}

/**
 * Which piece (or pieces) of the order this scan printed: "Piece 2 of 3" for one, "All 3
 * pieces" when a master tracking or order number brought the whole shipment.
 */
export function pieceSummary(row: LookupRow | null, t: Translate): string | null {
  const pieces = row?.pieces ?? [];
  const first = pieces[0];
  if (!first) return null;
  if (pieces.length === 1) {
    return t('scan.pieceOf', { index: first.pieceIndex, count: first.pieceCount });
  }
  if (pieces.length >= first.pieceCount) return t('scan.allPieces', { count: first.pieceCount });
  return t('scan.somePieces', { n: pieces.length, count: first.pieceCount });
}

/** The last scan's verdict; a "ready" card before the first scan. */
export function ResultCard({ entry, jobs }: ResultCardProps): React.JSX.Element {
  const t = useT();
  if (!entry) {
    return (
      <section className="result-card verdict-ready" aria-live="polite" data-verdict="ready">
        <p className="result-headline">{t('scan.ready')}</p>
        <p className="result-sub">{t('scan.readyHint')}</p>
      </section>
    );
  }

  const verdict = verdictOf(entry, jobs);
  return (
    <section
      className={`result-card verdict-${verdict.kind}`}
      aria-live="polite"
      aria-label={t('scan.resultLabel')}
      data-verdict={verdict.kind}
      data-number={entry.number}
      data-job-state={verdict.kind === 'success' ? verdict.jobState : undefined}
    >
      {verdict.kind === 'pending' && (
        <p className="result-headline">{t('scan.lookingUp', { number: entry.number })}</p>
      )}
      {verdict.kind === 'skipped' && (
        <p className="result-headline">{t('scan.skipped', { number: entry.number })}</p>
      )}
      {verdict.kind === 'confirm' && (
        <p className="result-headline">{t('scan.confirmHeadline', { number: entry.number })}</p>
      )}
      {verdict.kind === 'error' && (
        <FailureBody entry={entry} code={verdict.failure.code} message={verdict.failure.message} />
      )}
      {verdict.kind === 'success' && <SuccessBody entry={entry} jobState={verdict.jobState} />}
    </section>
  );
}

function FailureBody({
  entry,
  code,
  message,
}: {
  entry: ScanEntry;
  code: string;
  message: string;
}) {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const hint = failureHintKey(code);
  const reason = failureReason(code, message, language);
  return (
    <div role="alert">
      <p className="result-headline">
        <span className="result-icon" aria-hidden="true">
          ✕
        </span>
        <span className="result-title">{t(failureTitleKey(code))}</span>
      </p>
      <p className="result-number">{entry.number}</p>
      {reason && <p className="result-reason">{reason}</p>}
      {hint && <p className="result-hint">{t(hint)}</p>}
    </div>
  );
}

function SuccessBody({ entry, jobState }: { entry: ScanEntry; jobState: JobView['state'] }) {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const online = useNetworkStore((state) => state.online);
  const order = entry.row?.orders[0];
  const destination = [order?.city, order?.state, order?.country].filter(Boolean).join(', ');
  // A label the cache served while MegaWMS is away: say so, with the copy's age.
  const fromCache = entry.row?.offline || (entry.row?.source === 'cache' && !online);
  const openPreview = usePreviewStore((state) => state.open);
  const labelPiece = entry.row?.pieces.find((piece) => piece.hasFile && piece.trackingNumber);
  const pieces = pieceSummary(entry.row, t);
  const headline = jobState === 'done' ? t('scan.printed') : t(jobStateKey(jobState));
  return (
    <div>
      <p className="result-headline">
        <span className="result-icon" aria-hidden="true">
          ✓
        </span>
        <span className="result-title">{headline}</span>
      </p>
      <p className="result-consignee">{order?.consigneeName || entry.number}</p>
      <dl className="result-facts">
        <div>
          <dt>{t('field.orderNo')}</dt>
          <dd>{order?.orderNo ?? entry.row?.pieces[0]?.orderNo ?? '—'}</dd>
        </div>
        {pieces && (
          <div>
            <dt>{t('field.pieces')}</dt>
            <dd>{pieces}</dd>
          </div>
        )}
        {destination && (
          <div>
            <dt>{t('field.destination')}</dt>
            <dd>{destination}</dd>
          </div>
        )}
      </dl>
      {entry.duplicates.length > 0 && (
        <PrintedBefore pieces={entry.duplicates} language={language} />
      )}
      {labelPiece && (
        <button
          type="button"
          className="result-preview"
          onClick={() => void openPreview(labelPiece.trackingNumber)}
        >
          {t('scan.showLabel')}
        </button>
      )}
      {fromCache && (
        <p className="result-note">
          {t('scan.fromCache', { age: formatAge(order?.fetchedAt ?? null, t) })}
        </p>
      )}
    </div>
  );
}

function PrintedBefore({ pieces, language }: { pieces: PieceView[]; language: 'en' | 'zh-CN' }) {
  const t = useT();
  return (
    <p className="result-warning" role="note">
      {t('scan.printedBefore', { time: formatTime(lastPrintedAt(pieces), language, t) })}
    </p>
  );
}
