/**
 * `station labels`: the label of every piece, through the offline cache (MegaWMS only for
 * what the cache lacks); writes one PDF per piece or one merged PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Label } from '../../shared/domain';
import type { Command } from '../command';
import { printJson, reportFailures } from '../command';
import { requireNumbers } from '../input';
import { openLookupService } from './cache';

export const labelsCommand: Command = {
  name: 'labels',
  usage: 'labels <number...> [--file F] [--out DIR] [--merge FILE.pdf] [--refresh]',
  summary: 'Fetch labels (cached ones reused); one PDF per piece (--out) or all in one (--merge).',
  options: {
    file: { type: 'string' },
    out: { type: 'string' },
    merge: { type: 'string' },
    refresh: { type: 'boolean' },
  },
  async run(ctx, positionals, values) {
    const numbers = requireNumbers(positionals, values.file as string | undefined);
    const service = await openLookupService(ctx);
    const results = await service.findLabels(numbers, {
      refresh: Boolean(values.refresh),
      onProgress: (done, total) => ctx.io.progress('labels', done, total),
    });

    const labels = results.flatMap((r) => (r.ok ? r.labels : []));
    const failures = results.flatMap((r) => (r.ok ? [] : [r]));
    const withoutFile = labels.filter((l) => !l.file);
    const written = await writeLabelFiles(labels, values.out as string | undefined);
    if (values.merge) await writeMerged(labels, values.merge as string);

    if (ctx.options.json) printJson(ctx, { results, written });
    else for (const l of labels) ctx.io.out(describe(l));
    for (const l of withoutFile) {
      failures.push({
        ok: false,
        query: l.trackingNumber,
        code: 'not-found',
        message: 'MegaWMS gave no label file',
      });
    }
    return reportFailures(ctx, failures);
  },
};

function describe(l: Label): string {
  const file = l.file ? `${l.fileType} ${l.file.byteLength} bytes` : 'no file';
  return `${l.trackingNumber}\t${l.orderNo}\tpiece ${l.pieceIndex}/${l.pieceCount}\t${file}`;
}

/** Label bytes as a PDF of label size, whatever MegaWMS sent (PDF as is, images placed). */
export async function labelAsPdf(label: Label): Promise<Uint8Array> {
  if (!label.file) throw new Error(`${label.trackingNumber}: MegaWMS gave no label file`);
  const { toLabelPdf } = await import('../../main/core/printing/label-document');
  return toLabelPdf(label.file);
}

/**
 * One PDF per piece in `outDir`, named by its tracking number. A PDF label is written byte
 * for byte as MegaWMS sent it (its checksum is the cache's); an image is put on a PDF page.
 */
export async function writeLabelFiles(
  labels: Label[],
  outDir: string | undefined,
): Promise<string[]> {
  if (!outDir) return [];
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const label of labels) {
    if (!label.file) continue;
    const file = path.join(outDir, `${safeFileName(label.trackingNumber || label.pieceNo)}.pdf`);
    fs.writeFileSync(file, label.fileType === 'pdf' ? label.file : await labelAsPdf(label));
    written.push(file);
  }
  return written;
}

async function writeMerged(labels: Label[], file: string): Promise<void> {
  const merged = await PDFDocument.create();
  for (const label of labels) {
    if (!label.file) continue;
    const doc = await PDFDocument.load(await labelAsPdf(label));
    const pages = await merged.copyPages(doc, doc.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, await merged.save());
}

/** Tracking numbers are [A-Z0-9] in practice; anything else is replaced so no path escapes. */
function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'label';
}
