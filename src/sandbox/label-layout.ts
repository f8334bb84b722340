/**
 * The layout of a sandbox shipping label, 4×6 in (288×432 pt), drawn once for both outputs:
 * the PDF of GetLabel and the PNG of AddOrder. Coordinates are points from the top left.
 */
import bwipjs from 'bwip-js/node';
import type { SandboxConsignee, SandboxSender } from './model';

/** What a label shows. */
export interface LabelInfo {
  /** A label prints no e-mail addresses. */
  sender: Omit<SandboxSender, 'email'>;
  consignee: Omit<SandboxConsignee, 'email'>;
  /** e.g. `UPS-Ground`. */
  channel: string;
  carrier: string;
  trackingNumber: string;
  pieceIndex: number;
  pieceCount: number;
  orderNo: string;
  referenceNo: string;
  /** `SubOrderNo`, e.g. `R800001707210005_001x002`. */
  pieceNo: string;
  weightKg: string;
  /** Ship date as printed, e.g. `2025-09-01`. */
  date: string;
  /** Stamped into the file's metadata; fixed so the same label always has the same bytes. */
  issuedAt?: Date;
}

/** The drawing operations a label needs; each output format implements them. */
export interface LabelCanvas {
  /** Draws text with its top-left corner at (x, y); `size` is the font size in points. */
  text(text: string, x: number, y: number, size: number, style?: 'bold' | 'mono'): void;
  /** The width of `text` in points. */
  measure(text: string, size: number, style?: 'bold' | 'mono'): number;
  /** A filled black rectangle. */
  fill(x: number, y: number, width: number, height: number): void;
  /** An outlined rectangle with a `line`-point border. */
  frame(x: number, y: number, width: number, height: number, line: number): void;
}

export const LABEL_WIDTH_PT = 288;
export const LABEL_HEIGHT_PT = 432;
const MARGIN = 10;

/** Draws the whole label on `canvas`. */
export function drawLabel(canvas: LabelCanvas, info: LabelInfo): void {
  // No outer frame: rows through the barcode hold nothing but the barcode and its quiet
  // zones, which simple row-scanning decoders (ZXing's JavaScript port among them) need.
  drawHeader(canvas, info);
  canvas.fill(4, 96, LABEL_WIDTH_PT - 8, 1.5);
  drawShipTo(canvas, info);
  canvas.fill(4, 228, LABEL_WIDTH_PT - 8, 1.5);
  drawBarcode(canvas, info);
  canvas.fill(4, 362, LABEL_WIDTH_PT - 8, 1.5);
  drawFooter(canvas, info);
}

function drawHeader(canvas: LabelCanvas, info: LabelInfo): void {
  const s = info.sender;
  canvas.text('FROM:', MARGIN, 12, 6, 'bold');
  const lines = [s.name, s.company, ...wrap(canvas, s.address, 7, 150), s.phone];
  lines
    .filter(Boolean)
    .slice(0, 6)
    .forEach((line, i) => canvas.text(line, MARGIN, 21 + i * 9, 7));

  const carrier = info.carrier.toUpperCase();
  const right = LABEL_WIDTH_PT - MARGIN;
  canvas.text(carrier, right - canvas.measure(carrier, 20, 'bold'), 12, 20, 'bold');
  canvas.text(info.channel, right - canvas.measure(info.channel, 7), 36, 7);

  const piece = `${info.pieceIndex} / ${info.pieceCount}`;
  const boxWidth = Math.max(64, canvas.measure(piece, 18, 'bold') + 16);
  canvas.frame(right - boxWidth, 50, boxWidth, 40, 1.5);
  canvas.text('PIECE', right - boxWidth + 5, 53, 6, 'bold');
  canvas.text(piece, right - boxWidth / 2 - canvas.measure(piece, 18, 'bold') / 2, 64, 18, 'bold');
}

