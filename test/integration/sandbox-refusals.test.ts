/** What the sandbox refuses, the way MegaWMS refuses: HTTP 200, `Success: "false"`, a reason. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../src/sandbox/server';
import { ACCOUNT, addOrderBody, post } from './sandbox-http';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, orderCount: 120 });
});
afterAll(() => sandbox.close());

/** POSTs and checks the answer is a refusal; returns its message. */
async function refusal(path: string, body: unknown): Promise<string> {
  const res = await post(sandbox, path, body);
  expect(res.status).toBe(200);
  expect(res.json.Success ?? res.json.success).toBe('false');
  return String(res.json.Message ?? res.json.message);
}

const numbers = (n: number, key: string) =>
  Array.from({ length: n }, (_, i) => ({ [key]: `N${i}` }));

describe('credentials', () => {
  const wrongKey = { ...ACCOUNT, ApiKey: '00000000-0000-0000-0000-00000000000080000' };

  it.each([
    ['/PubApi/AddOrder.aspx', addOrderBody({ ApiKey: wrongKey.ApiKey })],
    ['/PubApi/InvalidOrder.aspx', { ...wrongKey, TrackNumber: '1Z' }],
    ['/PubApi/GetTrackingNo.aspx', { ...wrongKey, Nos: [{ OrderNo: 'X', NoType: 0 }] }],
    [
      '/PubApi/GetLabel.aspx',
      { ...wrongKey, LabelType: '1', TrackNumbers: [{ TrackNumber: 'X' }] },
    ],
    ['/wsapi/Inventory.aspx', { ...wrongKey, Query: { PageSizes: '10', PageNow: '1' } }],
    ['/PubApi/GetOrderMsg.aspx', { ...wrongKey, Orders: [{ OrderNo: 'X' }] }],
  ])('%s refuses a wrong ApiKey without echoing it', async (path, body) => {
    const res = await post(sandbox, path, body);

    expect(res.json.Success).toBe('false');
    expect(res.json.Message).toMatch(/ApiKey/);
    expect(res.text).not.toContain(wrongKey.ApiKey);
  });

  it('refuses a wrong customer code', async () => {
    const message = await refusal('/PubApi/GetOrderMsg.aspx', {
      ...ACCOUNT,
      CusCode: '80001',
      Orders: [{ OrderNo: 'X' }],
    });
    expect(message).toMatch(/CusCode/);
  });

  it('refuses GetTrack with a wrong tracking key, in its lower-case shape', async () => {
    const res = await post(sandbox, '/PubApi/GetTrack.aspx', {
      key: DEMO_CREDENTIALS.apiKey,
      Trackingnos: [{ Trackingno: sandbox.sample().shippedTrackingNumber }],
    });

    expect(res.json).toMatchObject({ success: 'false', TrackingNos: [] });
    expect(res.json.error).toMatch(/key/);
    expect(res.text).not.toContain(DEMO_CREDENTIALS.apiKey);
  });
});

