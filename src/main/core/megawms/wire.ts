/**
 * Every MegaWMS request and response as the vendor sends it, as zod schemas. Requests are
 * all strings (the vendor's rule), except GetTrackingNo's `NoType`, a number in the
 * vendor's own example. Response schemas accept what the vendor document shows: `Success`
 * as text or boolean, padded numbers, three spellings of the warehouse id, `null` labels,
 * both time formats, and extra fields (dropped).
 */
import { z } from 'zod';

import { MegaWmsError } from './errors';
import { parseMegaWmsTime } from './time';

// ---- Requests ---------------------------------------------------------------------------

const Str = z.string();

/** One piece (box) of AddOrder: kg and cm, as text. */
export const AddOrderBag = z.object({ Weight: Str, Length: Str, Width: Str, Height: Str });
export type AddOrderBag = z.infer<typeof AddOrderBag>;

/** One customs line of AddOrder; per-unit weight (kg) and declared price (USD). */
export const AddOrderProduct = z.object({
  SKU: Str,
  EnName: Str,
  CnName: Str,
  Qty: Str,
  Weight: Str,
  Price: Str,
  Hscode: Str,
  ProducingArea: Str,
});
export type AddOrderProduct = z.infer<typeof AddOrderProduct>;

/** AddOrder's body, field for field in the vendor's order. */
export const AddOrderRequest = z.object({
  CusApiName: Str,
  CusCode: Str,
  ApiKey: Str,
  Style: z.enum(['1', '2']),
  Sender: Str,
  SendAddress: Str,
  SendPhone: Str,
  SendEmail: Str,
  SendCompany: Str,
  ConsigneeName: Str,
  Country: Str,
  Base_ChannelInfoID: Str,
  State: Str,
  City: Str,
  Address1: Str,
  Address2: Str,
  CsRefNo: Str,
  OrderStatus: z.enum(['1', '3']),
  Zipcode: Str,
  Contact: Str,
  StortelID: Str,
  CompanyName: Str,
  CusRemark: Str,
  RecipientEmail: Str,
  BILLQTY: Str,
  OrderBags: z.array(AddOrderBag),
  Products: z.array(AddOrderProduct),
});
export type AddOrderRequest = z.infer<typeof AddOrderRequest>;

/** InvalidOrder's body: cancel by tracking number. */
export const InvalidOrderRequest = z.object({
  CusApiName: Str,
  CusCode: Str,
  ApiKey: Str,
  TrackNumber: Str,
});
export type InvalidOrderRequest = z.infer<typeof InvalidOrderRequest>;

/** `NoType` 0: `OrderNo` holds a MegaWMS order number; 1: a customer reference number. */
export const GetTrackingNoRequest = z.object({
  CusCode: Str,
  ApiKey: Str,
  Nos: z.array(z.object({ OrderNo: Str, NoType: z.union([z.literal(0), z.literal(1)]) })),
});
export type GetTrackingNoRequest = z.infer<typeof GetTrackingNoRequest>;

/** `LabelType` 0: HTML links only; 1: HTML and the PDF file (where the account may). */
export const GetLabelRequest = z.object({
  CusApiName: Str,
  CusCode: Str,
  LabelType: z.enum(['0', '1']),
  ApiKey: Str,
  TrackNumbers: z.array(z.object({ TrackNumber: Str })),
});
export type GetLabelRequest = z.infer<typeof GetLabelRequest>;

/** GetTrack's body: its own lower-case `key`, the tracking key. */
export const GetTrackRequest = z.object({
  key: Str,
  Trackingnos: z.array(z.object({ Trackingno: Str })),
});
export type GetTrackRequest = z.infer<typeof GetTrackRequest>;

/** Inventory's body; blank SKU, warehouse (`StortelID`) and barcode mean all. */
export const InventoryRequest = z.object({
  CusCode: Str,
  ApiKey: Str,
  Query: z.object({
    SKU: Str,
    StortelID: Str,
    GoodsCode: Str,
    PageSizes: Str,
    PageNow: Str,
  }),
});
export type InventoryRequest = z.infer<typeof InventoryRequest>;

