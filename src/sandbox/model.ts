/**
 * The sandbox's own record of MegaWMS state: orders with their pieces and tracking events,
 * and inventory rows. Kept close to the wire (strings where MegaWMS sends strings) so tests
 * can compare what they read here with what the HTTP answer said.
 */
import type { OrderStatusCode } from '../shared/domain';

/** The carriers whose tracking-number formats the sandbox issues. */
export type Carrier = 'UPS' | 'FedEx' | 'USPS';

/** One shipping channel of the demo account's channel table (`Base_ChannelInfoID`). */
export interface SandboxChannel {
  id: string;
  name: string;
  carrier: Carrier;
}

/** One piece (box) of an order, with its own tracking number once the order is confirmed. */
export interface SandboxPiece {
  /** `SubOrderNo`, `<OrderNo>_001x002`. */
  pieceNo: string;
  /** Empty while the order is a draft. */
  trackingNumber: string;
  weightKg: string;
  lengthCm: string;
  widthCm: string;
  heightCm: string;
}

/** One customs line, as AddOrder received it. */
export interface SandboxProduct {
  sku: string;
  nameEn: string;
  nameCn: string;
  qty: string;
  weightKg: string;
  priceUsd: string;
  hsCode: string;
  origin: string;
}

/** One tracking event; `occurTime` is the exact text GetTrack sends (both formats occur). */
export interface SandboxTrackEvent {
  occurTime: string;
  descriptionEn: string;
  descriptionCn: string;
}

/** An address block: the consignee of an order. */
export interface SandboxConsignee {
  name: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  state: string;
  zipcode: string;
  country: string;
  phone: string;
  email: string;
}

/** The sender block of an order. */
export interface SandboxSender {
  name: string;
  address: string;
  phone: string;
  email: string;
  company: string;
}

/** One order as the sandbox holds it. */
export interface SandboxOrder {
  /** Internal numeric id (`OrderID`), also used by the HTML print pages. */
  orderId: string;
  orderNo: string;
  referenceNo: string;
  /** Master tracking number (the first piece's); empty while a draft. */
  trackingNumber: string;
  statusCode: OrderStatusCode;
  /** `Style`: `1` warehouse order, `2` transfer order. */
  style: '1' | '2';
  channel: SandboxChannel;
  sender: SandboxSender;
  consignee: SandboxConsignee;
  warehouseId: string;
  remark: string;
  pieces: SandboxPiece[];
  products: SandboxProduct[];
  createdAt: Date;
  shippedAt: Date | null;
  /** GetTrack `Status`, e.g. `DELIVERED`; empty while nothing was tracked. */
  trackStatus: string;
  /** Newest first, but not reliably so (as MegaWMS sends them). */
  events: SandboxTrackEvent[];
}

/** One inventory row: one SKU in one warehouse, numbers as MegaWMS sends them. */
export interface SandboxInventoryRow {
  sku: string;
  cnName: string;
  /** The product barcode (`GoodsCode` of the query). */
  goodsCode: string;
  warehouseId: string;
  warehouseName: string;
  stockNum: number;
  onwayNum: number;
  expectNum: number;
  salesNum: number;
  holdNum: number;
  enableNum: number;
  oosNum: number;
}

/** The state a test may read, and the one change it may make from outside the API. */
export interface SandboxData {
  /** Every order, seeded first, then those created through AddOrder, in creation order. */
  readonly orders: ReadonlyArray<Readonly<SandboxOrder>>;
  readonly inventory: ReadonlyArray<Readonly<SandboxInventoryRow>>;
  /** The channel table of the demo account. */
  readonly channels: ReadonlyArray<SandboxChannel>;
  /** Finds an order by order number, reference, master or piece tracking number, piece number. */
  findOrder(number: string): Readonly<SandboxOrder> | undefined;
  /**
   * Moves an order to another status, as a MegaWMS user would in its web screens. Confirming
   * a draft (any status but 1 and 8) gives it tracking numbers; shipping (6) stamps its
   * deliver time. Throws when the order number is unknown.
   */
  setOrderStatus(orderNo: string, status: OrderStatusCode): Readonly<SandboxOrder>;
}

/** Numbers from the seeded data, picked so tests can exercise each case. */
export interface SandboxSample {
  /** Piece tracking numbers that have labels (orders that are neither drafts nor deleted). */
  trackingNumbers: string[];
  orderNos: string[];
  referenceNos: string[];
  /** The master tracking number of a shipped order (cancelling it is refused). */
  shippedTrackingNumber: string;
  /** The master tracking number of a pending order that can be cancelled. */
  cancellableTrackingNumber: string;
  /** An order with three or more pieces. */
  multiPieceOrderNo: string;
  /** An order still in the draft list (no tracking number). */
  draftOrderNo: string;
}
