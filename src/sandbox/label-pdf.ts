/**
 * Renders sandbox shipping labels: a one-page 4×6 in PDF (pdf-lib standard fonts, vector
 * Code 128) for GetLabel, and a 203 dpi one-bit PNG for AddOrder, as the vendor's example
 * answers with PNG labels. Nothing is loaded from disk or network.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import {
  drawLabel,
  LABEL_HEIGHT_PT,
  LABEL_WIDTH_PT,
  type LabelCanvas,
  type LabelInfo,
} from './label-layout';
import { createRaster, rasterCanvas } from './label-raster';
import { toWinAnsi } from './label-text';
import { encodePng } from './png-encode';

export type { LabelInfo } from './label-layout';
export { toWinAnsi } from './label-text';

/** Thermal label printers print at 203 dpi (8 dots per mm). */
export const LABEL_PNG_DPI = 203;

/** A one-page PDF of 288×432 pt showing the label. */
export async function renderLabelPdf(info: LabelInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const stamp = info.issuedAt ?? new Date(0);
  doc.setTitle(`Label ${info.trackingNumber}`);
  doc.setProducer('Label Station sandbox');
  doc.setCreator('Label Station sandbox');
  // Fixed dates keep the bytes of a label the same on every run with the same seed.
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);

  const page = doc.addPage([LABEL_WIDTH_PT, LABEL_HEIGHT_PT]);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.CourierBold),
  };
  drawLabel(pdfCanvas(page, fonts), info);
  return doc.save({ useObjectStreams: false });
}

/** A PNG of the label at 203 dpi (812×1218 pixels), black and white. */
export async function renderLabelPng(info: LabelInfo): Promise<Uint8Array> {
  const scale = LABEL_PNG_DPI / 72;
  const raster = createRaster(
    Math.round(LABEL_WIDTH_PT * scale),
    Math.round(LABEL_HEIGHT_PT * scale),
  );
  drawLabel(rasterCanvas(raster, scale), info);
  return encodePng(raster);
}

/** Where text sits under its top edge, as a share of the font size (Helvetica's ascent). */
export const TEXT_ASCENT = 0.76;

function pdfCanvas(
  page: PDFPage,
  fonts: { regular: PDFFont; bold: PDFFont; mono: PDFFont },
): LabelCanvas {
  const black = rgb(0, 0, 0);
  const pick = (style?: 'bold' | 'mono'): PDFFont =>
    style === 'bold' ? fonts.bold : style === 'mono' ? fonts.mono : fonts.regular;
  const top = (y: number, height: number): number => LABEL_HEIGHT_PT - y - height;

  return {
    text(text, x, y, size, style) {
      const safe = toWinAnsi(text);
      if (!safe) return;
      page.drawText(safe, {
        x,
        y: top(y, size * TEXT_ASCENT),
        size,
        font: pick(style),
        color: black,
      });
    },
    measure: (text, size, style) => pick(style).widthOfTextAtSize(toWinAnsi(text), size),
    fill(x, y, width, height) {
      page.drawRectangle({ x, y: top(y, height), width, height, color: black });
    },
    frame(x, y, width, height, line) {
      page.drawRectangle({
        x: x + line / 2,
        y: top(y, height) + line / 2,
        width: width - line,
        height: height - line,
        borderColor: black,
        borderWidth: line,
      });
    },
  };
}