/** GetOrderMsg's body; each order by reference, tracking or order number. */
export const GetOrderMsgRequest = z.object({
  Orders: z.array(z.object({ OrderNo: Str, Tracknumber: Str, CsRefNo: Str })),
  CusCode: Str,
  ApiKey: Str,
});
export type GetOrderMsgRequest = z.infer<typeof GetOrderMsgRequest>;

// ---- Response fields --------------------------------------------------------------------
//
// zod checks the shape of an answer (strings where strings belong) on its fast path; one
// transform at the root then normalises every row (trims, numbers, times, base64). A
// transform per field or per row costs zod a pipeline each, which for the 100 labels of a
// GetLabel answer was most of the client's own time.

/** Text the vendor may send as a string, null, or not at all. */
const Txt = z.string().nullish();

/** A value whose form the normaliser checks: numbers, times, `Success`. */
const Loose = z.unknown().optional();

/** Where a row sits in the answer, so a failure can name its field path. */
interface Where {
  ctx: z.core.$RefinementCtx<unknown>;
  parent?: Where;
  /** Key (list name) and index of this row in its parent; none for the answer itself. */
  key?: string;
  index?: number;
}

function pathOf(w: Where): PropertyKey[] {
  const own = w.key === undefined ? [] : [w.key, w.index!];
  return w.parent ? [...pathOf(w.parent), ...own] : own;
}

function fail(w: Where, field: string, message: string): typeof z.NEVER {
  // The path is built only here: answers that parse pay for no path at all.
  w.ctx.issues.push({ code: 'custom', message, path: [...pathOf(w), field], input: undefined });
  return z.NEVER;
}

/** Free text, kept verbatim (MegaWMS's `Message` is shown word for word); null → "". */
function text(v: string | null | undefined): string {
  return v ?? '';
}

/** An identifier: order, reference or tracking number. The vendor pads some with spaces. */
function id(v: string | null | undefined): string {
  return (v ?? '').trim();
}

/** `"true"`, `" true"`, `true` → true; `"false"`, `false` → false. */
function flag(w: Where, field: string, v: unknown): boolean {
  const t = typeof v === 'string' ? v.trim().toLowerCase() : v;
  if (t === true || t === 'true') return true;
  if (t === false || t === 'false') return false;
  return fail(w, field, 'expected "true" or "false"');
}

/** The vendor's numbers (`"5"`, `" 5 "`, `5`); blank or null → null. */
function optionalNumber(w: Where, field: string, v: unknown): number | null {
  if (v == null) return null;
  const t = typeof v === 'string' ? v.trim() : v;
  if (t === '') return null;
  const n = typeof t === 'number' || typeof t === 'string' ? Number(t) : Number.NaN;
  return Number.isFinite(n) ? n : fail(w, field, 'expected a number');
}

/** An inventory count: blank → 0. */
function count(w: Where, field: string, v: unknown): number {
  return optionalNumber(w, field, v) ?? 0;
}

/** OrderID is numeric inside MegaWMS; a number is accepted too (it is small). */
function numericId(w: Where, field: string, v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
  return fail(w, field, 'expected string');
}

/** Either time format; `1900-01-01 00:00:00` or blank → null (see time.ts for the zone). */
function time(w: Where, field: string, v: unknown): Date | null {
  if (v == null) return null;
  const date = typeof v === 'string' ? parseMegaWmsTime(v) : undefined;
  return date !== undefined ? date : fail(w, field, 'expected a time like 2017-12-27 11:23:53');
}

/**
 * Base64 text → bytes, or undefined when it is not base64. Node's decoder skips characters
 * outside the alphabet, so a decoded length short of what the text length promises means
 * there were some: that check costs nothing next to the decoding itself.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  let body = text.startsWith('data:') ? text.slice(text.indexOf(',') + 1) : text;
  let bytes = Buffer.from(body, 'base64');
  if (bytes.length !== expectedBase64Length(body)) {
    // Line-wrapped (MIME) base64 is fine; anything else is not a label file.
    body = body.replace(/\s+/g, '');
    bytes = Buffer.from(body, 'base64');
    if (bytes.length !== expectedBase64Length(body)) return undefined;
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function expectedBase64Length(text: string): number {
  let length = text.length;
  if (text.charCodeAt(length - 1) === 61) length--;
  if (text.charCodeAt(length - 1) === 61) length--;
  return length % 4 === 1 ? -1 : Math.floor((length * 3) / 4);
}

/**
 * The label files of one answer decoded into one buffer: a GetLabel batch is 100 files,
 * and 100 small buffers cost the garbage collector far more than one large one. The
 * labels of a batch then share that buffer: keeping one keeps the batch's bytes (a few
 * hundred KB) in memory.
 */
