/**
 * Rows of the cache tables and their mapping to the domain. Times are stored as epoch
 * milliseconds; BLOBs come back from better-sqlite3 as Buffers and leave as Uint8Arrays.
 */
import type { InventoryRow, LabelFileType, Order } from '../../../shared/domain';
import type { CachedLabel, CachedOrder } from './types';

export interface OrderRow {
  id: number;
  order_no: string;
  reference_no: string;
  tracking_number: string;
  status_code: number | null;
  status_text: string;
  consignee_name: string;
  country: string;
  channel: string;
  state: string;
  city: string;
  address1: string;
  address2: string;
  zipcode: string;
  contact: string;
  warehouse_id: string;
  company_name: string;
  remark: string;
  recipient_email: string;
  piece_count: number | null;
  created_at: number | null;
  shipped_at: number | null;
  megawms_order_id: string;
  print_url: string;
  detail_fetched_at: number | null;
  seen_at: number;
}

export interface LabelRow {
  piece_index: number;
  piece_count: number;
  piece_no: string;
  tracking_number: string;
  master_tracking_number: string;
  html_url: string;
  fetched_at: number | null;
  size: number | null;
  sha256: string | null;
  file_type: string | null;
  file: Buffer | null;
}

export interface InventoryRowRow {
  sku: string;
  name: string;
  warehouse_name: string;
  on_hand: number;
  inbound: number;
  warning_level: number;
  sales_warning: number;
  reserved: number;
  available: number;
  backordered: number;
}

/** The named parameters of an order detail upsert (every `Order` field). */
export function orderParams(order: Order): Record<string, string | number | null> {
  return {
    order_no: order.orderNo.trim(),
    reference_no: order.referenceNo,
    tracking_number: order.trackingNumber,
    status_code: order.statusCode,
    status_text: order.statusText,
    consignee_name: order.consigneeName,
    country: order.country,
    channel: order.channel,
    state: order.state,
    city: order.city,
    address1: order.address1,
    address2: order.address2,
    zipcode: order.zipcode,
    contact: order.contact,
    warehouse_id: order.warehouseId,
    company_name: order.companyName,
    remark: order.remark,
    recipient_email: order.recipientEmail,
    piece_count: order.pieceCount,
    created_at: order.createdAt?.getTime() ?? null,
    shipped_at: order.shippedAt?.getTime() ?? null,
  };
}

function toDate(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/** An order row back to the domain. */
export function toCachedOrder(r: OrderRow): CachedOrder {
  return {
    order: {
      orderNo: r.order_no,
      referenceNo: r.reference_no,
      trackingNumber: r.tracking_number,
      statusCode: r.status_code,
      statusText: r.status_text,
      consigneeName: r.consignee_name,
      country: r.country,
      channel: r.channel,
      state: r.state,
      city: r.city,
      address1: r.address1,
      address2: r.address2,
      zipcode: r.zipcode,
      contact: r.contact,
      warehouseId: r.warehouse_id,
      companyName: r.company_name,
      remark: r.remark,
      recipientEmail: r.recipient_email,
      pieceCount: r.piece_count,
      createdAt: toDate(r.created_at),
      shippedAt: toDate(r.shipped_at),
    },
    detailFetchedAt: toDate(r.detail_fetched_at),
    seenAt: new Date(r.seen_at),
    megawmsOrderId: r.megawms_order_id,
    printUrl: r.print_url,
  };
}

/** A piece joined with its label file back to the domain. */
export function toCachedLabel(order: OrderRow, r: LabelRow): CachedLabel {
  const file = r.file ? new Uint8Array(r.file.buffer, r.file.byteOffset, r.file.byteLength) : null;
  return {
    orderNo: order.order_no,
    referenceNo: order.reference_no,
    masterTrackingNumber: r.master_tracking_number,
    trackingNumber: r.tracking_number,
    pieceNo: r.piece_no,
    pieceIndex: r.piece_index,
    pieceCount: r.piece_count,
    fileType: (r.file_type as LabelFileType | null) ?? null,
    file,
    htmlUrl: r.html_url,
    size: r.size ?? 0,
    sha256: r.sha256,
    fetchedAt: new Date(r.fetched_at ?? order.seen_at),
  };
}

/** An inventory row back to the domain. */
export function toInventoryRow(r: InventoryRowRow): InventoryRow {
  return {
    sku: r.sku,
    name: r.name,
    warehouseName: r.warehouse_name,
    onHand: r.on_hand,
    inbound: r.inbound,
    warningLevel: r.warning_level,
    salesWarning: r.sales_warning,
    reserved: r.reserved,
    available: r.available,
    backordered: r.backordered,
  };
}
