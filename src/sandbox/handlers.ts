/**
 * Routes one API call to its handler and shapes refusals per endpoint: MegaWMS answers a
 * refused call with HTTP 200, `Success: "false"` and the usual fields left empty.
 */
import type { EndpointName } from '../main/core/megawms/endpoints';
import { handleAddOrder } from './handle-add-order';
import { handleGetLabel } from './handle-labels';
import { handleGetOrderMsg, handleGetTrackingNo, handleInvalidOrder } from './handle-orders';
import { handleGetTrack, handleInventory } from './handle-track';
import type { LabelStore } from './label-store';
import { asObject, Refusal, type Fields } from './request-check';
import type { SandboxState } from './state';

/** What every handler may use. */
export interface ApiContext {
  state: SandboxState;
  labels: LabelStore;
  /** `http://127.0.0.1:PORT`, for the print-page links in answers. */
  baseUrl: string;
  quirks: boolean;
}

/** One endpoint: reads the parsed body, answers the JSON object to send. */
export type ApiHandler = (body: Fields, ctx: ApiContext) => Promise<object> | object;

const HANDLERS: Record<EndpointName, ApiHandler> = {
  AddOrder: handleAddOrder,
  InvalidOrder: handleInvalidOrder,
  GetTrackingNo: handleGetTrackingNo,
  GetLabel: handleGetLabel,
  GetTrack: handleGetTrack,
  Inventory: handleInventory,
  GetOrderMsg: handleGetOrderMsg,
};

/** Answers one call; a refusal becomes that endpoint's `Success: "false"` answer. */
export async function handleApiCall(
  endpoint: EndpointName,
  method: string,
  raw: Buffer,
  ctx: ApiContext,
): Promise<object> {
  let body: Fields = {};
  try {
    if (method !== 'POST') throw new Refusal('请使用 POST 方式提交 (send the request as POST)');
    body = asObject(parseJson(raw), 'request body');
    return await HANDLERS[endpoint](body, ctx);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return refusalAnswer(endpoint, error.message, body);
  }
}

function parseJson(raw: Buffer): unknown {
  // Some clients (and MegaWMS's own examples) send a byte-order mark; IIS ignores it.
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal('提交的数据不是有效的 JSON (the request body is not valid JSON)');
  }
}

/** The answer of a refused call, in the shape of its endpoint's usual answer. */
export function refusalAnswer(endpoint: EndpointName, message: string, body: Fields): object {
  const echo = (name: string): string => {
    const value = body[name];
    return typeof value === 'string' ? value : '';
  };
  const failed = { Message: message, Success: 'false' };
  switch (endpoint) {
    case 'AddOrder':
      return {
        CusApiName: echo('CusApiName'),
        OrderNo: '',
        CsRefNo: echo('CsRefNo'),
        ...failed,
        OrderID: '',
        CusCode: echo('CusCode'),
        Tracknumber: '',
        PrintUrl: '',
        Labels: [],
      };
    case 'InvalidOrder':
      return {
        CusApiName: echo('CusApiName'),
        OrderNo: '',
        CsRefNo: '',
        ...failed,
        TrackNumber: echo('TrackNumber'),
      };
    case 'GetLabel':
      return {
        CusApiName: echo('CusApiName'),
        ...failed,
        CusCode: echo('CusCode'),
        HtmlPrintUrl: '',
        Labels: [],
      };
    case 'GetTrack':
      return { success: 'false', error: message, message, TrackingNos: [] };
    case 'Inventory':
      return { ...failed, PageNow: '', TotalRows: '0', Detail: [] };
    case 'GetTrackingNo':
    case 'GetOrderMsg':
      return { OrderList: [], CusCode: echo('CusCode'), ...failed };
  }
}
