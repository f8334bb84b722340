/**
 * One order's life through the sandbox over real HTTP: AddOrder → GetOrderMsg → GetLabel →
 * GetTrack → InvalidOrder; a draft confirmed later; and `station sandbox` serving until a signal.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../src/sandbox/server';
import { ACCOUNT, addOrderBody, post } from './sandbox-http';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, orderCount: 40, inventoryRows: 40 });
});
afterAll(() => sandbox.close());

const orderMsgByRef = async (referenceNo: string) =>
  (
    await post(sandbox, '/PubApi/GetOrderMsg.aspx', {
      ...ACCOUNT,
      Orders: [{ CsRefNo: referenceNo }],
    })
  ).json.OrderList;
const labels = async (number: string) =>
  (
    await post(sandbox, '/PubApi/GetLabel.aspx', {
      ...ACCOUNT,
      LabelType: '1',
      TrackNumbers: [{ TrackNumber: number }],
    })
  ).json;
const cancel = async (trackingNumber: string) =>
  (await post(sandbox, '/PubApi/InvalidOrder.aspx', { ...ACCOUNT, TrackNumber: trackingNumber }))
    .json;

describe('an order from creation to cancellation', () => {
  it('is created, found, labelled, tracked, cancelled and then refused', async () => {
    const body = addOrderBody({ Base_ChannelInfoID: '204', ConsigneeName: 'Chloé Walker' });
    const created = (await post(sandbox, '/PubApi/AddOrder.aspx', body)).json;
    const orderNo = created.OrderNo.trim();
    expect(created.Success).toBe('true');

    const [row] = await orderMsgByRef(String(body.CsRefNo));
    expect(row).toMatchObject({
      OrderNo: orderNo,
      Tracknumber: created.Tracknumber,
      StatusCode: '3',
      ConsigneeName: 'Chloé Walker',
      Channel: 'FedEx-Home-Delivery',
      BILLQTY: '2',
      DeliverTime: '',
    });

    const fetched = await labels(created.Tracknumber);
    expect(fetched.Labels.map((l: { Tracknumber: string }) => l.Tracknumber)).toEqual(
      created.Labels.map((l: { Tracknumber: string }) => l.Tracknumber),
    );

    const tracking = (
      await post(sandbox, '/PubApi/GetTrack.aspx', {
        key: DEMO_CREDENTIALS.trackKey,
        Trackingnos: [{ Trackingno: orderNo }],
      })
    ).json;
    expect(tracking.TrackingNos[0]).toMatchObject({
      TrackingNo: created.Tracknumber,
      Status: 'LABEL CREATED',
    });

    expect(await cancel(created.Labels[1].Tracknumber)).toMatchObject({
      Success: 'true',
      OrderNo: orderNo,
    });
    expect((await orderMsgByRef(String(body.CsRefNo)))[0]).toMatchObject({
      StatusCode: '8',
      Status: '已删除',
    });
    expect((await labels(orderNo)).Labels).toEqual([]);
    expect((await cancel(created.Tracknumber)).Success).toBe('false');

    const voided = (
      await post(sandbox, '/PubApi/GetTrack.aspx', {
        key: DEMO_CREDENTIALS.trackKey,
        Trackingnos: [{ Trackingno: created.Tracknumber }],
      })
    ).json.TrackingNos[0];
    expect(voided.Status).toBe('VOIDED');
    expect(voided.Track[0].DescriptionEN).toMatch(/voided/);
  });
});

describe('a draft', () => {
  it('gets tracking numbers once confirmed, and refuses cancelling once shipped', async () => {
    const created = (
      await post(sandbox, '/PubApi/AddOrder.aspx', addOrderBody({ OrderStatus: '1' }))
    ).json;
    const orderNo = created.OrderNo.trim();
    const ask = async () =>
      (
        await post(sandbox, '/PubApi/GetTrackingNo.aspx', {
          ...ACCOUNT,
          Nos: [{ OrderNo: orderNo, NoType: 0 }],
        })
      ).json.OrderList[0];
    expect((await ask()).Tracknumber).toBe('');

    const confirmed = sandbox.data.setOrderStatus(orderNo, 3);
    const answer = await ask();
    expect(answer).toMatchObject({ Message: 'OK', Tracknumber: confirmed.trackingNumber });
    expect((await labels(orderNo)).Labels).toHaveLength(2);

    sandbox.data.setOrderStatus(orderNo, 6);
    const refused = await cancel(answer.Tracknumber);
    expect(refused.Success).toBe('false');
    expect(refused.Message).toMatch(/^取消 UPS 订单失败;错误编码:190102/);
    expect(sandbox.data.findOrder(orderNo)?.shippedAt).toBeInstanceOf(Date);
  });

  it('cannot go back to draft once it has tracking numbers, and unknown orders are named', () => {
    const shipped = sandbox.sample().shippedTrackingNumber;
    const orderNo = sandbox.data.findOrder(shipped)!.orderNo;

    expect(() => sandbox.data.setOrderStatus(orderNo, 1)).toThrow(/cannot become a draft/);
    expect(() => sandbox.data.setOrderStatus('R800009999999999', 3)).toThrow(/R800009999999999/);
  });
});

describe('station sandbox', () => {
  it('prints its address and the demo account, serves, and stops on SIGTERM', async () => {
    const script = path.join(import.meta.dirname, 'sandbox-serve.child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    const deadline = Date.now() + 20_000;
    while (!/Press Ctrl\+C/.test(out) && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    expect(out).toContain(DEMO_CREDENTIALS.apiKey);

    const res = await fetch(`${url}/PubApi/GetOrderMsg.aspx`, {
      method: 'POST',
      body: JSON.stringify({ ...ACCOUNT, Orders: [{ OrderNo: 'X' }] }),
    });
    expect(res.status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('MegaWMS sandbox stopped.');
    expect(out).toContain('exited cleanly');
  });
});
