/**
 * What the client puts on the wire and what it accepts back, over real HTTP: the request of
 * each call, the vendor document's own answers served verbatim (with a BOM, as text/html),
 * per-endpoint addresses, and the guards against a server that pages forever.
 */
import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { createMegaWmsClient } from '../../src/main/core/megawms/client';
import { endpointPath, type EndpointName } from '../../src/main/core/megawms/endpoints';
import { MegaWmsError } from '../../src/main/core/megawms/errors';
import {
  AddOrderRequest,
  GetLabelRequest,
  GetOrderMsgRequest,
  GetTrackingNoRequest,
  GetTrackRequest,
  InvalidOrderRequest,
  InventoryRequest,
} from '../../src/main/core/megawms/wire';
import type { Credentials } from '../../src/shared/domain';
import { demoOrder } from './client-fixtures';
import { startTestServer, type Answer, type TestServer } from './client-test-server';

const CREDS: Credentials = {
  customerCode: '80000',
  apiName: 'OOPSTON1',
  apiKey: 'wire-test-key-1',
  trackKey: 'wire-track-key-2',
};

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(
  answer: (call: EndpointName | undefined, body: string) => Answer,
): Promise<TestServer> {
  const server = await startTestServer((req) => answer(callOf(req.path), req.body));
  servers.push(server);
  return server;
}

function callOf(path: string): EndpointName | undefined {
  const names: EndpointName[] = [
    'AddOrder',
    'InvalidOrder',
    'GetTrackingNo',
    'GetLabel',
    'GetTrack',
    'Inventory',
    'GetOrderMsg',
  ];
  return names.find((n) => path.endsWith(endpointPath(n).slice(endpointPath(n).lastIndexOf('/'))));
}

function vendorFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/vendor/${name}`, import.meta.url), 'utf8');
}

const VENDOR_ANSWERS: Record<EndpointName, string> = {
  AddOrder: 'add-order.response.json',
  InvalidOrder: 'invalid-order.response.json',
  GetTrackingNo: 'get-tracking-no.response.json',
  GetLabel: 'get-label.response.json',
  GetTrack: 'get-track.response.json',
  Inventory: 'inventory.response.json',
  GetOrderMsg: 'get-order-msg.response.json',
};

/** Answers every call with the vendor's example, a BOM in front, as text/html. */
function vendorServer() {
  return serve((call) => ({ body: '\uFEFF' + vendorFixture(VENDOR_ANSWERS[call!]) }));
}

describe('requests', () => {
  it('every call POSTs JSON with every documented field, every value a string but NoType', async () => {
    const server = await vendorServer();
    const client = createMegaWmsClient({ credentials: CREDS, baseUrl: server.url });
    await client.createOrder(demoOrder());
    await client.cancelOrder('1ZF608820396504221');
    await client.fetchTrackingNumbers(['HTFLY8291890540YQ'], 'orderNo');
    await client.fetchLabels(['9374869903503316619479']);
    await client.fetchTracking(['HTFLY85698523651YQ']);
    await client.fetchInventory({ sku: 'kevin123123' });
    await client.fetchOrders([{ referenceNo: '302112716525126589' }]);

    const schemas = {
      AddOrder: AddOrderRequest,
      InvalidOrder: InvalidOrderRequest,
      GetTrackingNo: GetTrackingNoRequest,
      GetLabel: GetLabelRequest,
      GetTrack: GetTrackRequest,
      Inventory: InventoryRequest.extend({ Query: InventoryRequest.shape.Query.strict() }),
      GetOrderMsg: GetOrderMsgRequest,
    };
    expect(server.requests.map((r) => callOf(r.path))).toEqual(Object.keys(schemas));
    for (const req of server.requests) {
      const call = callOf(req.path)!;
      expect(req.method).toBe('POST');
      expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = JSON.parse(req.body) as unknown;
      expect(schemas[call].strict().safeParse(body).success, call).toBe(true);
      const nonStrings = JSON.stringify(body).match(/"(\w+)":(?!")[^[{]/g) ?? [];
      expect(nonStrings, call).toEqual(call === 'GetTrackingNo' ? ['"NoType":0'] : []);
    }
  });

  it('sends each call to its own address when one is given', async () => {
    const base = await vendorServer();
    const other = await vendorServer();
    const client = createMegaWmsClient({
      credentials: CREDS,
      baseUrl: base.url,
      endpointUrls: { GetOrderMsg: `${other.url}/elsewhere/GetOrderMsg.aspx` },
    });
    await client.fetchOrders([{ referenceNo: '302112716525126589' }]);
    await client.fetchLabels(['9374869903503316619479']);
    expect(other.requests.map((r) => r.path)).toEqual(['/elsewhere/GetOrderMsg.aspx']);
    expect(base.requests.map((r) => r.path)).toEqual(['/PubApi/GetLabel.aspx']);
  });
});

describe('the vendor document answers, served as MegaWMS serves them', () => {
  it('are read by every call', async () => {
    const server = await vendorServer();
    const client = createMegaWmsClient({ credentials: CREDS, baseUrl: server.url });

    const created = await client.createOrder(demoOrder());
    expect(created).toMatchObject({
      kind: 'created',
      order: { orderNo: 'R800001707210005', trackingNumber: '787249009461' },
    });

    expect(await client.cancelOrder('1Z2VW9220390136006')).toMatchObject({
      cancelled: false,
      orderNo: 'R800001605230003',
      referenceNo: 'CSREFNO',
    });

    const numbers = await client.fetchTrackingNumbers(
      ['HTFLY8291890540YQ', 'HTFLY8691890532YQ', 'HTFLY8981890038YQ'],
      'orderNo',
    );
    expect(numbers.map((r) => r.ok && r.value.trackingNumber)).toEqual([
      '786388345759',
      '786388330311',
      '786388018805',
    ]);

    const labels = await client.fetchLabels(['9374869903503316491655', 'HTFLY8631091734YQ']);
    expect(labels.map((r) => r.ok && r.value.map((l) => l.pieceNo))).toEqual([
      ['HTFLY8261091720YQ_001x001'],
      ['HTFLY8631091734YQ_001x001'],
    ]);

    const [shipment] = await client.fetchTracking(['HTFLY85698523651YQ']);
    expect(shipment?.ok && shipment.value.events.at(-1)?.time).toBeNull();

    expect(
      (await client.fetchInventory({ sku: 'kevin123123' })).rows.map((r) => r.available),
    ).toEqual([0, 28, 40, 990, 999]);

    const orders = await client.fetchOrders([
      { trackingNumber: '61290982186720032513' },
      { referenceNo: '302112716525126589' },
    ]);
    expect(orders.map((r) => r.ok && [r.value[0]!.orderNo, r.value[0]!.warehouseId])).toEqual([
      ['R800001712280001', '382'],
      ['R800001712270006', ''],
    ]);
  });

  it('the first page of the AddOrder template, with its trailing comma and padded numbers', async () => {
    const server = await serve(() => ({
      body: vendorFixture('add-order.response-template-head.json'),
    }));
    const outcome = await createMegaWmsClient({
      credentials: CREDS,
      baseUrl: server.url,
    }).createOrder(demoOrder());
    expect(outcome).toMatchObject({
      kind: 'created',
      order: { orderNo: 'R800001703290004', referenceNo: 'CS11122233334332', labels: [] },
    });
  });

  it('an answer with a wrong field is a bad-response naming the call and the field', async () => {
    const server = await serve(() => ({
      body: JSON.stringify({ Success: 'true', Labels: [{}, {}, {}, { Tracknumber: ['1Z'] }] }),
      contentType: 'application/json',
    }));
    const client = createMegaWmsClient({ credentials: CREDS, baseUrl: server.url });
    const error = await client.fetchLabels(['1Z']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MegaWmsError);
    expect(error).toMatchObject({
      code: 'bad-response',
      call: 'GetLabel',
      detail: 'GetLabel: Labels[3].Tracknumber: expected string, got array',
    });
  });

  it('a JSON refusal with a non-2xx status is still MegaWMS speaking', async () => {
    const server = await serve(() => ({
      status: 400,
      body: '{"Success":"false","Message":"单号格式错误"}',
    }));
    const error = await createMegaWmsClient({ credentials: CREDS, baseUrl: server.url })
      .fetchLabels(['1Z'])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'refused', message: '单号格式错误' });
  });

  it('a 404 page points at the address in Settings, and is not retried', async () => {
    const server = await serve(() => ({ status: 404, body: '<h1>Not Found</h1>' }));
    const error = await createMegaWmsClient({ credentials: CREDS, baseUrl: server.url })
      .fetchTracking(['1Z'])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'http',
      status: 404,
      message: 'MegaWMS answered HTTP 404. Check the server address in Settings.',
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('Inventory paging guards', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ SKU: `S${i}`, StockNum: '1' }));

  it('a server that ignores PageNow is caught on the second page', async () => {
    const server = await serve(() => ({
      body: JSON.stringify({
        Success: 'true',
        PageNow: '1',
        TotalRows: '2500',
        Detail: rows(1000),
      }),
    }));
    const error = await createMegaWmsClient({ credentials: CREDS, baseUrl: server.url })
      .fetchInventory({ all: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'bad-response',
      detail: 'Inventory: PageNow: asked for page 2, got page 1',
    });
  });

  it('a server without PageNow is read for the pages its first TotalRows promised, no more', async () => {
    const server = await serve(() => ({
      body: JSON.stringify({ Success: 'true', TotalRows: '2500', Detail: rows(1000) }),
    }));
    const result = await createMegaWmsClient({
      credentials: CREDS,
      baseUrl: server.url,
    }).fetchInventory({ all: true });
    expect(server.requests).toHaveLength(3);
    expect(result.totalRows).toBe(2500);
  });

  it('an impossible TotalRows stops after the first page', async () => {
    const server = await serve(() => ({
      body: JSON.stringify({
        Success: 'true',
        PageNow: '1',
        TotalRows: '999999999',
        Detail: rows(1000),
      }),
    }));
    const error = await createMegaWmsClient({ credentials: CREDS, baseUrl: server.url })
      .fetchInventory({ all: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad-response' });
    expect((error as Error).message).toContain('Narrow the query by SKU, warehouse or barcode.');
    expect(server.requests).toHaveLength(1);
  });

  it('a short first page ends the query whatever TotalRows says', async () => {
    const server = await serve(() => ({
      body: JSON.stringify({ Success: 'true', PageNow: '1', TotalRows: '5000', Detail: rows(10) }),
    }));
    const result = await createMegaWmsClient({
      credentials: CREDS,
      baseUrl: server.url,
    }).fetchInventory({ all: true });
    expect(result.rows).toHaveLength(10);
    expect(server.requests).toHaveLength(1);
  });
});