describe('AddOrder fields', () => {
  it.each([
    'ConsigneeName',
    'Country',
    'Address1',
    'City',
    'Zipcode',
    'Base_ChannelInfoID',
    'CsRefNo',
    'State',
  ])('refuses an empty %s', async (field) => {
    const message = await refusal('/PubApi/AddOrder.aspx', addOrderBody({ [field]: '' }));
    expect(message).toContain(`${field} 不能为空`);
  });

  it('refuses a documented field left out, even an optional one', async () => {
    const body = addOrderBody();
    delete body.Address2;
    expect(await refusal('/PubApi/AddOrder.aspx', body)).toContain('缺少字段 Address2');
  });

  it('refuses values that are not strings, naming the field', async () => {
    expect(await refusal('/PubApi/AddOrder.aspx', addOrderBody({ BILLQTY: 2 }))).toContain(
      'BILLQTY must be a string, not a number',
    );
    const bags = [
      { Weight: 1, Length: '11', Width: '22', Height: '33' },
      { Weight: '2', Length: '44', Width: '55', Height: '66' },
    ];
    expect(await refusal('/PubApi/AddOrder.aspx', addOrderBody({ OrderBags: bags }))).toContain(
      'OrderBags[0].Weight must be a string',
    );
  });

  it('refuses a BILLQTY that differs from the number of OrderBags', async () => {
    const message = await refusal('/PubApi/AddOrder.aspx', addOrderBody({ BILLQTY: '3' }));
    expect(message).toContain('BILLQTY says 3 pieces but OrderBags has 2');
  });

  it.each([
    [{ Style: '3' }, 'Style must be 1'],
    [{ OrderStatus: '2' }, 'OrderStatus must be 1'],
    [{ Base_ChannelInfoID: '999' }, 'no shipping channel 999'],
    [{ Country: 'USA' }, 'two-letter code'],
    [{ Style: '1', StortelID: '0' }, 'no warehouse 0'],
    [{ Products: [] }, 'Products must not be empty'],
    [{ OrderBags: 'two boxes' }, 'OrderBags must be a list'],
  ])('refuses %o', async (overrides, reason) => {
    expect(await refusal('/PubApi/AddOrder.aspx', addOrderBody(overrides))).toContain(reason);
  });

  it('refuses a weight that is not a positive number', async () => {
    const bags = [
      { Weight: '0', Length: '11', Width: '22', Height: '33' },
      { Weight: '2', Length: '44', Width: '55', Height: '66' },
    ];
    const message = await refusal('/PubApi/AddOrder.aspx', addOrderBody({ OrderBags: bags }));
    expect(message).toContain('OrderBags[0].Weight');
  });

  it('refuses a warehouse order line without a SKU', async () => {
    const body = addOrderBody({ Style: '1', StortelID: '381' });
    expect(await refusal('/PubApi/AddOrder.aspx', body)).toContain('Products[0].SKU 不能为空');
  });

  it('refuses a reference number used twice and creates only the first order', async () => {
    const body = addOrderBody();
    const first = await post(sandbox, '/PubApi/AddOrder.aspx', body);
    const message = await refusal('/PubApi/AddOrder.aspx', {
      ...body,
      CsRefNo: ` ${String(body.CsRefNo).toUpperCase()}`,
    });

    expect(first.json.Success).toBe('true');
    expect(message).toContain(`already used by order ${first.json.OrderNo.trim()}`);
    expect(sandbox.data.orders.filter((o) => o.referenceNo === body.CsRefNo)).toHaveLength(1);
  });

  it('refuses a body that is not JSON, and a GET', async () => {
    expect(await refusal('/PubApi/AddOrder.aspx', '{"CusCode": "80000",')).toMatch(
      /not valid JSON/,
    );
    const res = await fetch(`${sandbox.url}/PubApi/GetOrderMsg.aspx`);
    expect(((await res.json()) as { Message: string }).Message).toMatch(/POST/);
  });
});

