/**
 * Sandbox labels are real: a 288×432 pt PDF page whose Code 128 barcode, rendered by poppler
 * and read by ZXing, decodes to the tracking number; AddOrder's PNG labels scan the same way.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Carrier } from '../../src/sandbox/model';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { ACCOUNT, addOrderBody, post } from './sandbox-http';

const run = promisify(execFile);
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, orderCount: 80, inventoryRows: 100 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-labels-'));
});
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The barcode text ZXing reads from a PNG image. */
function decodeCode128(png: Buffer): string {
  const image = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminance.length; i++) {
    const [r, g, b] = [image.data[i * 4]!, image.data[i * 4 + 1]!, image.data[i * 4 + 2]!];
    luminance[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const source = new RGBLuminanceSource(luminance, image.width, image.height);
  return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
}

/** Renders page 1 of a PDF at 200 dpi with poppler's pdftoppm. */
async function pdfToPng(pdf: Buffer, name: string): Promise<Buffer> {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  await run('/usr/bin/pdftoppm', ['-r', '200', '-png', '-singlefile', file, path.join(dir, name)]);
  return fs.readFileSync(path.join(dir, `${name}.png`));
}

async function fetchPdfLabel(trackingNumber: string): Promise<Buffer> {
  const { json } = await post(sandbox, '/PubApi/GetLabel.aspx', {
    ...ACCOUNT,
    LabelType: '1',
    TrackNumbers: [{ TrackNumber: trackingNumber }],
  });
  return Buffer.from(json.Labels[0].LabelBase64, 'base64');
}

function pieceOf(carrier: Carrier): string {
  const order =
    sandbox.data.orders.find(
      (o) => o.channel.carrier === carrier && o.statusCode === 6 && o.pieces.length > 1,
    ) ?? sandbox.data.orders.find((o) => o.channel.carrier === carrier && o.statusCode === 6)!;
  return order.pieces[order.pieces.length - 1]!.trackingNumber;
}

describe('PDF labels (GetLabel)', () => {
  it('is one 4x6 in page of 288x432 pt', async () => {
    const pdf = await PDFDocument.load(await fetchPdfLabel(sandbox.sample().trackingNumbers[0]!));

    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
  });

  it.each(['UPS', 'FedEx', 'USPS'] as const)(
    'carries a Code 128 barcode that decodes to the %s piece tracking number',
    async (carrier) => {
      const trackingNumber = pieceOf(carrier);
      const png = await pdfToPng(await fetchPdfLabel(trackingNumber), carrier);

      expect(decodeCode128(png)).toBe(trackingNumber);
    },
  );

  it('prints the piece number, the order and reference numbers and the address', async () => {
    const order = sandbox.data.findOrder(sandbox.sample().multiPieceOrderNo)!;
    const pdf = await fetchPdfLabel(order.pieces[1]!.trackingNumber);
    const file = path.join(dir, 'text.pdf');
    fs.writeFileSync(file, pdf);
    const { stdout } = await run('/usr/bin/pdftotext', ['-layout', file, '-']);

    expect(stdout).toMatch(new RegExp(`\\b2\\s*/\\s*${order.pieces.length}\\b`));
    expect(stdout).toContain(order.orderNo);
    expect(stdout).toContain(order.referenceNo);
    expect(stdout).toContain(order.pieces[1]!.pieceNo);
    expect(stdout).toContain(order.consignee.address1);
    expect(stdout).toContain(order.channel.name);
  });

  it('serves the same bytes for a label fetched twice', async () => {
    const number = sandbox.sample().trackingNumbers[3]!;
    expect((await fetchPdfLabel(number)).equals(await fetchPdfLabel(number))).toBe(true);
  });
});

describe('PNG labels (AddOrder)', () => {
  it('answers a 203 dpi 4x6 in PNG per piece, its barcode the piece number', async () => {
    const { json } = await post(
      sandbox,
      '/PubApi/AddOrder.aspx',
      addOrderBody({ Base_ChannelInfoID: '206' }),
    );
    const second = json.Labels[1];
    const png = Buffer.from(second.Label, 'base64');
    const image = PNG.sync.read(png);

    expect([image.width, image.height]).toEqual([812, 1218]);
    expect(decodeCode128(png)).toBe(second.Tracknumber);
  });
});
