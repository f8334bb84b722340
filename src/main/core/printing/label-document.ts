/**
 * Turns every label file into a PDF of the label's size before it can reach a printer.
 * The file's kind is read from its first bytes, never from what MegaWMS declared:
 * - a PDF is parsed; each page of the label's size is kept as is. A page that is smaller, or
 *   off by no more than SIZE_TOLERANCE, is placed centred at 100 % on a page of the label
 *   size; a page of the other orientation is turned a quarter first. A page that would
 *   only fit by shrinking is refused when the scale setting is 'none' (a shrunk barcode
 *   may not scan) and shrunk to fit when the setting is 'shrink' or 'fit'.
 * - a PNG or JPEG is placed on a page of the label size, scaled to fit keeping its aspect,
 *   centred, turned a quarter when its orientation differs from the label's.
 * - anything else is refused with a LabelFileError and never sent.
 */
import { degrees, PDFDocument, type PDFPage } from 'pdf-lib';
import {
  describeLabelSize,
  parseLabelSize,
  DEFAULT_LABEL_SIZE,
  type LabelSize,
} from './label-size';

export type LabelFileKind = 'pdf' | 'png' | 'jpg';

/** How a page that is not the label's size is fitted: never, only down, or up and down. */
export type ScaleMode = 'none' | 'shrink' | 'fit';

/** The page a label must end up on. */
export interface LabelLayout {
  size: LabelSize;
  scale: ScaleMode;
}

/** Why a label file cannot be printed. */
export type LabelFileProblem =
  | 'empty'
  | 'not-a-label'
  | 'damaged-pdf'
  | 'encrypted-pdf'
  | 'no-pages'
  | 'wrong-size'
  | 'damaged-image';

/** A label file that is refused; the message says what it is and what to do. */
export class LabelFileError extends Error {
  constructor(
    readonly problem: LabelFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'LabelFileError';
  }
}

/** A label checked and laid out: `doc` has only pages of the label's size. */
export interface PreparedLabel {
  kind: LabelFileKind;
  doc: PDFDocument;
  /** The file as it came, when `doc` is that file unchanged (it is then sent byte for byte). */
  original: Uint8Array | null;
  pageCount: number;
  /** What was done to fit it ("placed centred", "turned a quarter"), for the job's log. */
  notes: string[];
}

/** Up to 3 % off on a side still counts as this label (100×150 mm is 1.6 % under 4×6 in). */
export const SIZE_TOLERANCE = 0.03;
// Within a point a page is the label's size exactly and is copied untouched.
const EXACT_PT = 1;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PDF_MAGIC = '%PDF-';

/** The file's kind from its magic bytes, or null when it is neither PDF, PNG nor JPEG. */
export function detectLabelFileKind(bytes: Uint8Array): LabelFileKind | null {
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, JPEG_MAGIC)) return 'jpg';
  // PDF readers accept the header after leading whitespace (some servers add a newline).
  let i = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) i = 3;
  while (i < bytes.length && i < 1024 && isWhitespace(bytes[i]!)) i++;
  const head = String.fromCharCode(...bytes.subarray(i, i + PDF_MAGIC.length));
  return head === PDF_MAGIC ? 'pdf' : null;
}

/** Checks one label file and lays it out on pages of the label size; throws LabelFileError. */
export async function prepareLabel(bytes: Uint8Array, layout: LabelLayout): Promise<PreparedLabel> {
  if (bytes.byteLength === 0) {
    throw new LabelFileError('empty', 'The label file is empty. Fetch the label again.');
  }
  const kind = detectLabelFileKind(bytes);
  if (kind === 'pdf') return preparePdf(bytes, layout);
  if (kind === 'png' || kind === 'jpg') return prepareImage(bytes, kind, layout);
  throw new LabelFileError(
    'not-a-label',
    `The label file is ${describeUnknown(bytes)}, not a PDF, PNG or JPEG label, so it was ` +
      'not printed. Fetch the label again or ask MegaWMS support.',
  );
}

