import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { Credentials, NewOrder } from '../../../../src/shared/domain';
import { MegaWmsError } from '../../../../src/main/core/megawms/errors';
import {
  detectFileType,
  parsePieceNo,
  toAddOrderRequest,
  toGetLabelRequest,
  toGetOrderMsgRequest,
  toGetTrackingNoRequest,
  toGetTrackRequest,
  toInvalidOrderRequest,
  toInventoryRequest,
  toOrder,
  toWireNumber,
} from '../../../../src/main/core/megawms/map';
import { generateReferenceNo } from '../../../../src/main/core/megawms/orders';
import { AddOrderRequest, OrderMsgItem } from '../../../../src/main/core/megawms/wire';

const CREDS: Credentials = {
  customerCode: '80000',
  apiName: 'OOPSTON1',
  apiKey: '7351c8ad-2813-497d-a6bf-f03960cba51580000',
  trackKey: 'ebe4c0d9-96c6-41b6-a2c6-996229afe47680160',
};

function fixture(name: string): unknown {
  return JSON.parse(
    readFileSync(new URL(`../../../fixtures/vendor/${name}`, import.meta.url), 'utf8'),
  );
}

/** The vendor's AddOrder example, as a user would fill it in. */
const VENDOR_ORDER: NewOrder = {
  style: 'transfer',
  sender: {
    name: 'fly',
    address: ' send address1',
    phone: '123123123',
    email: 'fly@oopston.com',
    company: 'oopsotn',
  },
  consignee: {
    name: 'fly',
    company: 'uscompany',
    address1: 'ADDRESS1',
    address2: 'ADDRESS2',
    city: 'NEW YORK',
    state: 'NY',
    zipcode: '00501',
    country: 'US',
    phone: '13800138000',
    email: 'ups@psf.com',
  },
  channelId: '201',
  referenceNo: 'csrefno',
  confirm: true,
  warehouseId: '0',
  remark: 'remark',
  pieces: [
    { weightKg: 1, lengthCm: 11, widthCm: 22, heightCm: 33 },
    { weightKg: 2, lengthCm: 44, widthCm: 55, heightCm: 66 },
  ],
  products: [
    {
      sku: '',
      nameEn: 'en1',
      nameCn: 'cn1',
      quantity: 1,
      unitWeightKg: 0.1,
      unitPriceUsd: 0.1,
      hsCode: 'hs1',
      origin: 'cn',
    },
    {
      sku: '',
      nameEn: 'en2',
      nameCn: 'cn2',
      quantity: 2,
      unitWeightKg: 0.2,
      unitPriceUsd: 0.1,
      hsCode: 'hs2',
      origin: 'cn',
    },
  ],
};