describe('batch limits', () => {
  it('refuses 101 numbers (GetTrackingNo, GetLabel) and 501 orders (GetOrderMsg)', async () => {
    const nos = numbers(101, 'OrderNo').map((n) => ({ ...n, NoType: 0 }));
    expect(await refusal('/PubApi/GetTrackingNo.aspx', { ...ACCOUNT, Nos: nos })).toContain(
      'at most 100 per call, got 101',
    );
    const labels = { ...ACCOUNT, LabelType: '1', TrackNumbers: numbers(101, 'TrackNumber') };
    expect(await refusal('/PubApi/GetLabel.aspx', labels)).toContain(
      'at most 100 per call, got 101',
    );
    const orders = { ...ACCOUNT, Orders: numbers(501, 'OrderNo') };
    expect(await refusal('/PubApi/GetOrderMsg.aspx', orders)).toContain(
      'at most 500 per call, got 501',
    );
  });

  it('accepts exactly the limits', async () => {
    const nos = numbers(100, 'OrderNo').map((n) => ({ ...n, NoType: 0 }));
    const tracking = await post(sandbox, '/PubApi/GetTrackingNo.aspx', { ...ACCOUNT, Nos: nos });
    const orders = await post(sandbox, '/PubApi/GetOrderMsg.aspx', {
      ...ACCOUNT,
      Orders: numbers(500, 'OrderNo'),
    });

    expect(tracking.json.Success).toBe('true');
    expect(tracking.json.OrderList).toHaveLength(100);
    expect(orders.json.Success).toBe('true');
  });

  it('refuses an inventory page of more than 1000 rows, and a page below 1', async () => {
    const inventory = (q: object) => ({
      ...ACCOUNT,
      Query: { SKU: '', StortelID: '', GoodsCode: '', ...q },
    });
    expect(
      await refusal('/wsapi/Inventory.aspx', inventory({ PageSizes: '1001', PageNow: '1' })),
    ).toContain('at most 1000 rows a page, got 1001');
    expect(
      await refusal('/wsapi/Inventory.aspx', inventory({ PageSizes: '10', PageNow: '0' })),
    ).toContain('Query.PageNow');
    expect(
      await refusal('/wsapi/Inventory.aspx', inventory({ PageSizes: 10, PageNow: '1' })),
    ).toContain('Query.PageSizes must be a string');
  });

  it('refuses an empty list and a GetOrderMsg item with none of its three numbers', async () => {
    expect(
      await refusal('/PubApi/GetLabel.aspx', { ...ACCOUNT, LabelType: '1', TrackNumbers: [] }),
    ).toContain('TrackNumbers must not be empty');
    const orders = {
      ...ACCOUNT,
      Orders: [{ OrderNo: 'X' }, { OrderNo: '', Tracknumber: '', CsRefNo: '' }],
    };
    expect(await refusal('/PubApi/GetOrderMsg.aspx', orders)).toContain('Orders[1]');
  });

  it('refuses a GetLabel LabelType other than 0 or 1', async () => {
    const body = { ...ACCOUNT, LabelType: '2', TrackNumbers: [{ TrackNumber: 'X' }] };
    expect(await refusal('/PubApi/GetLabel.aspx', body)).toMatch(/LabelType/);
  });
});

describe('cancelling', () => {
  it('refuses to cancel a shipped UPS order with the carrier text', async () => {
    const ups = sandbox.data.orders.find((o) => o.statusCode === 6 && o.channel.carrier === 'UPS')!;
    const message = await refusal('/PubApi/InvalidOrder.aspx', {
      ...ACCOUNT,
      TrackNumber: ups.trackingNumber,
    });

    expect(message).toBe(
      '取消 UPS 订单失败;错误编码:190102;错误描述:No shipment found within the allowed void period',
    );
    expect(sandbox.data.findOrder(ups.trackingNumber)?.statusCode).toBe(6);
  });

  it('adapts the carrier refusal to FedEx and USPS', async () => {
    for (const carrier of ['FedEx', 'USPS'] as const) {
      const order = sandbox.data.orders.find(
        (o) => o.statusCode === 6 && o.channel.carrier === carrier,
      )!;
      const message = await refusal('/PubApi/InvalidOrder.aspx', {
        ...ACCOUNT,
        TrackNumber: order.trackingNumber,
      });
      expect(message).toMatch(new RegExp(`^取消 ${carrier} 订单失败;错误编码:[-\\d]+;错误描述:.+`));
    }
  });

  it('refuses to cancel a deleted order and an unknown tracking number', async () => {
    const deleted = sandbox.data.orders.find((o) => o.statusCode === 8)!;
    expect(
      await refusal('/PubApi/InvalidOrder.aspx', {
        ...ACCOUNT,
        TrackNumber: deleted.trackingNumber,
      }),
    ).toMatch(/already cancelled/);
    expect(
      await refusal('/PubApi/InvalidOrder.aspx', { ...ACCOUNT, TrackNumber: '1Z0000000000000000' }),
    ).toMatch(/no order has the tracking number/);
  });
});
