/**
 * Domain ⇄ wire. Callers work with numbers, Dates and bytes; MegaWMS wants every value as a
 * string and answers in its own field names. Nothing here touches the network.
 */
import type {
  CancelResult,
  CreatedOrder,
  Credentials,
  InventoryQuery,
  InventoryRow,
  Label,
  LabelFileType,
  NewOrder,
  NewOrderPiece,
  NewOrderProduct,
  Order,
  OrderStatusCode,
  Shipment,
  TrackEvent,
} from '../../../shared/domain';
import { ORDER_STATUS } from '../../../shared/domain';
import type { OrderQuery } from './api';
import { MegaWmsError } from './errors';
import type {
  AddOrderBag,
  AddOrderProduct,
  AddOrderRequest,
  AddOrderResponse,
  GetLabelItem,
  GetLabelRequest,
  GetOrderMsgRequest,
  GetTrackingNoRequest,
  GetTrackRequest,
  InvalidOrderRequest,
  InvalidOrderResponse,
  InventoryDetail,
  InventoryRequest,
  OrderMsgItem,
  TrackingNoWire,
} from './wire';
import { SECOND_ORDER_NO } from './wire';

// ---- Requests ---------------------------------------------------------------------------

/**
 * A number as MegaWMS wants it: plain decimal text, float noise rounded away
 * (0.1 + 0.2 → "0.3"). A value that is not a finite number cannot be sent.
 */
export function toWireNumber(value: number, field: string): string {
  if (!Number.isFinite(value)) {
    throw new MegaWmsError('config', 'AddOrder', `The order's ${field} is not a number.`);
  }
  return String(Number(value.toFixed(4)));
}

/** The AddOrder body for a new order; `referenceNo` is the one actually sent. */
export function toAddOrderRequest(
  order: NewOrder,
  referenceNo: string,
  creds: Credentials,
): AddOrderRequest {
  const { sender, consignee } = order;
  return {
    CusApiName: creds.apiName,
    CusCode: creds.customerCode,
    ApiKey: creds.apiKey,
    Style: order.style === 'warehouse' ? '1' : '2',
    Sender: sender.name,
    SendAddress: sender.address,
    SendPhone: sender.phone,
    SendEmail: sender.email,
    SendCompany: sender.company,
    ConsigneeName: consignee.name,
    Country: consignee.country,
    Base_ChannelInfoID: order.channelId,
    State: consignee.state,
    City: consignee.city,
    Address1: consignee.address1,
    Address2: consignee.address2,
    CsRefNo: referenceNo,
    OrderStatus: order.confirm ? '3' : '1',
    Zipcode: consignee.zipcode,
    Contact: consignee.phone,
    // The vendor: "0 for a transfer order".
    StortelID: order.warehouseId || (order.style === 'transfer' ? '0' : ''),
    CompanyName: consignee.company,
    CusRemark: order.remark,
    RecipientEmail: consignee.email,
    BILLQTY: String(order.pieces.length),
    OrderBags: order.pieces.map(toOrderBag),
    Products: order.products.map(toOrderProduct),
  };
}

function toOrderBag(p: NewOrderPiece, i: number): AddOrderBag {
  return {
    Weight: toWireNumber(p.weightKg, `piece ${i + 1} weight`),
    Length: toWireNumber(p.lengthCm, `piece ${i + 1} length`),
    Width: toWireNumber(p.widthCm, `piece ${i + 1} width`),
    Height: toWireNumber(p.heightCm, `piece ${i + 1} height`),
  };
}

function toOrderProduct(p: NewOrderProduct, i: number): AddOrderProduct {
  return {
    SKU: p.sku,
    EnName: p.nameEn,
    CnName: p.nameCn,
    Qty: toWireNumber(p.quantity, `product ${i + 1} quantity`),
    Weight: toWireNumber(p.unitWeightKg, `product ${i + 1} weight`),
    Price: toWireNumber(p.unitPriceUsd, `product ${i + 1} price`),
    Hscode: p.hsCode,
    ProducingArea: p.origin,
  };
}

