/**
 * Bytes in the renderer: label PDFs arrive as base64 and are shown from Blob URLs;
 * exports leave as Blob downloads. Nothing uses file: URLs or the network.
 */

/** Decodes base64 (as labels cross IPC) to bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A Blob URL for a label's PDF bytes; the caller revokes it when the preview closes. */
export function pdfObjectUrl(base64: string): string {
  return URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: 'application/pdf' }));
}

/** Offers `text` as a file download named `fileName`. */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (Chinese names).
  const blob = new Blob(['\uFEFF', text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `name-YYYYMMDD-HHMM.csv`, so exports of the same day sort and do not overwrite. */
export function exportFileName(name: string, now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`;
  return `${name}-${stamp}-${p(now.getHours())}${p(now.getMinutes())}.csv`;
}