class FileArena {
  private readonly buffer: Buffer;
  private offset = 0;

  constructor(texts: Array<string | null | undefined>) {
    let total = 0;
    for (const t of texts) if (t) total += Math.max(0, expectedBase64Length(t));
    this.buffer = Buffer.allocUnsafeSlow(total);
  }

  /** Bytes of one file, or undefined when it is not plain base64 (the caller falls back). */
  decode(text: string): Uint8Array | undefined {
    const expected = expectedBase64Length(text);
    if (expected < 0 || this.offset + expected > this.buffer.length) return undefined;
    const written = this.buffer.write(text, this.offset, expected, 'base64');
    if (written !== expected) return undefined;
    const view = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset + this.offset, written);
    this.offset += expected;
    return view;
  }
}

/** A base64 label file → bytes; null or "" (no permission for files) → null. */
function file(
  w: Where,
  field: string,
  v: string | null | undefined,
  files?: FileArena,
): Uint8Array | null {
  if (!v || v.trim() === '') return null;
  // Limitation: a file of the wrong format but valid base64 passes here; printing checks
  // the bytes (PDF or image signature) before anything reaches a printer.
  return files?.decode(v) ?? decodeBase64(v) ?? fail(w, field, 'expected a base64 file');
}

/** A list the vendor may send as null or leave out when there is nothing. */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).nullish();
}

/** Normalises each row of a list, each under its own index in the path. */
function rows<R, T>(
  w: Where,
  field: string,
  items: R[] | null | undefined,
  fn: (r: R, w: Where) => T,
): T[] {
  return (items ?? []).map((item, index) => fn(item, { ctx: w.ctx, parent: w, key: field, index }));
}

/** A row schema that normalises itself: for reading one row on its own (tests, tools). */
function single<S extends z.ZodType, T>(schema: S, fn: (r: z.output<S>, w: Where) => T) {
  return schema.transform((r, ctx) => fn(r, { ctx }));
}

/** A whole answer: shape-checked by zod, normalised by `fn` in one pass. */
function answer<S extends z.ZodType, T>(schema: S, fn: (r: z.output<S>, w: Where) => T) {
  return schema.transform((r, ctx) => fn(r, { ctx }));
}

// ---- Responses --------------------------------------------------------------------------

/** What every PubApi/wsapi answer carries; read first so a refusal needs nothing else. */
export const Envelope = answer(z.object({ Success: Loose, Message: Txt }), (o, w) => ({
  Success: flag(w, 'Success', o.Success),
  Message: text(o.Message),
}));
export type Envelope = z.infer<typeof Envelope>;

const AddOrderLabelRow = z.object({
  Label: Txt,
  LabelType: Txt,
  Tracknumber: Txt,
  SubOrderNo: Txt,
});

function addOrderLabel(o: z.output<typeof AddOrderLabelRow>, w: Where) {
  return {
    Label: file(w, 'Label', o.Label),
    LabelType: id(o.LabelType),
    Tracknumber: id(o.Tracknumber),
    SubOrderNo: id(o.SubOrderNo),
  };
}
export type AddOrderLabel = ReturnType<typeof addOrderLabel>;

/** AddOrder's answer: the new order's numbers and, once confirmed, its labels. */
export const AddOrderResponse = answer(
  z.object({
    Success: Loose,
    Message: Txt,
    CusApiName: Txt,
    CusCode: Txt,
    OrderNo: Txt,
    OrderID: Loose,
    CsRefNo: Txt,
    Tracknumber: Txt,
    PrintUrl: Txt,
    Labels: list(AddOrderLabelRow),
  }),
  (o, w) => ({
    Success: flag(w, 'Success', o.Success),
    Message: text(o.Message),
    CusApiName: text(o.CusApiName),
    CusCode: text(o.CusCode),
    OrderNo: id(o.OrderNo),
    OrderID: numericId(w, 'OrderID', o.OrderID),
    CsRefNo: id(o.CsRefNo),
    Tracknumber: id(o.Tracknumber),
    PrintUrl: text(o.PrintUrl),
    Labels: rows(w, 'Labels', o.Labels, addOrderLabel),
  }),
);
export type AddOrderResponse = z.infer<typeof AddOrderResponse>;

