/**
 * Times as a worker reads them: local date and time, and "5 min ago" for the age of
 * cached data.
 */
import type { Language } from '../../shared/contract';
import type { Translate } from '../i18n/i18n';

/** Local date and time of an ISO string; the "time unknown" text when it is null. */
export function formatTime(iso: string | null, language: Language, t: Translate): string {
  if (!iso) return t('time.unknown');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return t('time.unknown');
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** How long ago `iso` was, in the largest whole unit ("3 h ago"). */
export function formatAge(iso: string | null, t: Translate, now: number = Date.now()): string {
  if (!iso) return t('time.unknown');
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (Number.isNaN(seconds)) return t('time.unknown');
  if (seconds < 60) return t('age.justNow');
  if (seconds < 3600) return t('age.minutes', { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t('age.hours', { n: Math.floor(seconds / 3600) });
  return t('age.days', { n: Math.floor(seconds / 86_400) });
}

/** The local clock time of a moment (ms), for lists of today's scans. */
export function formatClock(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(new Date(ms));
}

/** A compact local date and time for table cells ("9/3/25, 2:05 PM"). */
export function formatShortTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** The last time any of these pieces was printed (ISO strings sort by time), else null. */
export function lastPrintedAt(pieces: Array<{ printedAt: string | null }>): string | null {
  const times = pieces.flatMap((piece) => (piece.printedAt ? [piece.printedAt] : []));
  return times.sort().at(-1) ?? null;
}
