import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { runStation } from '../helpers/cli';

let dir: string;

function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  });
}
let sandbox: Sandbox;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-cli-'));
  // Same default seed as `--demo`'s in-process sandbox, so its numbers exist there too.
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('station command', () => {
  it('merges a few hundred demo labels into one 4x6 PDF in the order asked', async () => {
    // Order numbers of labelled orders: each brings every piece, first to last.
    const orders = sandbox.data.orders
      .filter((o) => o.statusCode !== 1 && o.statusCode !== 8)
      .slice(0, 200);
    expect(orders.length).toBe(200);
    const expected = orders.flatMap((o) => o.pieces.map((p) => p.trackingNumber));
    const list = path.join(dir, 'numbers.txt');
    fs.writeFileSync(list, 'order number\n' + orders.map((o) => o.orderNo).join('\n') + '\n');
    const merged = path.join(dir, 'out.pdf');

    const run = await runStation([
      '--demo',
      '--data-dir',
      path.join(dir, 'data'),
      'labels',
      '--file',
      list,
      '--merge',
      merged,
    ]);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pdf = await PDFDocument.load(fs.readFileSync(merged));
    expect(pdf.getPageCount()).toBe(expected.length);
    for (const page of pdf.getPages()) {
      expect(page.getSize()).toEqual({ width: 288, height: 432 });
    }
    for (const index of [0, Math.floor(expected.length / 2), expected.length - 1]) {
      expect(pageText(merged, index + 1).replace(/ /g, '')).toContain(expected[index]);
    }
  }, 120_000);

  it('writes one PDF per piece named by its tracking number', async () => {
    const numbers = sandbox.sample().trackingNumbers.slice(0, 3);
    const out = path.join(dir, 'pieces');
    const run = await runStation([
      '--demo',
      '--data-dir',
      path.join(dir, 'data'),
      'labels',
      ...numbers,
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(numbers.map((n) => `${n}.pdf`).sort());
  }, 60_000);

  it('exits 1 and names each number that failed, keeping the ones that worked', async () => {
    const good = sandbox.sample().trackingNumbers[0]!;
    const run = await runStation([
      '--demo',
      '--data-dir',
      path.join(dir, 'data'),
      '--json',
      'labels',
      good,
      'NOSUCH123',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('NOSUCH123');
    expect(run.stderr).not.toContain(good);
    const json = JSON.parse(run.stdout) as { results: Array<{ ok: boolean; query: string }> };
    expect(json.results.map((r) => [r.query, r.ok])).toEqual([
      [good, true],
      ['NOSUCH123', false],
    ]);
  }, 60_000);

  it('exits 2 with a plain sentence when no account is set', async () => {
    const run = await runStation(['--data-dir', path.join(dir, 'data'), 'status', 'R1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No MegaWMS account is set/);
    expect(run.stderr).toMatch(/--demo/);
  });

  it('exits 2 on an unknown option or command', async () => {
    expect((await runStation(['labels', '--bogus'])).code).toBe(2);
    expect((await runStation(['frobnicate'])).code).toBe(2);
  });

  it('takes the account from MEGAWMS_* variables and never prints the API key', async () => {
    const run = await runStation(['--json', 'status', sandbox.sample().orderNos[0]!], {
      MEGAWMS_BASE_URL: sandbox.url,
      MEGAWMS_CUS_CODE: '80000',
      MEGAWMS_API_NAME: 'OOPSTON1',
      MEGAWMS_API_KEY: 'wrong-key-0000-secret',
      STATION_DATA_DIR: path.join(dir, 'data'),
    });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain('wrong-key-0000-secret');
  });

  it('creates and cancels an order from a JSON file', async () => {
    const order = {
      style: 'transfer',
      sender: { name: 'Fly', address: '1 Dock Rd', phone: '123', email: 'a@b.co', company: 'Oops' },
      consignee: {
        name: 'Jane Doe',
        company: '',
        address1: '18 Main St',
        address2: '',
        city: 'NEW YORK',
        state: 'NY',
        zipcode: '10001',
        country: 'US',
        phone: '',
        email: '',
      },
      channelId: '201',
      referenceNo: `cli-${Date.now()}`,
      confirm: true,
      warehouseId: '0',
      remark: '',
      pieces: [{ weightKg: 1, lengthCm: 10, widthCm: 10, heightCm: 10 }],
      products: [
        {
          sku: '',
          nameEn: 'Socks',
          nameCn: '袜子',
          quantity: 1,
          unitWeightKg: 0.1,
          unitPriceUsd: 2,
          hsCode: '',
          origin: 'CN',
        },
      ],
    };
    const file = path.join(dir, 'order.json');
    fs.writeFileSync(file, JSON.stringify(order));
    const env = {
      MEGAWMS_BASE_URL: sandbox.url,
      MEGAWMS_CUS_CODE: '80000',
      MEGAWMS_API_NAME: 'OOPSTON1',
      MEGAWMS_API_KEY: '7351c8ad-2813-497d-a6bf-f03960cba51580000',
      STATION_DATA_DIR: path.join(dir, 'data'),
    };
    const created = await runStation(['--json', 'order', 'create', '--file', file], env);
    expect(created.code).toBe(0);
    const outcome = JSON.parse(created.stdout) as {
      kind: string;
      order: { trackingNumber: string };
    };
    expect(outcome.kind).toBe('created');

    const cancelled = await runStation(['order', 'cancel', outcome.order.trackingNumber], env);
    expect(cancelled.code).toBe(0);
    const refused = await runStation(
      ['order', 'cancel', sandbox.sample().shippedTrackingNumber],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/void period/);
  }, 60_000);
});