/**
 * The vendor's example repeats `OrderNo`; the second one (the reference) arrives here.
 * Spelled out so the schema's type knows the key; equals `duplicateKeyName('OrderNo', 2)`.
 */
export const SECOND_ORDER_NO = 'OrderNo~2';

/** InvalidOrder's answer; `Message` carries the carrier's refusal word for word. */
export const InvalidOrderResponse = answer(
  z.object({
    Success: Loose,
    Message: Txt,
    CusApiName: Txt,
    OrderNo: Txt,
    [SECOND_ORDER_NO]: Txt,
    CsRefNo: Txt,
    TrackNumber: Txt,
  }),
  (o, w) => ({
    Success: flag(w, 'Success', o.Success),
    Message: text(o.Message),
    CusApiName: text(o.CusApiName),
    OrderNo: id(o.OrderNo),
    [SECOND_ORDER_NO]: id(o[SECOND_ORDER_NO]),
    CsRefNo: id(o.CsRefNo),
    TrackNumber: id(o.TrackNumber),
  }),
);
export type InvalidOrderResponse = z.infer<typeof InvalidOrderResponse>;

const TrackingNoRow = z.object({ OrderNo: Txt, Tracknumber: Txt, CsRefNo: Txt, Message: Txt });

function trackingNoItem(o: z.output<typeof TrackingNoRow>) {
  return {
    OrderNo: id(o.OrderNo),
    Tracknumber: id(o.Tracknumber),
    CsRefNo: id(o.CsRefNo),
    Message: text(o.Message),
  };
}
export type TrackingNoItem = ReturnType<typeof trackingNoItem>;

/** GetTrackingNo's answer; each row has its own `Message` (`OK` or the reason). */
export const GetTrackingNoResponse = answer(
  z.object({ Success: Loose, Message: Txt, CusCode: Txt, OrderList: list(TrackingNoRow) }),
  (o, w) => ({
    Success: flag(w, 'Success', o.Success),
    Message: text(o.Message),
    CusCode: text(o.CusCode),
    OrderList: rows(w, 'OrderList', o.OrderList, trackingNoItem),
  }),
);
export type GetTrackingNoResponse = z.infer<typeof GetTrackingNoResponse>;

const GetLabelRow = z.object({
  LabelHtml: Txt,
  LabelBase64: Txt,
  LabelType: Txt,
  TracknumberMain: Txt,
  Tracknumber: Txt,
  SubOrderNo: Txt,
  OrderNo: Txt,
  CsRefNo: Txt,
});

function getLabelItem(o: z.output<typeof GetLabelRow>, w: Where, arena?: FileArena) {
  return {
    LabelHtml: text(o.LabelHtml),
    LabelBase64: file(w, 'LabelBase64', o.LabelBase64, arena),
    LabelType: id(o.LabelType),
    TracknumberMain: id(o.TracknumberMain),
    Tracknumber: id(o.Tracknumber),
    SubOrderNo: id(o.SubOrderNo),
    OrderNo: id(o.OrderNo),
    CsRefNo: id(o.CsRefNo),
  };
}
export type GetLabelItem = ReturnType<typeof getLabelItem>;

/** GetLabel's answer: one row per piece, the file in base64 where the account may. */
export const GetLabelResponse = answer(
  z.object({
    Success: Loose,
    Message: Txt,
    CusApiName: Txt,
    CusCode: Txt,
    HtmlPrintUrl: Txt,
    Labels: list(GetLabelRow),
  }),
  (o, w) => {
    const files = new FileArena((o.Labels ?? []).map((l) => l.LabelBase64));
    return {
      Success: flag(w, 'Success', o.Success),
      Message: text(o.Message),
      CusApiName: text(o.CusApiName),
      CusCode: text(o.CusCode),
      HtmlPrintUrl: text(o.HtmlPrintUrl),
      Labels: rows(w, 'Labels', o.Labels, (label, at) => getLabelItem(label, at, files)),
    };
  },
);
export type GetLabelResponse = z.infer<typeof GetLabelResponse>;

