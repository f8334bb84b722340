/**
 * The domain of a packing station, in MegaWMS's own words but with friendly types:
 * numbers as numbers, times as Dates (or null when MegaWMS says "no time"), bytes as
 * Uint8Array. The wire format (every value a string) lives only in the MegaWMS client.
 * No Node or DOM APIs here: both worlds import this file.
 */

/** MegaWMS order status codes (GetOrderMsg `StatusCode`). */
export const ORDER_STATUS = {
  1: 'draft',
  3: 'pending',
  4: 'paid',
  6: 'shipped',
  8: 'deleted',
  11: 'processing',
  12: 'outOfStock',
} as const;

export type OrderStatusCode = keyof typeof ORDER_STATUS;
export type OrderStatusName = (typeof ORDER_STATUS)[OrderStatusCode];

/** Warehouses named in the vendor document; an account may have others. */
export const KNOWN_WAREHOUSES: ReadonlyArray<{ id: string; name: string }> = [
  { id: '302', name: '美国 JFK 机场仓库' },
  { id: '381', name: 'California LAX - 加州机场仓库' },
  { id: '382', name: 'ShenZheng - 深圳机场仓库' },
  { id: '501', name: 'California - 加州码头仓库' },
];

/** The account a station works for; secrets are kept apart from it (see `Credentials`). */
export interface Account {
  /** `CusCode`, e.g. `80000`. */
  customerCode: string;
  /** `CusApiName`, the integration's name, e.g. `OOPSTON1`. */
  apiName: string;
}

/** The account plus its two secrets. Never logged, never sent to the renderer. */
export interface Credentials extends Account {
  apiKey: string;
  /** The lowercase `key` of GetTrack. */
  trackKey: string;
}

/** An order as GetOrderMsg (or AddOrder) describes it. */
export interface Order {
  orderNo: string;
  referenceNo: string;
  /** Master tracking number; empty until the carrier gave one. */
  trackingNumber: string;
  /** Null when MegaWMS sent a code outside the documented table. */
  statusCode: number | null;
  /** MegaWMS's own status text, usually Chinese. */
  statusText: string;
  consigneeName: string;
  country: string;
  channel: string;
  state: string;
  city: string;
  address1: string;
  address2: string;
  zipcode: string;
  contact: string;
  warehouseId: string;
  companyName: string;
  remark: string;
  recipientEmail: string;
  pieceCount: number | null;
  createdAt: Date | null;
  shippedAt: Date | null;
}

export type LabelFileType = 'pdf' | 'png' | 'jpg';

/** One piece's label, from GetLabel or AddOrder. */
export interface Label {
  orderNo: string;
  referenceNo: string;
  masterTrackingNumber: string;
  /** This piece's tracking number. */
  trackingNumber: string;
  /** `SubOrderNo`, e.g. `R800001707210005_001x002`; may be empty. */
  pieceNo: string;
  /** 1-based piece index and piece count parsed from `pieceNo` (1 of 1 when absent). */
  pieceIndex: number;
  pieceCount: number;
  /** Null when the account has no permission for label files (HTML only). */
  fileType: LabelFileType | null;
  file: Uint8Array | null;
  /** HTML print page of this label, when MegaWMS gave one. */
  htmlUrl: string;
}

/** One tracking event; `time` is null when MegaWMS sent `1900-01-01 00:00:00`. */
export interface TrackEvent {
  time: Date | null;
  descriptionEn: string;
  descriptionCn: string;
}

/** The tracking of one shipment, events sorted oldest first with unknown times last. */
export interface Shipment {
  trackingNumber: string;
  orderNo: string;
  country: string;
  status: string;
  events: TrackEvent[];
}

/** One inventory row: one SKU in one warehouse. */
export interface InventoryRow {
  sku: string;
  name: string;
  warehouseName: string;
  onHand: number;
  inbound: number;
  /** `ExpectNum`: the stock warning level. */
  warningLevel: number;
  /** `SalesNum`: the sales warning level. */
  salesWarning: number;
  reserved: number;
  available: number;
  backordered: number;
}

export interface InventoryQuery {
  sku?: string;
  warehouseId?: string;
  barcode?: string;
}

/** `Style` of AddOrder. */
export type OrderStyle = 'warehouse' | 'transfer';

/** One piece (box) of a new order. Weight in kg, dimensions in cm. */
export interface NewOrderPiece {
  weightKg: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

/** One customs line of a new order. */
export interface NewOrderProduct {
  sku: string;
  nameEn: string;
  nameCn: string;
  quantity: number;
  /** kg per unit. */
  unitWeightKg: number;
  /** Declared USD per unit. */
  unitPriceUsd: number;
  hsCode: string;
  origin: string;
}

/** What a user fills in to create an order; the client maps it to AddOrder's strings. */
export interface NewOrder {
  style: OrderStyle;
  sender: { name: string; address: string; phone: string; email: string; company: string };
  consignee: {
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
  };
  channelId: string;
  referenceNo: string;
  /** Draft leaves the order in MegaWMS's draft list; confirm asks for tracking numbers now. */
  confirm: boolean;
  /** `0` for a transfer order. */
  warehouseId: string;
  remark: string;
  pieces: NewOrderPiece[];
  products: NewOrderProduct[];
}

/** What AddOrder answered. */
export interface CreatedOrder {
  orderNo: string;
  orderId: string;
  referenceNo: string;
  trackingNumber: string;
  message: string;
  printUrl: string;
  labels: Label[];
}

/** The outcome of a cancel: MegaWMS's `Message` verbatim either way. */
export interface CancelResult {
  cancelled: boolean;
  orderNo: string;
  referenceNo: string;
  trackingNumber: string;
  message: string;
}

/** One item of a batch call: either its value or MegaWMS's reason for this item alone. */
export type ItemResult<T> =
  { ok: true; query: string; value: T } | { ok: false; query: string; message: string };

/** GetTrackingNo's answer for one order. */
export interface TrackingNumberResult {
  orderNo: string;
  referenceNo: string;
  trackingNumber: string;
}
