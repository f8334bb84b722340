/** The sandbox's seven calls over real HTTP, each on its happy path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../src/sandbox/server';
import { isValidTrackingNumber } from '../../src/sandbox/tracking-numbers';
import { ACCOUNT, addOrderBody, post } from './sandbox-http';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

describe('AddOrder', () => {
  it('creates a confirmed order with one PNG label per piece', async () => {
    const body = addOrderBody();
    const { json } = await post(sandbox, '/PubApi/AddOrder.aspx', body);

    expect(json.Success).toBe('true');
    expect(json.Message).toBe('提交成功,渠道代码为:UPS-Ground');
    expect(json.OrderNo.trim()).toMatch(/^R80000\d{10}$/);
    expect(json.CsRefNo).toBe(body.CsRefNo);
    expect(json.OrderID).toMatch(/^\d+$/);
    expect(isValidTrackingNumber('UPS', json.Tracknumber)).toBe(true);
    expect(json.PrintUrl).toBe(
      `${sandbox.url}/Manage/PrintPage/PrintOrder.aspx?oid=${json.OrderID}`,
    );
    expect(json.Labels).toHaveLength(2);
    expect(json.Labels[0].Tracknumber).toBe(json.Tracknumber);
    expect(json.Labels.map((l: { SubOrderNo: string }) => l.SubOrderNo)).toEqual([
      `${json.OrderNo.trim()}_001x002`,
      `${json.OrderNo.trim()}_002x002`,
    ]);
    for (const label of json.Labels) {
      expect(label.LabelType).toBe('png');
      expect(Buffer.from(label.Label, 'base64').subarray(1, 4).toString()).toBe('PNG');
    }
    expect(sandbox.data.findOrder(String(body.CsRefNo))?.statusCode).toBe(3);
  });

  it('keeps a draft without tracking numbers or label files', async () => {
    const { json } = await post(
      sandbox,
      '/PubApi/AddOrder.aspx',
      addOrderBody({ OrderStatus: '1' }),
    );

    expect(json.Success).toBe('true');
    expect(json.Tracknumber).toBe('');
    expect(json.Labels.map((l: object) => Object.values(l).slice(0, 3))).toEqual([
      [null, null, ''],
      [null, null, ''],
    ]);
    expect(sandbox.data.findOrder(json.OrderNo)?.statusCode).toBe(1);
  });

  it('issues tracking numbers of the channel carrier (FedEx, USPS)', async () => {
    const fedex = await post(
      sandbox,
      '/PubApi/AddOrder.aspx',
      addOrderBody({ Base_ChannelInfoID: '203' }),
    );
    const usps = await post(
      sandbox,
      '/PubApi/AddOrder.aspx',
      addOrderBody({ Base_ChannelInfoID: '205' }),
    );

    expect(isValidTrackingNumber('FedEx', fedex.json.Tracknumber)).toBe(true);
    expect(isValidTrackingNumber('USPS', usps.json.Tracknumber)).toBe(true);
  });

  it('takes a warehouse order shipped from one of the account warehouses', async () => {
    const sku = sandbox.data.inventory[0]!.sku;
    const body = addOrderBody({
      Style: '1',
      StortelID: '501',
      BILLQTY: '1',
      OrderBags: [{ Weight: '0.5', Length: '10', Width: '10', Height: '5' }],
      Products: [{ ...(addOrderBody().Products as object[])[0], SKU: sku }],
    });
    const { json } = await post(sandbox, '/PubApi/AddOrder.aspx', body);

    expect(json.Success).toBe('true');
    expect(sandbox.data.findOrder(json.Tracknumber)?.warehouseId).toBe('501');
  });
});

describe('InvalidOrder', () => {
  it('cancels a pending order by its tracking number and marks it deleted', async () => {
    const number = sandbox.sample().cancellableTrackingNumber;
    const order = sandbox.data.findOrder(number)!;
    const { json } = await post(sandbox, '/PubApi/InvalidOrder.aspx', {
      ...ACCOUNT,
      TrackNumber: number,
    });

    expect(json).toEqual({
      CusApiName: 'OOPSTON1',
      OrderNo: order.orderNo,
      CsRefNo: order.referenceNo,
      Message: '取消成功',
      Success: 'true',
      TrackNumber: number,
    });
    expect(sandbox.data.findOrder(number)?.statusCode).toBe(8);
  });
});

describe('GetTrackingNo', () => {
  it('answers by order number (NoType 0) and by reference (NoType 1)', async () => {
    const s = sandbox.sample();
    const byNo = sandbox.data.findOrder(s.orderNos[3]!)!;
    const byRef = sandbox.data.findOrder(s.referenceNos[4]!)!;
    const { json } = await post(sandbox, '/PubApi/GetTrackingNo.aspx', {
      CusCode: ACCOUNT.CusCode,
      ApiKey: ACCOUNT.ApiKey,
      Nos: [
        { OrderNo: byNo.orderNo, NoType: 0 },
        { OrderNo: byRef.referenceNo, NoType: 1 },
      ],
    });

    expect(json.Success).toBe('true');
    expect(json.CusCode).toBe('80000');
    expect(json.OrderList).toEqual(
      expect.arrayContaining([
        {
          OrderNo: byNo.orderNo,
          Tracknumber: byNo.trackingNumber,
          CsRefNo: byNo.referenceNo,
          Message: 'OK',
        },
        {
          OrderNo: byRef.orderNo,
          Tracknumber: byRef.trackingNumber,
          CsRefNo: byRef.referenceNo,
          Message: 'OK',
        },
      ]),
    );
    expect(json.OrderList).toHaveLength(2);
  });

  it('reports draft, deleted and unknown orders per item; the call succeeds', async () => {
    const deleted = sandbox.data.orders.find((o) => o.statusCode === 8)!;
    const { json } = await post(sandbox, '/PubApi/GetTrackingNo.aspx', {
      CusCode: ACCOUNT.CusCode,
      ApiKey: ACCOUNT.ApiKey,
      Nos: [
        { OrderNo: sandbox.sample().draftOrderNo, NoType: 0 },
        { OrderNo: deleted.orderNo, NoType: '0' },
        { OrderNo: 'R800009912310001', NoType: 0 },
        { OrderNo: 'NO-SUCH-REF', NoType: 1 },
        { OrderNo: deleted.orderNo, NoType: 7 },
      ],
    });

    expect(json.Success).toBe('true');
    const messages = new Map(
      json.OrderList.map((r: Record<string, string>) => [r.OrderNo || r.CsRefNo, r.Message]),
    );
    expect(messages.get(sandbox.sample().draftOrderNo)).toMatch(/草稿/);
    expect(json.OrderList.filter((r: { Message: string }) => r.Message === 'OK')).toEqual([]);
    expect(messages.get('R800009912310001')).toMatch(/订单不存在/);
    expect(messages.get('NO-SUCH-REF')).toMatch(/订单不存在/);
    expect(json.OrderList.map((r: { Message: string }) => r.Message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/已删除/), expect.stringMatching(/NoType/)]),
    );
  });
});

describe('GetLabel', () => {
  it('returns a PDF label per piece for a multi-piece order number', async () => {
    const order = sandbox.data.findOrder(sandbox.sample().multiPieceOrderNo)!;
    const { json } = await post(sandbox, '/PubApi/GetLabel.aspx', {
      ...ACCOUNT,
      LabelType: '1',
      TrackNumbers: [{ TrackNumber: order.orderNo }],
    });

    expect(json.Success).toBe('true');
    expect(json.Message).toBe('');
    expect(json.HtmlPrintUrl).toBe(
      `${sandbox.url}/Manage/PrintPage/PrintApiLabel.aspx?orderList=${order.orderId}`,
    );
    expect(json.Labels.map((l: { Tracknumber: string }) => l.Tracknumber)).toEqual(
      order.pieces.map((p) => p.trackingNumber),
    );
    for (const label of json.Labels) {
      expect(label).toMatchObject({
        LabelHtml: json.HtmlPrintUrl,
        LabelType: 'pdf',
        TracknumberMain: order.trackingNumber,
        OrderNo: order.orderNo,
        CsRefNo: order.referenceNo,
      });
      expect(Buffer.from(label.LabelBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('gives one piece for its own numbers, all pieces for master and reference', async () => {
    const order = sandbox.data.findOrder(sandbox.sample().multiPieceOrderNo)!;
    const second = order.pieces[1]!;
    const { json } = await post(sandbox, '/PubApi/GetLabel.aspx', {
      ...ACCOUNT,
      LabelType: '1',
      TrackNumbers: [
        { TrackNumber: second.trackingNumber },
        { TrackNumber: order.pieces[2]!.pieceNo },
        { TrackNumber: order.trackingNumber },
        { TrackNumber: ` ${order.referenceNo.toLowerCase()} ` },
      ],
    });

    expect(json.Labels.map((l: { SubOrderNo: string }) => l.SubOrderNo)).toEqual([
      second.pieceNo,
      order.pieces[2]!.pieceNo,
      ...order.pieces.map((p) => p.pieceNo),
      ...order.pieces.map((p) => p.pieceNo),
    ]);
  });

  it('sends HTML links only for LabelType 0 and names numbers without a label', async () => {
    const tracking = sandbox.sample().trackingNumbers[0]!;
    const { json } = await post(sandbox, '/PubApi/GetLabel.aspx', {
      ...ACCOUNT,
      LabelType: '0',
      TrackNumbers: [
        { TrackNumber: tracking },
        { TrackNumber: sandbox.sample().draftOrderNo },
        { TrackNumber: 'UNKNOWN123' },
      ],
    });

    expect(json.Success).toBe('true');
    expect(json.Labels).toHaveLength(1);
    expect(json.Labels[0]).toMatchObject({
      Tracknumber: tracking,
      LabelBase64: null,
      LabelType: null,
    });
    expect(json.Message).toContain(sandbox.sample().draftOrderNo);
    expect(json.Message).toContain('UNKNOWN123');
  });

  it('serves the HTML print page its links point at', async () => {
    const order = sandbox.data.findOrder(sandbox.sample().multiPieceOrderNo)!;
    const res = await fetch(
      `${sandbox.url}/manage/printpage/PRINTAPILABEL.aspx?orderList=${order.orderId}`,
    );
    const html = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.match(/<section class="label">/g)).toHaveLength(order.pieces.length);
    expect(html).toContain(order.pieces[1]!.pieceNo);
    expect(html).toContain('<svg');
  });
});

describe('GetTrack', () => {
  it('answers lower-case keys with the events of a shipped order', async () => {
    const number = sandbox.sample().shippedTrackingNumber;
    const order = sandbox.data.findOrder(number)!;
    const { json } = await post(sandbox, '/PubApi/GetTrack.aspx', {
      key: DEMO_CREDENTIALS.trackKey,
      Trackingnos: [{ Trackingno: number }, { Trackingno: order.orderNo }, { Trackingno: 'NOPE' }],
    });

    expect(json).toMatchObject({ success: 'true', error: '', message: 'OK' });
    expect(json.TrackingNos).toHaveLength(2);
    expect(json.TrackingNos[1].TrackingNo).toBe(order.trackingNumber);
    expect(json.TrackingNos[0]).toMatchObject({
      TrackingNo: number,
      OrderNo: order.orderNo,
      Country: 'United States',
      Status: order.trackStatus,
    });
    expect(json.TrackingNos[0].Track.length).toBeGreaterThan(3);
    expect(Object.keys(json.TrackingNos[0].Track[0])).toEqual([
      'OccurTime',
      'DescriptionEN',
      'DescriptionCN',
    ]);
  });
});

describe('Inventory', () => {
  it('pages through every row and filters by SKU, warehouse and barcode', async () => {
    const query = (q: Record<string, string>) =>
      post(sandbox, '/wsapi/Inventory.aspx', {
        CusCode: ACCOUNT.CusCode,
        ApiKey: ACCOUNT.ApiKey,
        Query: { SKU: '', StortelID: '', GoodsCode: '', PageSizes: '1000', PageNow: '1', ...q },
      });
    const total = sandbox.data.inventory.length;

    const first = (await query({})).json;
    expect(first).toMatchObject({
      Success: 'true',
      Message: '成功',
      PageNow: '1',
      TotalRows: String(total),
    });
    expect(first.Detail).toHaveLength(1000);
    const last = (await query({ PageNow: String(Math.ceil(total / 1000)) })).json;
    expect(last.Detail).toHaveLength(total % 1000 || 1000);

    const row = sandbox.data.inventory[5]!;
    const bySku = (await query({ SKU: row.sku })).json;
    expect(bySku.Detail.every((d: { SKU: string }) => d.SKU === row.sku)).toBe(true);
    const byWarehouse = (await query({ StortelID: '382' })).json;
    expect(
      byWarehouse.Detail.every(
        (d: { WarehouseName: string }) => d.WarehouseName === 'ShenZheng - 深圳机场仓库',
      ),
    ).toBe(true);
    const byBarcode = (await query({ GoodsCode: row.goodsCode })).json;
    expect(byBarcode.TotalRows).toBe(bySku.TotalRows);
    expect(Object.values(byBarcode.Detail[0]).every((v) => typeof v === 'string')).toBe(true);
  });

  it('reads the warehouse id under the spelling of the vendor example (StortelD)', async () => {
    const { json } = await post(sandbox, '/wsapi/Inventory.aspx', {
      CusCode: ACCOUNT.CusCode,
      ApiKey: ACCOUNT.ApiKey,
      Query: { SKU: '', StortelD: '302', GoodsCode: '', PageSizes: '50', PageNow: '1' },
    });
    const expected = sandbox.data.inventory.filter((r) => r.warehouseId === '302').length;

    expect(json.TotalRows).toBe(String(expected));
  });
});

describe('GetOrderMsg', () => {
  it('finds orders by reference, tracking number and order number', async () => {
    const s = sandbox.sample();
    const byRef = sandbox.data.findOrder(s.referenceNos[10]!)!;
    const byTracking = sandbox.data.findOrder(s.shippedTrackingNumber)!;
    const draft = sandbox.data.findOrder(s.draftOrderNo)!;
    const { json } = await post(sandbox, '/PubApi/GetOrderMsg.aspx', {
      CusCode: ACCOUNT.CusCode,
      ApiKey: ACCOUNT.ApiKey,
      Orders: [
        { OrderNo: '', Tracknumber: '', CsRefNo: byRef.referenceNo },
        { OrderNo: '', Tracknumber: byTracking.trackingNumber, CsRefNo: '' },
        { OrderNo: draft.orderNo, Tracknumber: '', CsRefNo: '' },
        { OrderNo: 'R800009901010001', Tracknumber: '', CsRefNo: '' },
      ],
    });

    expect(json).toMatchObject({ Success: 'true', CusCode: '80000', Message: '' });
    const rows = new Map(json.OrderList.map((r: { OrderNo: string }) => [r.OrderNo, r]));
    expect(rows.size).toBe(3);
    expect(rows.get(byTracking.orderNo)).toMatchObject({ StatusCode: '6', Status: '已发货' });
    expect(rows.get(draft.orderNo)).toMatchObject({
      StatusCode: '1',
      Status: '草稿',
      Tracknumber: '',
      DeliverTime: '',
    });
    expect(rows.get(byRef.orderNo)).toMatchObject({
      CsRefNo: byRef.referenceNo,
      ConsigneeName: byRef.consignee.name,
      Channel: byRef.channel.name,
      BILLQTY: String(byRef.pieces.length),
    });
  });

  it('looks up by CsRefNo before Tracknumber before OrderNo', async () => {
    const [a, b, c] = sandbox.data.orders.filter((o) => o.trackingNumber).slice(20, 23);
    const { json } = await post(sandbox, '/PubApi/GetOrderMsg.aspx', {
      CusCode: ACCOUNT.CusCode,
      ApiKey: ACCOUNT.ApiKey,
      Orders: [
        { CsRefNo: a!.referenceNo, Tracknumber: b!.trackingNumber, OrderNo: c!.orderNo },
        { CsRefNo: 'NOT-A-REF', Tracknumber: b!.trackingNumber, OrderNo: c!.orderNo },
        { CsRefNo: '', Tracknumber: 'NOT-A-NUMBER', OrderNo: c!.orderNo },
      ],
    });

    expect(json.OrderList.map((r: { OrderNo: string }) => r.OrderNo).sort()).toEqual(
      [a!.orderNo, b!.orderNo, c!.orderNo].sort(),
    );
  });
  it('matches Tracknumber against the master tracking number only', async () => {
    const order = sandbox.data.findOrder(sandbox.sample().multiPieceOrderNo)!;
    const ask = async (Tracknumber: string) =>
      (await post(sandbox, '/PubApi/GetOrderMsg.aspx', { ...ACCOUNT, Orders: [{ Tracknumber }] }))
        .json.OrderList;

    expect(await ask(order.trackingNumber)).toHaveLength(1);
    expect(await ask(order.pieces[1]!.trackingNumber)).toEqual([]);
  });
});

describe('paths', () => {
  it('matches endpoint paths without regard to case, as IIS does', async () => {
    const { json } = await post(sandbox, '/pubapi/GETORDERMSG.ASPX', {
      CusCode: ACCOUNT.CusCode,
      ApiKey: ACCOUNT.ApiKey,
      Orders: [{ OrderNo: sandbox.sample().orderNos[0]! }],
    });

    expect(json.OrderList).toHaveLength(1);
  });

  it('answers an unknown path with an IIS 404 page', async () => {
    const res = await post(sandbox, '/PubApi/NoSuchCall.aspx', {});

    expect(res.status).toBe(404);
    expect(res.contentType).toMatch(/text\/html/);
    expect(res.json).toBeUndefined();
  });
});