const TrackEventRow = z.object({ OccurTime: Loose, DescriptionEN: Txt, DescriptionCN: Txt });

function trackEvent(o: z.output<typeof TrackEventRow>, w: Where) {
  return {
    OccurTime: time(w, 'OccurTime', o.OccurTime),
    DescriptionEN: text(o.DescriptionEN),
    DescriptionCN: text(o.DescriptionCN),
  };
}
export type TrackEventWire = ReturnType<typeof trackEvent>;

const TrackingNoWireRow = z.object({
  TrackingNo: Txt,
  OrderNo: Txt,
  Country: Txt,
  Status: Txt,
  Track: list(TrackEventRow),
});

function trackingNoWire(o: z.output<typeof TrackingNoWireRow>, w: Where) {
  return {
    TrackingNo: id(o.TrackingNo),
    OrderNo: id(o.OrderNo),
    Country: text(o.Country),
    Status: text(o.Status),
    Track: rows(w, 'Track', o.Track, trackEvent),
  };
}
export type TrackingNoWire = ReturnType<typeof trackingNoWire>;

/**
 * GetTrack answers in lower case (`success`, `message`, `error`). A capitalised key is
 * accepted in its place, since the other six calls use capitals.
 */
export const GetTrackResponse = z.preprocess(
  (v) => withLowerCaseKeys(v, ['success', 'message', 'error']),
  answer(
    z.object({ success: Loose, message: Txt, error: Txt, TrackingNos: list(TrackingNoWireRow) }),
    (o, w) => ({
      success: flag(w, 'success', o.success),
      message: text(o.message),
      error: text(o.error),
      TrackingNos: rows(w, 'TrackingNos', o.TrackingNos, trackingNoWire),
    }),
  ),
);
export type GetTrackResponse = z.infer<typeof GetTrackResponse>;

/** GetTrack's envelope, lower-case like its answer. */
export const TrackEnvelope = z.preprocess(
  (v) => withLowerCaseKeys(v, ['success', 'message', 'error']),
  answer(z.object({ success: Loose, message: Txt, error: Txt }), (o, w) => ({
    success: flag(w, 'success', o.success),
    message: text(o.message),
    error: text(o.error),
  })),
);

function withLowerCaseKeys(value: unknown, keys: string[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of keys) {
    const capital = key[0]!.toUpperCase() + key.slice(1);
    if (!(key in out) && capital in out) out[key] = out[capital];
  }
  return out;
}

const InventoryRow = z.object({
  SKU: Txt,
  CnName: Txt,
  StockNum: Loose,
  OnwayNum: Loose,
  ExpectNum: Loose,
  SalesNum: Loose,
  HoldNum: Loose,
  EnableNum: Loose,
  OosNum: Loose,
  WarehouseName: Txt,
});

function inventoryDetail(o: z.output<typeof InventoryRow>, w: Where) {
  return {
    SKU: id(o.SKU),
    CnName: text(o.CnName),
    StockNum: count(w, 'StockNum', o.StockNum),
    OnwayNum: count(w, 'OnwayNum', o.OnwayNum),
    ExpectNum: count(w, 'ExpectNum', o.ExpectNum),
    SalesNum: count(w, 'SalesNum', o.SalesNum),
    HoldNum: count(w, 'HoldNum', o.HoldNum),
    EnableNum: count(w, 'EnableNum', o.EnableNum),
    OosNum: count(w, 'OosNum', o.OosNum),
    WarehouseName: text(o.WarehouseName),
  };
}
export type InventoryDetail = ReturnType<typeof inventoryDetail>;

/** One Inventory page; `TotalRows` counts every page. */
export const InventoryResponse = answer(
  z.object({
    Success: Loose,
    Message: Txt,
    PageNow: Loose,
    TotalRows: Loose,
    Detail: list(InventoryRow),
  }),
  (o, w) => ({
    Success: flag(w, 'Success', o.Success),
    Message: text(o.Message),
    PageNow: optionalNumber(w, 'PageNow', o.PageNow),
    TotalRows: count(w, 'TotalRows', o.TotalRows),
    Detail: rows(w, 'Detail', o.Detail, inventoryDetail),
  }),
);
export type InventoryResponse = z.infer<typeof InventoryResponse>;