/** InvalidOrder's body: cancel by (master or piece) tracking number. */
export function toInvalidOrderRequest(
  trackingNumber: string,
  creds: Credentials,
): InvalidOrderRequest {
  return {
    CusApiName: creds.apiName,
    CusCode: creds.customerCode,
    ApiKey: creds.apiKey,
    TrackNumber: trackingNumber,
  };
}

/** GetTrackingNo's body; NoType 0 asks by order number, 1 by reference number. */
export function toGetTrackingNoRequest(
  numbers: string[],
  by: 'orderNo' | 'referenceNo',
  creds: Credentials,
): GetTrackingNoRequest {
  const NoType = by === 'orderNo' ? 0 : 1;
  return {
    CusCode: creds.customerCode,
    ApiKey: creds.apiKey,
    Nos: numbers.map((OrderNo) => ({ OrderNo, NoType })),
  };
}

/** Always LabelType 1 (HTML + file): a station prints files, the HTML link is a fallback. */
export function toGetLabelRequest(numbers: string[], creds: Credentials): GetLabelRequest {
  return {
    CusApiName: creds.apiName,
    CusCode: creds.customerCode,
    LabelType: '1',
    ApiKey: creds.apiKey,
    TrackNumbers: numbers.map((TrackNumber) => ({ TrackNumber })),
  };
}

/** GetTrack's body: the tracking key, lower-case `key`, and the numbers. */
export function toGetTrackRequest(numbers: string[], creds: Credentials): GetTrackRequest {
  return { key: creds.trackKey, Trackingnos: numbers.map((Trackingno) => ({ Trackingno })) };
}

/** Inventory's body; empty SKU, warehouse and barcode mean "all". */
export function toInventoryRequest(
  query: InventoryQuery,
  page: number,
  pageSize: number,
  creds: Credentials,
): InventoryRequest {
  return {
    CusCode: creds.customerCode,
    ApiKey: creds.apiKey,
    Query: {
      SKU: query.sku ?? '',
      StortelID: query.warehouseId ?? '',
      GoodsCode: query.barcode ?? '',
      PageSizes: String(pageSize),
      PageNow: String(page),
    },
  };
}

/** GetOrderMsg's body; each order is looked up by reference, tracking or order number. */
export function toGetOrderMsgRequest(
  queries: OrderQuery[],
  creds: Credentials,
): GetOrderMsgRequest {
  return {
    Orders: queries.map((q) => ({
      OrderNo: q.orderNo ?? '',
      Tracknumber: q.trackingNumber ?? '',
      CsRefNo: q.referenceNo ?? '',
    })),
    CusCode: creds.customerCode,
    ApiKey: creds.apiKey,
  };
}

// ---- Responses --------------------------------------------------------------------------

const PIECE_PATTERN = /_(\d{1,4})x(\d{1,4})$/i;

/** `R800001707210005_002x003` → piece 2 of 3; anything else → 1 of 1. */
export function parsePieceNo(pieceNo: string): { pieceIndex: number; pieceCount: number } {
  const m = PIECE_PATTERN.exec(pieceNo);
  if (!m) return { pieceIndex: 1, pieceCount: 1 };
  const pieceIndex = Number(m[1]);
  const pieceCount = Number(m[2]);
  if (pieceIndex < 1 || pieceCount < pieceIndex) return { pieceIndex: 1, pieceCount: 1 };
  return { pieceIndex, pieceCount };
}

/** The file's own signature wins over `LabelType`, which some accounts leave null. */
export function detectFileType(file: Uint8Array | null, labelType: string): LabelFileType | null {
  if (!file) return null;
  if (file[0] === 0x25 && file[1] === 0x50 && file[2] === 0x44 && file[3] === 0x46) return 'pdf';
  if (file[0] === 0x89 && file[1] === 0x50 && file[2] === 0x4e && file[3] === 0x47) return 'png';
  if (file[0] === 0xff && file[1] === 0xd8) return 'jpg';
  const declared = labelType.toLowerCase();
  if (declared === 'pdf' || declared === 'png') return declared;
  if (declared === 'jpg' || declared === 'jpeg') return 'jpg';
  return null;
}

