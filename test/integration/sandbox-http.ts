/**
 * Raw HTTP helpers for the sandbox's own tests: plain `fetch`, no MegaWMS client, so the
 * tests see exactly the bytes the sandbox sends.
 */
import { DEMO_CREDENTIALS, type Sandbox } from '../../src/sandbox/server';
import { waitFor as pollUntil } from '../helpers/wait';

/** One answer: status, headers, raw bytes and the JSON (BOM removed; undefined if not JSON). */
export interface RawAnswer {
  status: number;
  contentType: string;
  bytes: Buffer;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** POSTs `body` (an object, or a string sent as is) to `path` on the sandbox. */
export async function post(sandbox: Sandbox, path: string, body: unknown): Promise<RawAnswer> {
  const res = await fetch(sandbox.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    bytes,
    text,
    json,
  };
}

/** `CusCode`, `ApiKey` and `CusApiName` of the demo account. */
export const ACCOUNT = {
  CusCode: DEMO_CREDENTIALS.customerCode,
  ApiKey: DEMO_CREDENTIALS.apiKey,
  CusApiName: DEMO_CREDENTIALS.apiName,
};

/** A complete AddOrder body modelled on the vendor's example, with a fresh reference. */
export function addOrderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...ACCOUNT,
    Style: '2',
    Sender: 'fly',
    SendAddress: ' send address1',
    SendPhone: '123123123',
    SendEmail: 'fly@oopston.com',
    SendCompany: 'oopsotn',
    ConsigneeName: 'Denis Ouellet',
    Country: 'US',
    Base_ChannelInfoID: '201',
    State: 'NY',
    City: 'NEW YORK',
    Address1: '18 Maple Ave',
    Address2: 'Apt 4',
    CsRefNo: `TEST-${Math.random().toString(36).slice(2, 12)}`,
    OrderStatus: '3',
    Zipcode: '00501',
    Contact: '13800138000',
    StortelID: '0',
    CompanyName: 'uscompany',
    CusRemark: 'remark',
    RecipientEmail: 'ups@psf.com',
    BILLQTY: '2',
    OrderBags: [
      { Weight: '1', Length: '11', Width: '22', Height: '33' },
      { Weight: '2', Length: '44', Width: '55', Height: '66' },
    ],
    Products: [
      {
        SKU: '',
        EnName: 'en1',
        CnName: 'cn1',
        Qty: '1',
        Weight: '0.1',
        Price: '0.1',
        Hscode: 'hs1',
        ProducingArea: 'cn',
      },
    ],
    ...overrides,
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined, ms = 5000): Promise<T> {
  // Wrapped, so a falsy value such as 0 still counts as reached.
  const found = await pollUntil(
    () => {
      const value = check();
      return value === undefined ? undefined : { value };
    },
    { timeoutMs: ms, intervalMs: 0 },
  );
  return found.value;
}
