/**
 * MegaWMS times carry no zone: `2017-12-27 11:23:53` or `2017/12/27 22:22:42` is the wall
 * clock of the MegaWMS server. Label Station keeps such a time as a Date whose UTC fields
 * are that wall clock ("naive" time): it never shifts with the station's own zone or its
 * daylight-saving changes, and formatting it back gives the exact text MegaWMS sent.
 * Show these Dates with `timeZone: 'UTC'` to print the server's wall time.
 */

const TIME_PATTERN =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?)?$/;

/** Parsed time, `null` for "no time", or `undefined` when the text is not a time at all. */
export function parseMegaWmsTime(text: string): Date | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;

  const m = TIME_PATTERN.exec(trimmed);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // `1900-01-01 00:00:00` is the vendor's "no time known"; .NET's 0001-01-01 means the same.
  if (year <= 1900) return null;

  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  return valid ? date : undefined;
}

/** Formats a naive MegaWMS time back to `yyyy-MM-dd HH:mm:ss` (the documented form). */
export function formatMegaWmsTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}
