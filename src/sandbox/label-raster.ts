/**
 * A tiny black-and-white raster for PNG labels: text from bwip-js's built-in OCR-B glyphs
 * (so no font file is needed), bars and frames as filled rectangles.
 */
import bwipjs from 'bwip-js/node';
import type { LabelCanvas } from './label-layout';
import { toAscii } from './label-text';

/** A grey-scale bitmap, one byte a pixel, 255 white. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A white raster of the given size in pixels. */
export function createRaster(width: number, height: number): Raster {
  return { width, height, pixels: new Uint8Array(width * height).fill(255) };
}

/** Ascent of text under its top edge, as a share of the font size (matches the PDF). */
const ASCENT = 0.76;

/** A label canvas drawing on `raster`, with `scale` pixels per point. */
export function rasterCanvas(raster: Raster, scale: number): LabelCanvas {
  const font = bwipjs.FontLib.lookup('OCR-B');
  const px = (pt: number): number => Math.round(pt * scale);

  const measure = (text: string, size: number): number => {
    const s = px(size);
    let width = 0;
    for (const ch of toAscii(text))
      width += bwipjs.FontLib.getglyph(font, ch.charCodeAt(0), s, s).advance;
    return width / scale;
  };

  return {
    text(text, x, y, size, style) {
      const s = px(size);
      let pen = px(x);
      const baseline = px(y + size * ASCENT);
      for (const ch of toAscii(text)) {
        const glyph = bwipjs.FontLib.getglyph(font, ch.charCodeAt(0), s, s);
        blit(raster, glyph, pen, baseline);
        // A second pass one pixel over stands in for a bold face.
        if (style === 'bold') blit(raster, glyph, pen + 1, baseline);
        pen += glyph.advance;
      }
    },
    measure,
    fill(x, y, width, height) {
      fillRect(
        raster,
        px(x),
        px(y),
        Math.max(1, px(x + width) - px(x)),
        Math.max(1, px(y + height) - px(y)),
      );
    },
    frame(x, y, width, height, line) {
      const l = Math.max(1, px(line));
      const [x0, y0, x1, y1] = [px(x), px(y), px(x + width), px(y + height)];
      fillRect(raster, x0, y0, x1 - x0, l);
      fillRect(raster, x0, y1 - l, x1 - x0, l);
      fillRect(raster, x0, y0, l, y1 - y0);
      fillRect(raster, x1 - l, y0, l, y1 - y0);
    },
  };
}

type Glyph = ReturnType<typeof bwipjs.FontLib.getglyph>;

function blit(raster: Raster, glyph: Glyph, penX: number, baseline: number): void {
  const left = penX + glyph.left;
  const top = baseline - glyph.top;
  for (let gy = 0; gy < glyph.height; gy++) {
    const y = top + gy;
    if (y < 0 || y >= raster.height) continue;
    for (let gx = 0; gx < glyph.width; gx++) {
      const x = left + gx;
      if (x < 0 || x >= raster.width) continue;
      const ink = glyph.bytes[glyph.offset + gy * glyph.width + gx]!;
      const at = y * raster.width + x;
      raster.pixels[at] = Math.min(raster.pixels[at]!, 255 - ink);
    }
  }
}

function fillRect(raster: Raster, x: number, y: number, width: number, height: number): void {
  const x0 = Math.max(0, x);
  const x1 = Math.min(raster.width, x + width);
  for (let row = Math.max(0, y); row < Math.min(raster.height, y + height); row++) {
    raster.pixels.fill(0, row * raster.width + x0, row * raster.width + x1);
  }
}
