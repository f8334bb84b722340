/**
 * Reference numbers for new orders. MegaWMS refuses a second order with the same
 * reference number, so one generated when the form opens makes a retry safe.
 */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A reference number like `LS-20240131-142501-7f3a`: local time plus 16 random bits. */
export function generateReferenceNo(now: Date = new Date()): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const random = crypto.getRandomValues(new Uint16Array(1))[0] ?? 0;
  return `LS-${date}-${time}-${random.toString(16).padStart(4, '0')}`;
}
