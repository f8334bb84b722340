import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  buildLabelDocument,
  detectLabelFileKind,
  LabelFileError,
  planPlacement,
  prepareLabel,
  toLabelPdf,
  type LabelLayout,
} from '../../../../src/main/core/printing/label-document';
import { parseLabelSize } from '../../../../src/main/core/printing/label-size';

const FOUR_BY_SIX: LabelLayout = { size: parseLabelSize('4x6in'), scale: 'none' };
const MM_100x150: [number, number] = [283.46, 425.2];

async function pdf(pages: Array<[number, number]>, rotate = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((size, i) => {
    const page = doc.addPage(size);
    page.drawText(`page ${i + 1}`, { x: 10, y: 10, size: 12, font });
    if (rotate) page.setRotation({ type: 'degrees', angle: rotate } as never);
  });
  return doc.save();
}

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(255);
  return new Uint8Array(PNG.sync.write(image));
}

async function pageSizes(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((p) => `${Math.round(p.getWidth())}x${Math.round(p.getHeight())}`);
}

async function refusal(bytes: Uint8Array, layout = FOUR_BY_SIX): Promise<LabelFileError> {
  const error = await prepareLabel(bytes, layout).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LabelFileError);
  return error as LabelFileError;
}

describe('telling label files apart', () => {
  it('goes by the first bytes, not by a name or declared type', () => {
    expect(detectLabelFileKind(new TextEncoder().encode('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectLabelFileKind(new TextEncoder().encode('\r\n %PDF-1.4'))).toBe('pdf');
    expect(detectLabelFileKind(png(2, 2))).toBe('png');
    expect(detectLabelFileKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpg');
    expect(detectLabelFileKind(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(detectLabelFileKind(new TextEncoder().encode('<html>%PDF-1.4'))).toBeNull();
  });

  it('refuses files that are neither PDF nor image, saying what they look like', async () => {
    const html = await refusal(new TextEncoder().encode('<!DOCTYPE html><p>Login</p>'));
    expect(html.problem).toBe('not-a-label');
    expect(html.message).toContain('a web page (HTML)');
    expect((await refusal(new TextEncoder().encode('{"Message":"no"}'))).message).toContain('JSON');
    expect((await refusal(new Uint8Array())).problem).toBe('empty');
  });

  it('refuses damaged PDFs and images, and PDFs without pages', async () => {
    expect((await refusal(new TextEncoder().encode('%PDF-1.4\ngarbage'))).problem).toBe(
      'damaged-pdf',
    );
    const noPages = await (await PDFDocument.create()).save({ addDefaultPage: false });
    expect((await refusal(noPages)).problem).toBe('no-pages');
    const brokenPng = new Uint8Array([...png(2, 2).subarray(0, 8), 1, 2, 3, 4]);
    expect((await refusal(brokenPng)).problem).toBe('damaged-image');
  });
});

describe('laying labels out on the label size', () => {
  it('keeps a page of the label size untouched', async () => {
    const prepared = await prepareLabel(await pdf([[288, 432]]), FOUR_BY_SIX);
    expect(prepared).toMatchObject({ kind: 'pdf', pageCount: 1, notes: [] });
    expect(planPlacement({ width: 288.4, height: 431.7 }, 0, FOUR_BY_SIX)).toEqual({
      kind: 'copy',
    });
  });

  it('places a 100x150 mm label centred at 100 % on 4x6 in stock', async () => {
    const plan = planPlacement({ width: MM_100x150[0], height: MM_100x150[1] }, 0, FOUR_BY_SIX);
    expect(plan).toMatchObject({ kind: 'place', turn: 0, scale: 1 });
    if (plan.kind !== 'place') throw new Error('placed');
    expect(plan.x).toBeCloseTo((288 - 283.46) / 2, 2);
    expect(plan.y).toBeCloseTo((432 - 425.2) / 2, 2);
    expect(await pageSizes(await toLabelPdf(await pdf([MM_100x150])))).toEqual(['288x432']);
  });

  it('turns a landscape label a quarter instead of shrinking it', () => {
    const plan = planPlacement({ width: 432, height: 288 }, 0, FOUR_BY_SIX);
    // Turned clockwise: the drawing hangs down from its anchor at the top left.
    expect(plan).toMatchObject({ kind: 'place', turn: 90, scale: 1, x: 0, y: 432 });
  });

  it('honours the page’s own rotation: a 6x4 page shown upright is copied', () => {
    expect(planPlacement({ width: 432, height: 288 }, 90, FOUR_BY_SIX)).toEqual({ kind: 'copy' });
    expect(planPlacement({ width: 432, height: 288 }, -270, FOUR_BY_SIX)).toEqual({ kind: 'copy' });
  });

  it('refuses a label that would have to shrink, unless shrinking is allowed', async () => {
    const a4 = await pdf([[595, 842]]);
    const error = await refusal(a4);
    expect(error.problem).toBe('wrong-size');
    expect(error.message).toContain('210×297 mm');
    expect(error.message).toContain('4×6 in');

    const shrunk = await prepareLabel(a4, { ...FOUR_BY_SIX, scale: 'shrink' });
    expect(shrunk.notes).toEqual(['scaled to 48 %']);
    expect(await pageSizes(await buildLabelDocument([shrunk]))).toEqual(['288x432']);
  });

  it('names the page that is too big in a many-page label', async () => {
    const error = await refusal(
      await pdf([
        [288, 432],
        [595, 842],
      ]),
    );
    expect(error.message).toContain('Page 2 of the label');
  });

  it('enlarges only when the scale setting is fit', () => {
    const small = { width: 144, height: 216 };
    expect(planPlacement(small, 0, FOUR_BY_SIX)).toMatchObject({ scale: 1, x: 72, y: 108 });
    expect(planPlacement(small, 0, { ...FOUR_BY_SIX, scale: 'shrink' })).toMatchObject({
      scale: 1,
    });
    expect(planPlacement(small, 0, { ...FOUR_BY_SIX, scale: 'fit' })).toMatchObject({
      scale: 2,
      x: 0,
      y: 0,
    });
  });

  it('fits a PNG to the label keeping its aspect, turning a landscape one', async () => {
    for (const [w, h] of [
      [800, 1200],
      [1200, 800],
      [400, 400],
    ] as const) {
      const prepared = await prepareLabel(png(w, h), FOUR_BY_SIX);
      expect(prepared.kind).toBe('png');
      expect(await pageSizes(await buildLabelDocument([prepared]))).toEqual(['288x432']);
    }
    expect((await prepareLabel(png(1200, 800), FOUR_BY_SIX)).notes[0]).toContain(
      'turned a quarter',
    );
  });

  it('merges labels with their pages in exactly the order given', async () => {
    const labels = await Promise.all(
      [
        [[288, 432]],
        [
          [288, 432],
          [288, 432],
        ],
        [MM_100x150],
      ].map(async (pages) =>
        prepareLabel(await pdf(pages as Array<[number, number]>), FOUR_BY_SIX),
      ),
    );
    const merged = await PDFDocument.load(await buildLabelDocument(labels));
    expect(merged.getPageCount()).toBe(4);
    expect(await pageSizes(await merged.save())).toEqual([
      '288x432',
      '288x432',
      '288x432',
      '288x432',
    ]);
  });
});