function drawShipTo(canvas: LabelCanvas, info: LabelInfo): void {
  const c = info.consignee;
  canvas.text('SHIP TO:', MARGIN, 104, 7, 'bold');
  const cityLine = `${c.city} ${c.state} ${c.zipcode}`.trim();
  const lines: Array<[string, number, 'bold' | undefined]> = [
    [c.name, 13, 'bold'],
    [c.company, 10, undefined],
    [c.address1, 11, undefined],
    [c.address2, 11, undefined],
    [cityLine, 13, 'bold'],
    [c.country === 'US' ? 'UNITED STATES' : c.country, 10, undefined],
    [c.phone ? `TEL ${c.phone}` : '', 8, undefined],
  ];
  let y = 116;
  for (const [line, size, style] of lines) {
    if (!line) continue;
    canvas.text(
      fit(canvas, line, size, LABEL_WIDTH_PT - 2 * MARGIN - 14, style),
      MARGIN + 14,
      y,
      size,
      style,
    );
    y += size + 4;
  }
}

function drawBarcode(canvas: LabelCanvas, info: LabelInfo): void {
  const meta = `${info.channel}   WT ${info.weightKg} KG   ${info.date}`;
  canvas.text(meta, MARGIN, 236, 8, 'bold');
  canvas.text('TRACKING #', MARGIN, 250, 7, 'bold');

  const bars = code128Bars(info.trackingNumber);
  const modules = bars.reduce((sum, w) => sum + w, 0);
  const quiet = 10;
  const module = Math.min(2, (LABEL_WIDTH_PT - 2 * MARGIN) / (modules + 2 * quiet));
  let x = (LABEL_WIDTH_PT - modules * module) / 2;
  bars.forEach((width, i) => {
    if (i % 2 === 0) canvas.fill(x, 262, width * module, 72);
    x += width * module;
  });

  const human = spaced(info.trackingNumber);
  canvas.text(human, (LABEL_WIDTH_PT - canvas.measure(human, 11, 'mono')) / 2, 340, 11, 'mono');
}

function drawFooter(canvas: LabelCanvas, info: LabelInfo): void {
  canvas.text(`ORDER NO  ${info.orderNo}`, MARGIN, 370, 8, 'bold');
  canvas.text(`REF NO    ${info.referenceNo}`, MARGIN, 381, 8);
  canvas.text(`PIECE NO  ${info.pieceNo}`, MARGIN, 392, 8);
  const warning = 'SANDBOX LABEL - NOT VALID FOR SHIPPING';
  canvas.text(warning, (LABEL_WIDTH_PT - canvas.measure(warning, 7, 'bold')) / 2, 411, 7, 'bold');
}

/** Code 128 bar and space widths in modules, bar first (bwip-js picks code sets B/C). */
export function code128Bars(text: string): number[] {
  const symbol = bwipjs.raw('code128', text, {})[0];
  if (!symbol || !('sbs' in symbol)) throw new Error(`Code 128 cannot encode ${text}`);
  return symbol.sbs;
}

/** How carriers print their numbers for people: UPS `1Z W41 2E6 03 9546 823 9`, others by 4. */
function spaced(number: string): string {
  if (number.startsWith('1Z') && number.length === 18) {
    return [2, 3, 3, 2, 4, 3, 1]
      .reduce<{ parts: string[]; at: number }>(
        (acc, n) => ({ parts: [...acc.parts, number.slice(acc.at, acc.at + n)], at: acc.at + n }),
        { parts: [], at: 0 },
      )
      .parts.join(' ');
  }
  return number.replace(/(.{4})(?=.)/g, '$1 ');
}

function wrap(canvas: LabelCanvas, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && canvas.measure(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** Cuts text that would run off the label, marking the cut. */
function fit(
  canvas: LabelCanvas,
  text: string,
  size: number,
  width: number,
  style?: 'bold',
): string {
  if (canvas.measure(text, size, style) <= width) return text;
  let cut = text;
  while (cut.length > 1 && canvas.measure(`${cut}...`, size, style) > width) cut = cut.slice(0, -1);
  return `${cut}...`;
}