/** One GetLabel label; the master tracking number defaults to the piece's own. */
export function toLabel(item: GetLabelItem): Label {
  return {
    orderNo: item.OrderNo,
    referenceNo: item.CsRefNo,
    masterTrackingNumber: item.TracknumberMain || item.Tracknumber,
    trackingNumber: item.Tracknumber,
    pieceNo: item.SubOrderNo,
    ...parsePieceNo(item.SubOrderNo),
    fileType: detectFileType(item.LabelBase64, item.LabelType),
    file: item.LabelBase64,
    htmlUrl: item.LabelHtml,
  };
}

/** AddOrder's answer; its labels carry the order's numbers and print page. */
export function toCreatedOrder(res: AddOrderResponse): CreatedOrder {
  return {
    orderNo: res.OrderNo,
    orderId: res.OrderID,
    referenceNo: res.CsRefNo,
    trackingNumber: res.Tracknumber,
    message: res.Message,
    printUrl: res.PrintUrl,
    labels: res.Labels.map((l) => ({
      orderNo: res.OrderNo,
      referenceNo: res.CsRefNo,
      masterTrackingNumber: res.Tracknumber || l.Tracknumber,
      trackingNumber: l.Tracknumber,
      pieceNo: l.SubOrderNo,
      ...parsePieceNo(l.SubOrderNo),
      fileType: detectFileType(l.Label, l.LabelType),
      file: l.Label,
      // AddOrder gives one print page for the whole order.
      htmlUrl: res.PrintUrl,
    })),
  };
}

/** InvalidOrder; the vendor's duplicated `OrderNo` holds the reference number second. */
export function toCancelResult(
  res: InvalidOrderResponse,
  askedTrackingNumber: string,
): CancelResult {
  return {
    cancelled: res.Success,
    orderNo: res.OrderNo,
    referenceNo: res.CsRefNo || res[SECOND_ORDER_NO],
    trackingNumber: res.TrackNumber || askedTrackingNumber,
    message: res.Message,
  };
}

function toStatusCode(code: number | null): number | null {
  return code !== null && code in ORDER_STATUS ? (code as OrderStatusCode) : null;
}

/** One GetOrderMsg row; whichever warehouse-id spelling is filled in wins. */
export function toOrder(item: OrderMsgItem): Order {
  return {
    orderNo: item.OrderNo,
    referenceNo: item.CsRefNo,
    trackingNumber: item.Tracknumber,
    statusCode: toStatusCode(item.StatusCode),
    statusText: item.Status,
    consigneeName: item.ConsigneeName,
    country: item.Country,
    channel: item.Channel,
    state: item.State,
    city: item.City,
    address1: item.Address1,
    address2: item.Address2,
    zipcode: item.Zipcode,
    contact: item.Contact,
    warehouseId: item.StortelID || item.StortelD || item.StorteID,
    companyName: item.CompanyName,
    remark: item.CusRemark,
    recipientEmail: item.RecipientEmail,
    pieceCount: item.BILLQTY,
    createdAt: item.CreateTime,
    shippedAt: item.DeliverTime,
  };
}

/** Events oldest first; the vendor's order is not reliable, unknown times go last. */
export function toShipment(item: TrackingNoWire): Shipment {
  const events: TrackEvent[] = item.Track.map((e) => ({
    time: e.OccurTime,
    descriptionEn: e.DescriptionEN,
    descriptionCn: e.DescriptionCN,
  }));
  const known = events.filter((e) => e.time !== null);
  known.sort((a, b) => a.time!.getTime() - b.time!.getTime());
  return {
    trackingNumber: item.TrackingNo,
    orderNo: item.OrderNo,
    country: item.Country,
    status: item.Status,
    events: [...known, ...events.filter((e) => e.time === null)],
  };
}

/** One inventory row, counts as numbers. */
export function toInventoryRow(d: InventoryDetail): InventoryRow {
  return {
    sku: d.SKU,
    name: d.CnName,
    warehouseName: d.WarehouseName,
    onHand: d.StockNum,
    inbound: d.OnwayNum,
    warningLevel: d.ExpectNum,
    salesWarning: d.SalesNum,
    reserved: d.HoldNum,
    available: d.EnableNum,
    backordered: d.OosNum,
  };
}
