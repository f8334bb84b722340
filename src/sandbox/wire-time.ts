/**
 * Time stamps as MegaWMS writes them. The servers run on China Standard Time (UTC+8), and
 * the same answer may mix `yyyy-MM-dd HH:mm:ss` with the .NET default `yyyy/M/d H:mm:ss`.
 */

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The "no time known" stamp of MegaWMS. */
export const NO_TIME = '1900-01-01 00:00:00';

/** `2017-12-27 11:23:53` in China Standard Time. */
export function formatDashTime(date: Date): string {
  const p = chinaParts(date);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** `2017/12/28 0:20:43` in China Standard Time (no zero padding but minutes and seconds). */
export function formatSlashTime(date: Date): string {
  const p = chinaParts(date);
  return `${p.y}/${p.mo}/${p.d} ${p.h}:${pad(p.mi)}:${pad(p.s)}`;
}

/** `170721`: the date part of an `R…` order number. */
export function formatOrderDate(date: Date): string {
  const p = chinaParts(date);
  return `${String(p.y).slice(2)}${pad(p.mo)}${pad(p.d)}`;
}

function chinaParts(date: Date): {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
} {
  const t = new Date(date.getTime() + CHINA_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
