import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { code128Bars, type LabelInfo } from '../../../../src/sandbox/label-layout';
import { renderLabelPdf, renderLabelPng, toWinAnsi } from '../../../../src/sandbox/label-pdf';

const info: LabelInfo = {
  sender: { name: 'fly', company: 'OOPSTON', address: 'Shenzhen', phone: '075523456789' },
  consignee: {
    name: 'Zoë Müller 张伟',
    company: '',
    address1: '18 rue des cadres',
    address2: '',
    city: 'NEW YORK',
    state: 'NY',
    zipcode: '00501',
    country: 'US',
    phone: '',
  },
  channel: 'USPS-Priority',
  carrier: 'USPS',
  trackingNumber: '9374869903503316619479',
  pieceIndex: 2,
  pieceCount: 3,
  orderNo: 'HTFLY8631091734YQ',
  referenceNo: 'XM4038270C35',
  pieceNo: 'HTFLY8631091734YQ_002x003',
  weightKg: '1.2',
  date: '2025-09-01',
  issuedAt: new Date(Date.UTC(2025, 8, 1)),
};

describe('WinAnsi text for the standard PDF fonts', () => {
  it('keeps Latin-1 accents, strips other marks and drops Chinese', () => {
    expect(toWinAnsi('Zoë Müller 张伟')).toBe('Zoë Müller');
    expect(toWinAnsi('Łódź')).toBe('Lódz');
    expect(toWinAnsi('California - 加州码头仓库')).toBe('California');
    expect(toWinAnsi('“quoted” – €5')).toBe('“quoted” – €5');
  });
});

describe('Code 128 bars', () => {
  it('starts with the start code and ends with the 13-module stop pattern', () => {
    const bars = code128Bars('787249009461');
    expect(bars.slice(0, 6)).toEqual([2, 1, 1, 2, 3, 2]); // start code C for a digit run
    expect(bars.slice(-7)).toEqual([2, 3, 3, 1, 1, 1, 2]);
    expect(bars.reduce((sum, w) => sum + w, 0)).toBe(11 * 9 + 2);
  });
});

describe('label files', () => {
  it('renders a 288x432 pt PDF whose bytes depend only on the label', async () => {
    const first = await renderLabelPdf(info);
    const again = await renderLabelPdf(info);
    const page = (await PDFDocument.load(first)).getPage(0);

    expect(page.getSize()).toEqual({ width: 288, height: 432 });
    expect(Buffer.from(first).equals(Buffer.from(again))).toBe(true);
    expect((await PDFDocument.load(first)).getTitle()).toBe('Label 9374869903503316619479');
  });

  it('renders an 812x1218 one-bit PNG', async () => {
    const png = Buffer.from(await renderLabelPng(info));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([
      812, 1218, 1, 0,
    ]);
  });
});