describe('domain → wire', () => {
  it("builds the vendor's own AddOrder example from a NewOrder, field for field", () => {
    const body = toAddOrderRequest(VENDOR_ORDER, 'csrefno', CREDS);
    expect(body).toEqual(fixture('add-order.request.json'));
    // Same field order as the vendor's example too.
    expect(Object.keys(body)).toEqual(Object.keys(fixture('add-order.request.json') as object));
  });

  it('sends every value as a string', () => {
    const body = toAddOrderRequest(VENDOR_ORDER, 'csrefno', CREDS);
    expect(AddOrderRequest.strict().safeParse(body).success).toBe(true);
    const values = JSON.stringify(body).match(/:\s*[^"[{\s]/g);
    expect(values).toBeNull();
  });

  it('maps a warehouse draft order: Style 1, OrderStatus 1, BILLQTY from the pieces', () => {
    const order: NewOrder = {
      ...VENDOR_ORDER,
      style: 'warehouse',
      confirm: false,
      warehouseId: '381',
      pieces: [VENDOR_ORDER.pieces[0]!, VENDOR_ORDER.pieces[1]!, VENDOR_ORDER.pieces[0]!],
    };
    const body = toAddOrderRequest(order, 'REF-9', CREDS);
    expect([body.Style, body.OrderStatus, body.StortelID, body.BILLQTY, body.CsRefNo]).toEqual([
      '1',
      '1',
      '381',
      '3',
      'REF-9',
    ]);
    expect(body.OrderBags).toHaveLength(3);
  });

  it('sends warehouse 0 for a transfer order left without one', () => {
    expect(toAddOrderRequest({ ...VENDOR_ORDER, warehouseId: '' }, 'R', CREDS).StortelID).toBe('0');
  });

  it('writes numbers without float noise and refuses what is not a number', () => {
    expect(toWireNumber(0.1 + 0.2, 'weight')).toBe('0.3');
    expect(toWireNumber(12.5, 'weight')).toBe('12.5');
    expect(toWireNumber(1e-7, 'weight')).toBe('0');
    expect(() => toWireNumber(Number.NaN, 'piece 1 weight')).toThrow(MegaWmsError);
    expect(() =>
      toAddOrderRequest(
        { ...VENDOR_ORDER, pieces: [{ ...VENDOR_ORDER.pieces[0]!, weightKg: Infinity }] },
        'R',
        CREDS,
      ),
    ).toThrow("The order's piece 1 weight is not a number.");
  });

  it("builds the vendor's InvalidOrder, GetTrackingNo, GetLabel, GetTrack and GetOrderMsg examples", () => {
    expect(toInvalidOrderRequest('1Z2VW9220390136006', CREDS)).toEqual(
      fixture('invalid-order.request.json'),
    );
    expect(
      toGetTrackingNoRequest(
        ['HTFLY8291890540YQ', 'HTFLY8691890532YQ', 'HTFLY8981890038YQ'],
        'orderNo',
        CREDS,
      ),
    ).toEqual(fixture('get-tracking-no.request.json'));
    expect(
      toGetLabelRequest(['9374869903503316619479', '9374869903503316491655'], {
        ...CREDS,
        apiName: '123',
      }),
    ).toEqual(fixture('get-label.request.json'));
    expect(toGetTrackRequest(['HTFLY85698523651YQ', 'HTFLY8568525852YQ'], CREDS)).toEqual(
      fixture('get-track.request.json'),
    );
    expect(
      toGetOrderMsgRequest(
        [{ referenceNo: '302112716525126589' }, { trackingNumber: '61290982186720032513' }],
        {
          ...CREDS,
          apiKey: '272a7547-37bc-42b6-ac9c-b0a71b27210d80000',
        },
      ),
    ).toEqual(fixture('get-order-msg.request.json'));
  });

  it('asks GetTrackingNo by reference number with NoType 1', () => {
    expect(toGetTrackingNoRequest(['RLV336256521'], 'referenceNo', CREDS).Nos).toEqual([
      { OrderNo: 'RLV336256521', NoType: 1 },
    ]);
  });

  it("builds the vendor's Inventory example, with the template's StortelID spelling", () => {
    const vendor = fixture('inventory.request.json') as { Query: Record<string, string> };
    const body = toInventoryRequest({ sku: 'kevin123123' }, 1, 100, {
      ...CREDS,
      apiKey: '78795868-9b4e-4475-98f2-a6bae9beef7c80000',
    });
    const { StortelD, ...rest } = vendor.Query;
    expect(body).toEqual({ ...vendor, Query: { ...rest, StortelID: StortelD } });
  });
});

describe('wire → domain details', () => {
  it('parses piece numbers, and falls back to 1 of 1', () => {
    expect(parsePieceNo('R800001707210005_002x003')).toEqual({ pieceIndex: 2, pieceCount: 3 });
    expect(parsePieceNo('HTFLY8631091734YQ_001X001')).toEqual({ pieceIndex: 1, pieceCount: 1 });
    expect(parsePieceNo('')).toEqual({ pieceIndex: 1, pieceCount: 1 });
    expect(parsePieceNo('R1_004x002')).toEqual({ pieceIndex: 1, pieceCount: 1 });
  });

  it('trusts the file signature over LabelType', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    expect(detectFileType(pdf, '')).toBe('pdf');
    expect(detectFileType(png, 'pdf')).toBe('png');
    expect(detectFileType(new Uint8Array([0xff, 0xd8, 0xff]), 'null')).toBe('jpg');
    expect(detectFileType(new Uint8Array([1, 2, 3]), 'JPEG')).toBe('jpg');
    expect(detectFileType(new Uint8Array([1, 2, 3]), '')).toBeNull();
    expect(detectFileType(null, 'pdf')).toBeNull();
  });

  it('reads padded numbers, blank counts, unknown status codes and extra fields', () => {
    const order = toOrder(
      OrderMsgItem.parse({
        OrderNo: ' R1 ',
        StatusCode: ' 99 ',
        BILLQTY: '',
        CreateTime: '1900-01-01 00:00:00',
        Extra: 1,
      }),
    );
    expect(order).toMatchObject({
      orderNo: 'R1',
      statusCode: null,
      pieceCount: null,
      createdAt: null,
      warehouseId: '',
    });
    expect(toOrder(OrderMsgItem.parse({ StatusCode: 12, StorteID: ' 501 ' }))).toMatchObject({
      statusCode: 12,
      warehouseId: '501',
    });
  });
});

describe('generated reference numbers', () => {
  it('are LS, the UTC time and six hex digits, different each time', () => {
    const ref = generateReferenceNo(new Date('2024-03-05T06:07:08Z'));
    expect(ref).toMatch(/^LS240305060708[0-9A-F]{6}$/);
    expect(generateReferenceNo()).not.toBe(generateReferenceNo());
  });
});
