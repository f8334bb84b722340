/**
 * The vendor document's own examples (test/fixtures/vendor, quirks included) go through
 * the same lenient parser, zod schemas and mapping as a live answer.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { MegaWmsError } from '../../../../src/main/core/megawms/errors';
import { parseLenientJson } from '../../../../src/main/core/megawms/lenient-json';
import {
  toCancelResult,
  toCreatedOrder,
  toInventoryRow,
  toLabel,
  toOrder,
  toShipment,
} from '../../../../src/main/core/megawms/map';
import {
  AddOrderRequest,
  AddOrderResponse,
  Envelope,
  GetLabelRequest,
  GetLabelResponse,
  GetOrderMsgRequest,
  GetOrderMsgResponse,
  GetTrackingNoRequest,
  GetTrackingNoResponse,
  GetTrackRequest,
  GetTrackResponse,
  InvalidOrderRequest,
  InvalidOrderResponse,
  InventoryResponse,
  OrderMsgItem,
  parseWire,
} from '../../../../src/main/core/megawms/wire';

function fixture(name: string): unknown {
  const url = new URL(`../../../fixtures/vendor/${name}`, import.meta.url);
  return parseLenientJson(readFileSync(url, 'utf8'));
}

function thrown(fn: () => unknown): MegaWmsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MegaWmsError) return error;
    throw error;
  }
  throw new Error('expected a MegaWmsError');
}

describe('vendor requests match the request schemas', () => {
  it.each([
    ['add-order.request.json', AddOrderRequest],
    ['invalid-order.request.json', InvalidOrderRequest],
    ['get-tracking-no.request.json', GetTrackingNoRequest],
    ['get-label.request.json', GetLabelRequest],
    ['get-track.request.json', GetTrackRequest],
    ['get-order-msg.request.json', GetOrderMsgRequest],
  ] as const)('%s', (name, schema) => {
    expect(schema.strict().safeParse(fixture(name)).success).toBe(true);
  });

  it('GetTrackingNo sends NoType as a number, as the vendor example does', () => {
    const body = fixture('get-tracking-no.request.json') as { Nos: Array<{ NoType: unknown }> };
    expect(body.Nos.map((n) => n.NoType)).toEqual([0, 0, 0]);
  });
});

describe('AddOrder answers', () => {
  it('reads the example answer: PNG labels left empty, piece 1 and 2 of 2', () => {
    const order = toCreatedOrder(
      parseWire('AddOrder', AddOrderResponse, fixture('add-order.response.json')),
    );
    expect(order).toMatchObject({
      orderNo: 'R800001707210005',
      orderId: '387952',
      referenceNo: 'csrefno',
      trackingNumber: '787249009461',
      message: '提交成功,渠道代码为:test',
      printUrl: 'http://localhost:1774/Manage/PrintPage/PrintOrder.aspx?oid=387952',
    });
    expect(
      order.labels.map((l) => [l.trackingNumber, l.pieceIndex, l.pieceCount, l.file, l.fileType]),
    ).toEqual([
      ['787249009461', 1, 2, null, null],
      ['787249009255', 2, 2, null, null],
    ]);
    expect(order.labels[1]!.masterTrackingNumber).toBe('787249009461');
  });

  it('reads the template: padded order and reference numbers, null labels and types', () => {
    const res = parseWire(
      'AddOrder',
      AddOrderResponse,
      fixture('add-order.response-template.json'),
    );
    const order = toCreatedOrder(res);
    expect(order.orderNo).toBe('R800001703290004');
    expect(order.referenceNo).toBe('CS11122233334332');
    expect(order.labels.map((l) => [l.pieceNo, l.file, l.fileType])).toEqual([
      ['R800001703290004_001x002', null, null],
      ['R800001703290004_002x002', null, null],
    ]);
  });

  it('reads the template first page, which ends in a trailing comma', () => {
    const res = parseWire(
      'AddOrder',
      AddOrderResponse,
      fixture('add-order.response-template-head.json'),
    );
    expect(res).toMatchObject({ Success: true, OrderNo: 'R800001703290004', Labels: [] });
  });
});

describe('InvalidOrder answer', () => {
  it('keeps the first OrderNo as order number and the second as reference number', () => {
    const res = parseWire(
      'InvalidOrder',
      InvalidOrderResponse,
      fixture('invalid-order.response.json'),
    );
    expect(toCancelResult(res, '1Z2VW9220390136006')).toEqual({
      cancelled: false,
      orderNo: 'R800001605230003',
      referenceNo: 'CSREFNO',
      trackingNumber: '1ZF608820396504221',
      message:
        '取消 UPS 订单失败;错误编码:190102;错误描述:No shipment found within the allowed void period',
    });
  });

  it('prefers CsRefNo over the duplicated OrderNo when MegaWMS sends both', () => {
    const body = {
      Success: 'true',
      OrderNo: 'R1',
      'OrderNo~2': 'FROM-DUPLICATE',
      CsRefNo: 'REF-1',
    };
    expect(
      toCancelResult(parseWire('InvalidOrder', InvalidOrderResponse, body), 'T').referenceNo,
    ).toBe('REF-1');
  });
});

describe('GetTrackingNo answers', () => {
  it('reads all three orders of the example', () => {
    const res = parseWire(
      'GetTrackingNo',
      GetTrackingNoResponse,
      fixture('get-tracking-no.response.json'),
    );
    expect(res.Success).toBe(true);
    expect(res.OrderList.map((o) => [o.OrderNo, o.Tracknumber, o.CsRefNo, o.Message])).toEqual([
      ['HTFLY8691890532YQ', '786388330311', 'RLV336256521', 'OK'],
      ['HTFLY8291890540YQ', '786388345759', 'RLV236256521', 'OK'],
      ['HTFLY8981890038YQ', '786388018805', 'RLVC6236256521', 'OK'],
    ]);
  });

  it('reads the first page alone, a list without Success', () => {
    // The page shows no Success at all: the envelope check must say so by name.
    const body = fixture('get-tracking-no.response-head.json');
    expect(thrown(() => parseWire('GetTrackingNo', Envelope, body)).detail).toBe(
      'GetTrackingNo: Success: expected "true" or "false"',
    );
    expect((body as { OrderList: unknown[] }).OrderList).toHaveLength(1);
  });
});

describe('GetLabel answer', () => {
  it('decodes both labels and parses the piece number', () => {
    const res = parseWire('GetLabel', GetLabelResponse, fixture('get-label.response.json'));
    const labels = res.Labels.map(toLabel);
    expect(
      labels.map((l) => [l.trackingNumber, l.orderNo, l.referenceNo, l.pieceIndex, l.pieceCount]),
    ).toEqual([
      ['9374869903503316619479', 'HTFLY8631091734YQ', 'XM4038270C35', 1, 1],
      ['9374869903503316491655', 'HTFLY8261091720YQ', 'XM4038269C39', 1, 1],
    ]);
    expect(labels[0]!.file).toEqual(new Uint8Array(Buffer.from('xxxxxxxx', 'base64')));
    expect(labels[1]!.file).toHaveLength(9);
    expect(labels[0]!.fileType).toBe('pdf');
    expect(labels[0]!.htmlUrl).toBe(
      'http://localhost:30915/Manage/PrintPage/PrintApiLabel.aspx?orderList=1091734',
    );
    expect(res.HtmlPrintUrl).toContain('orderList=1091734,1091720');
  });
});

describe('GetTrack answer', () => {
  it('reads the lower-case keys and sorts events oldest first, the unknown time last', () => {
    const res = parseWire('GetTrack', GetTrackResponse, fixture('get-track.response.json'));
    expect([res.success, res.message, res.error]).toEqual([true, 'OK', '']);
    const shipment = toShipment(res.TrackingNos[0]!);
    expect(shipment).toMatchObject({
      trackingNumber: '9374869903503057883580',
      orderNo: 'HTFLY85698523651YQ',
      country: 'United States',
      status: 'DELIVERED',
    });
    expect(shipment.events).toHaveLength(11);
    expect(shipment.events[0]).toEqual({
      time: new Date('2018-08-20T12:13:16Z'),
      descriptionEn: 'ARRIVAL AT  DISTRIBUTION CENTER',
      descriptionCn: '收取包裹(Shipment picked up)',
    });
    expect(shipment.events[9]!.time).toEqual(new Date('2018-08-24T11:27:00Z'));
    expect(shipment.events[10]).toMatchObject({
      time: null,
      descriptionEn: 'DEPARTURE SCAN FROM CN',
    });
    const times = shipment.events.slice(0, 10).map((e) => e.time!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('Inventory answers', () => {
  it('reads the five rows of the example as numbers', () => {
    const res = parseWire('Inventory', InventoryResponse, fixture('inventory.response.json'));
    expect([res.PageNow, res.TotalRows]).toEqual([1, 5]);
    const rows = res.Detail.map(toInventoryRow);
    expect(rows.map((r) => [r.warehouseName, r.onHand, r.available])).toEqual([
      ['California - 加州码头仓库', 0, 0],
      ['California LAX - 加州机场仓库', 28, 28],
      ['ShenZheng - 深圳机场仓库', 40, 40],
      ['flychen', 990, 990],
      ['Delaware - 美国东岸仓库', 999, 999],
    ]);
    expect(rows[4]).toEqual({
      sku: 'kevin123123',
      name: 'kevin123123',
      warehouseName: 'Delaware - 美国东岸仓库',
      onHand: 999,
      inbound: 10,
      warningLevel: 100,
      salesWarning: 0,
      reserved: 0,
      available: 999,
      backordered: 0,
    });
  });

  it('names the field when the template text stands where data belongs', () => {
    const body = fixture('inventory.response-template.json');
    const envelope = thrown(() => parseWire('Inventory', Envelope, body));
    expect(envelope.code).toBe('bad-response');
    expect(envelope.message).toContain('Inventory: Success: expected "true" or "false"');
    const rows = thrown(() =>
      parseWire('Inventory', InventoryResponse, { ...(body as object), Success: 'true' }),
    );
    expect(rows.detail).toBe('Inventory: PageNow: expected a number');
  });
});

describe('GetOrderMsg answers', () => {
  it('reads both orders: the StortelD and StortelID spellings and both time formats', () => {
    const res = parseWire(
      'GetOrderMsg',
      GetOrderMsgResponse,
      fixture('get-order-msg.response.json'),
    );
    const [first, second] = res.OrderList.map(toOrder);
    expect(first).toMatchObject({
      orderNo: 'R800001712270006',
      referenceNo: '302112716525126589',
      trackingNumber: '61290982186720032230',
      statusCode: 6,
      statusText: '已发货',
      channel: 'FedEx-Ground',
      warehouseId: '',
      pieceCount: 1,
      createdAt: new Date('2017-12-27T11:23:53Z'),
      shippedAt: new Date('2017-12-27T22:22:42Z'),
    });
    expect(second).toMatchObject({
      orderNo: 'R800001712280001',
      warehouseId: '382',
      remark: 'TEST',
      address2: 'SETS',
      shippedAt: new Date('2017-12-28T00:20:43Z'),
    });
  });

  it('reads the StorteID spelling of the template row', () => {
    const template = fixture('get-order-msg.response-template.json') as { OrderList: object[] };
    const row = {
      ...template.OrderList[0],
      StatusCode: '6',
      BILLQTY: ' 2 ',
      CreateTime: '',
      DeliverTime: '',
    };
    const order = toOrder(OrderMsgItem.parse(row));
    expect(order).toMatchObject({
      warehouseId: '仓库 id',
      pieceCount: 2,
      createdAt: null,
      shippedAt: null,
    });
  });

  it('names the first field of the template that is not data', () => {
    const body = fixture('get-order-msg.response-template.json');
    expect(thrown(() => parseWire('GetOrderMsg', Envelope, body)).detail).toBe(
      'GetOrderMsg: Success: expected "true" or "false"',
    );
    expect(
      thrown(() =>
        parseWire('GetOrderMsg', GetOrderMsgResponse, { ...(body as object), Success: 'true' }),
      ).detail,
    ).toBe('GetOrderMsg: OrderList[0].StatusCode: expected a number');
  });
});