/** One GetOrderMsg row. The warehouse id comes as `StortelID`, `StortelD` or `StorteID`. */
const OrderMsgRow = z.object({
  OrderNo: Txt,
  Tracknumber: Txt,
  StatusCode: Loose,
  Status: Txt,
  ConsigneeName: Txt,
  Country: Txt,
  Channel: Txt,
  State: Txt,
  City: Txt,
  Address1: Txt,
  Address2: Txt,
  CsRefNo: Txt,
  Zipcode: Txt,
  Contact: Txt,
  StortelID: Txt,
  StortelD: Txt,
  StorteID: Txt,
  CompanyName: Txt,
  CusRemark: Txt,
  RecipientEmail: Txt,
  BILLQTY: Loose,
  CreateTime: Loose,
  DeliverTime: Loose,
});

function orderMsgItem(o: z.output<typeof OrderMsgRow>, w: Where) {
  return {
    OrderNo: id(o.OrderNo),
    Tracknumber: id(o.Tracknumber),
    StatusCode: optionalNumber(w, 'StatusCode', o.StatusCode),
    Status: text(o.Status),
    ConsigneeName: text(o.ConsigneeName),
    Country: text(o.Country),
    Channel: text(o.Channel),
    State: text(o.State),
    City: text(o.City),
    Address1: text(o.Address1),
    Address2: text(o.Address2),
    CsRefNo: id(o.CsRefNo),
    Zipcode: text(o.Zipcode),
    Contact: text(o.Contact),
    StortelID: id(o.StortelID),
    StortelD: id(o.StortelD),
    StorteID: id(o.StorteID),
    CompanyName: text(o.CompanyName),
    CusRemark: text(o.CusRemark),
    RecipientEmail: text(o.RecipientEmail),
    BILLQTY: optionalNumber(w, 'BILLQTY', o.BILLQTY),
    CreateTime: time(w, 'CreateTime', o.CreateTime),
    DeliverTime: time(w, 'DeliverTime', o.DeliverTime),
  };
}

/** One GetOrderMsg row read on its own. */
export const OrderMsgItem = single(OrderMsgRow, orderMsgItem);
export type OrderMsgItem = ReturnType<typeof orderMsgItem>;

/** GetOrderMsg's answer; orders MegaWMS does not know are left out. */
export const GetOrderMsgResponse = answer(
  z.object({ Success: Loose, Message: Txt, CusCode: Txt, OrderList: list(OrderMsgRow) }),
  (o, w) => ({
    Success: flag(w, 'Success', o.Success),
    Message: text(o.Message),
    CusCode: text(o.CusCode),
    OrderList: rows(w, 'OrderList', o.OrderList, orderMsgItem),
  }),
);
export type GetOrderMsgResponse = z.infer<typeof GetOrderMsgResponse>;

// ---- Parsing ----------------------------------------------------------------------------

/**
 * Parses a decoded body against a schema, or throws `bad-response` naming the call and the
 * first field that does not match: `GetLabel: Labels[3].Tracknumber: expected string`.
 */
export function parseWire<T extends z.ZodType>(
  call: string,
  schema: T,
  body: unknown,
): z.output<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const what = Array.isArray(body) ? 'a list' : body === null ? 'null' : typeof body;
    throw badResponse(call, `${call}: expected an object, got ${what}`);
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;

  const issue = result.error.issues[0]!;
  const where = formatPath(issue.path);
  throw badResponse(call, `${call}: ${where ? `${where}: ` : ''}${describeIssue(issue)}`);
}

function badResponse(call: string, detail: string): MegaWmsError {
  return new MegaWmsError(
    'bad-response',
    call,
    `MegaWMS sent an answer Label Station cannot read (${detail}). ` +
      'Try again; if it keeps happening, tell your MegaWMS contact.',
    { detail },
  );
}

/** `['Labels', 3, 'Tracknumber']` → `Labels[3].Tracknumber`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    // Zod's text ends with "received <type>"; the type alone is enough and safe to show.
    const received = /received (\w+)/.exec(issue.message)?.[1];
    if (received === 'undefined') return `expected ${issue.expected}, but it is missing`;
    return received ? `expected ${issue.expected}, got ${received}` : `expected ${issue.expected}`;
  }
  return issue.message;
}