/** Merges prepared labels into one PDF, pages in exactly the order given. */
export async function buildLabelDocument(labels: PreparedLabel[]): Promise<Uint8Array> {
  if (labels.length === 1) return labels[0]!.original ?? labels[0]!.doc.save();
  const merged = await PDFDocument.create();
  for (const label of labels) {
    const pages = await merged.copyPages(label.doc, label.doc.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return merged.save();
}

/** One label file as a PDF of label size (4×6 in and no scaling unless told otherwise). */
export async function toLabelPdf(
  bytes: Uint8Array,
  layout: LabelLayout = { size: parseLabelSize(DEFAULT_LABEL_SIZE), scale: 'none' },
): Promise<Uint8Array> {
  return buildLabelDocument([await prepareLabel(bytes, layout)]);
}

async function preparePdf(bytes: Uint8Array, layout: LabelLayout): Promise<PreparedLabel> {
  const { doc: src, pages } = await loadPdf(bytes);
  if (pages.length === 0) {
    throw new LabelFileError('no-pages', 'The label PDF has no pages. Fetch the label again.');
  }
  const plans = pages.map((page, i) => {
    const which = pages.length > 1 ? `Page ${i + 1} of the label` : 'The label';
    return planPlacement(boxOf(page), page.getRotation().angle, layout, which);
  });
  if (plans.every((p) => p.kind === 'copy')) {
    return { kind: 'pdf', doc: src, original: bytes, pageCount: pages.length, notes: [] };
  }

  const doc = await PDFDocument.create();
  const copyIndices = plans.flatMap((p, i) => (p.kind === 'copy' ? [i] : []));
  const copied = await doc.copyPages(src, copyIndices);
  const notes = new Set<string>();
  let next = 0;
  for (const [i, plan] of plans.entries()) {
    if (plan.kind === 'copy') {
      doc.addPage(copied[next++]!);
      continue;
    }
    const box = boxOf(pages[i]!);
    const embedded = await doc.embedPage(pages[i]!, {
      left: box.x,
      bottom: box.y,
      right: box.x + box.width,
      top: box.y + box.height,
    });
    const page = doc.addPage([layout.size.widthPt, layout.size.heightPt]);
    page.drawPage(embedded, {
      x: plan.x,
      y: plan.y,
      xScale: plan.scale,
      yScale: plan.scale,
      rotate: degrees(-plan.turn),
    });
    notes.add(plan.note);
  }
  return { kind: 'pdf', doc, original: null, pageCount: pages.length, notes: [...notes] };
}

async function loadPdf(bytes: Uint8Array): Promise<{ doc: PDFDocument; pages: PDFPage[] }> {
  let doc: PDFDocument;
  let pages: PDFPage[];
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    // pdf-lib reads leniently; a broken page tree only shows when the pages are walked.
    pages = doc.getPages();
    for (const page of pages) boxOf(page);
  } catch {
    throw new LabelFileError(
      'damaged-pdf',
      'The label PDF is damaged and cannot be read. Fetch the label again.',
    );
  }
  // Limitation: pdf-lib cannot decrypt, so a password-protected label is refused; a PDF
  // library with decryption (or the carrier sending it unprotected) would lift this.
  if (doc.isEncrypted) {
    throw new LabelFileError(
      'encrypted-pdf',
      'The label PDF is password-protected, so Label Station cannot place it on the label. ' +
        'Ask MegaWMS support for an unprotected label.',
    );
  }
  return { doc, pages };
}

/**
 * How one page reaches the label: copied as it is, or drawn on a label-size page turned
 * `turn` degrees clockwise, scaled by `scale`, its lower left corner anchored at (x, y).
 */
export type Placement =
  | { kind: 'copy' }
  | { kind: 'place'; turn: number; scale: number; x: number; y: number; note: string };

/**
 * The placement of a page of `box` (points, before its own /Rotate of `rotation`) on the
 * label; throws LabelFileError when it would have to shrink and the layout says never.
 */
export function planPlacement(
  box: { width: number; height: number },
  rotation: number,
  layout: LabelLayout,
  which = 'The label',
): Placement {
  const { size, scale: mode } = layout;
  const own = normaliseAngle(rotation);
  const shown = own % 180 === 0 ? box : { width: box.height, height: box.width };
  if (near(shown.width, size.widthPt, EXACT_PT) && near(shown.height, size.heightPt, EXACT_PT)) {
    return { kind: 'copy' };
  }

  const quarter =
    isLandscape(shown) !== isLandscape({ width: size.widthPt, height: size.heightPt });
  const turn = (own + (quarter ? 90 : 0)) % 360;
  const upright = turn % 180 === 0 ? box : { width: box.height, height: box.width };
  const fits =
    upright.width <= size.widthPt * (1 + SIZE_TOLERANCE) &&
    upright.height <= size.heightPt * (1 + SIZE_TOLERANCE);
  const fit = Math.min(size.widthPt / upright.width, size.heightPt / upright.height);
  let scale = 1;
  if (mode === 'fit') scale = fit;
  else if (!fits && mode === 'shrink') scale = fit;
  else if (!fits) throw tooBig(upright, size, which);

  const note = scale === 1 ? 'placed centred at 100 %' : `scaled to ${Math.round(scale * 100)} %`;
  return {
    kind: 'place',
    turn,
    scale,
    ...anchor({ turn, scale, width: box.width, height: box.height }, size),
    note: quarter ? `${note}, turned a quarter` : note,
  };
}

function tooBig(
  page: { width: number; height: number },
  size: LabelSize,
  which: string,
): LabelFileError {
  return new LabelFileError(
    'wrong-size',
    `${which} is ${mm(page.width)}×${mm(page.height)} mm, larger than the ` +
      `${describeLabelSize(size)} labels this printer is set up for, and shrinking it could ` +
      'make the barcode unreadable. Choose the right label size in the print settings, ' +
      'or allow shrinking there.',
  );
}

/** Where to anchor a drawing turned clockwise by `turn` so it sits centred on the label. */
function anchor(
  plan: { turn: number; scale: number; width: number; height: number },
  size: LabelSize,
): { x: number; y: number } {
  const w = plan.width * plan.scale;
  const h = plan.height * plan.scale;
  const shownW = plan.turn % 180 === 0 ? w : h;
  const shownH = plan.turn % 180 === 0 ? h : w;
  const ox = (size.widthPt - shownW) / 2;
  const oy = (size.heightPt - shownH) / 2;
  // pdf-lib turns about the anchor, counter-clockwise for positive angles.
  switch (plan.turn) {
    case 90:
      return { x: ox, y: oy + w };
    case 180:
      return { x: ox + w, y: oy + h };
    case 270:
      return { x: ox + h, y: oy };
    default:
      return { x: ox, y: oy };
  }
}

async function prepareImage(
  bytes: Uint8Array,
  kind: 'png' | 'jpg',
  layout: LabelLayout,
): Promise<PreparedLabel> {
  const doc = await PDFDocument.create();
  // Limitation: pdf-lib decodes a PNG fully and compresses it again (≈ 150–350 ms for a
  // 203 dpi 4×6 label on two cores); copying the PNG's IDAT stream into the PDF with a
  // PNG predictor (for non-interlaced images without alpha) would take a few ms.
  let image;
  try {
    image = kind === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  } catch {
    throw new LabelFileError(
      'damaged-image',
      `The label image (${kind.toUpperCase()}) is damaged and cannot be read. ` +
        'Fetch the label again.',
    );
  }
  const { size } = layout;
  const quarter =
    isLandscape(image) !== isLandscape({ width: size.widthPt, height: size.heightPt });
  const turn = quarter ? 90 : 0;
  const upright = quarter ? { width: image.height, height: image.width } : image;
  const scale = Math.min(size.widthPt / upright.width, size.heightPt / upright.height);
  const plan = { turn, scale, width: image.width, height: image.height };

  const page = doc.addPage([size.widthPt, size.heightPt]);
  page.drawImage(image, {
    ...anchor(plan, size),
    width: image.width * scale,
    height: image.height * scale,
    rotate: degrees(-turn),
  });
  const note = quarter
    ? 'image fitted to the label, turned a quarter'
    : 'image fitted to the label';
  return { kind, doc, original: null, pageCount: 1, notes: [note] };
}

function boxOf(page: PDFPage): { x: number; y: number; width: number; height: number } {
  return page.getCropBox();
}

function normaliseAngle(angle: number): number {
  return (((Math.round(angle / 90) * 90) % 360) + 360) % 360;
}

function isLandscape(box: { width: number; height: number }): boolean {
  return box.width > box.height;
}

function near(a: number, b: number, within: number): boolean {
  return Math.abs(a - b) <= within;
}

function mm(points: number): string {
  return String(Math.round((points * 25.4) / 72));
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c;
}

/** A few words on what an unknown file looks like, so the worker can tell support. */
function describeUnknown(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 256))
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'a web page (HTML)';
  if (head.startsWith('<?xml') || head.startsWith('<svg')) return 'an XML or SVG file';
  if (head.startsWith('{') || head.startsWith('[')) return 'a JSON text';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'a GIF image';
  return `an unknown kind of file (${bytes.byteLength} bytes)`;
}
