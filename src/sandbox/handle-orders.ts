/**
 * InvalidOrder, GetTrackingNo and GetOrderMsg: cancelling, fetching tracking numbers again,
 * and order status, with the limits and refusals of the vendor document.
 */
import { BATCH_LIMITS } from '../main/core/megawms/endpoints';
import { DEMO_CREDENTIALS } from './demo-account';
import { STATUS_TEXT } from './demo-tables';
import type { ApiContext } from './handlers';
import type { Carrier, SandboxOrder } from './model';
import { asObject, checkAccount, readList, readText, Refusal, type Fields } from './request-check';
import { formatDashTime, formatSlashTime } from './wire-time';

/** What each carrier answers when a shipment it has already picked up is voided. */
const VOID_REFUSALS: Record<Carrier, string> = {
  UPS: '取消 UPS 订单失败;错误编码:190102;错误描述:No shipment found within the allowed void period',
  FedEx:
    '取消 FedEx 订单失败;错误编码:8520;' +
    '错误描述:Shipment cannot be deleted, it has already been tendered to FedEx',
  USPS:
    '取消 USPS 订单失败;错误编码:-2147219401;' +
    '错误描述:Refund request denied, the label was already scanned by USPS',
};

/** Cancels by tracking number (master or piece); shipped and deleted orders are refused. */
export function handleInvalidOrder(body: Fields, ctx: ApiContext): object {
  checkAccount(body, DEMO_CREDENTIALS);
  const apiName = readText(body, 'CusApiName');
  const trackingNumber = readText(body, 'TrackNumber', { required: true });
  const order = ctx.state.findByTracking(trackingNumber);
  if (!order) {
    throw new Refusal(
      `跟踪号 ${trackingNumber} 不存在 (no order has the tracking number ${trackingNumber})`,
    );
  }

  // Limitation: the vendor's example repeats the key `OrderNo` (the second one holding the
  // reference); JSON.stringify cannot repeat a key, so the sandbox sends `CsRefNo` instead.
  // A hand-written serialiser for this one answer would lift it.
  const answer = (success: boolean, message: string): object => ({
    CusApiName: apiName,
    OrderNo: order.orderNo,
    CsRefNo: order.referenceNo,
    Message: message,
    Success: String(success),
    TrackNumber: order.trackingNumber,
  });
  if (order.statusCode === 6) return answer(false, VOID_REFUSALS[order.channel.carrier]);
  if (order.statusCode === 8) {
    return answer(
      false,
      `订单 ${order.orderNo} 已删除,不能重复取消 (the order was already cancelled)`,
    );
  }
  ctx.state.cancelOrder(order);
  return answer(true, '取消成功');
}

/** Tracking numbers by order number (NoType 0) or reference (1); failures are per item. */
export function handleGetTrackingNo(body: Fields, ctx: ApiContext): object {
  checkAccount(body, DEMO_CREDENTIALS);
  const items = readList(body, 'Nos', BATCH_LIMITS.GetTrackingNo).map((item, i) => {
    const no = asObject(item, `Nos[${i}]`);
    return { number: readText(no, 'OrderNo', { where: `Nos[${i}]` }), noType: no.NoType };
  });

  const rows = items.map(({ number, noType }) => {
    const byReference = noType === 1 || noType === '1';
    const asked = byReference ? row('', '', number) : row(number, '', '');
    if (!byReference && noType !== 0 && noType !== '0') {
      return { row: { ...asked, Message: 'NoType 只能是 0 或 1 (NoType must be 0 or 1)' } };
    }
    const order = byReference ? ctx.state.findByReference(number) : ctx.state.findByOrderNo(number);
    return {
      row: order ? trackingNoRow(order) : { ...asked, Message: '订单不存在 (no such order)' },
      order,
    };
  });
  return {
    OrderList: (ctx.quirks ? inDatabaseOrder(rows) : rows).map((r) => r.row),
    CusCode: DEMO_CREDENTIALS.customerCode,
    Message: '',
    Success: 'true',
  };
}

/** A GetTrackingNo row, keys in the vendor's order. */
function row(orderNo: string, trackingNumber: string, referenceNo: string, message = 'OK'): object {
  return { OrderNo: orderNo, Tracknumber: trackingNumber, CsRefNo: referenceNo, Message: message };
}

function trackingNoRow(order: SandboxOrder): object {
  if (order.statusCode === 8) {
    return row(order.orderNo, '', order.referenceNo, '订单已删除 (the order was cancelled)');
  }
  if (!order.trackingNumber) {
    const draft =
      '订单为草稿,尚未生成跟踪号 (the order is a draft: submit it to get a tracking number)';
    return row(order.orderNo, '', order.referenceNo, draft);
  }
  return row(order.orderNo, order.trackingNumber, order.referenceNo);
}

/**
 * MegaWMS answers from one SQL query, so rows come sorted by its internal order id rather
 * than in the order asked (the vendor's example shows it); unknown numbers come last.
 */
function inDatabaseOrder<T extends { order?: SandboxOrder }>(rows: T[]): T[] {
  const id = (row: T): number => (row.order ? Number(row.order.orderId) : Infinity);
  return [...rows].sort((a, b) => id(a) - id(b));
}

/** Order status by CsRefNo, then Tracknumber, then OrderNo; unknown orders are left out. */
export function handleGetOrderMsg(body: Fields, ctx: ApiContext): object {
  checkAccount(body, DEMO_CREDENTIALS);
  const queries = readList(body, 'Orders', BATCH_LIMITS.GetOrderMsg).map((item, i) => {
    const where = `Orders[${i}]`;
    const q = asObject(item, where);
    const query = {
      referenceNo: readText(q, 'CsRefNo', { where, optional: true }),
      trackingNumber: readText(q, 'Tracknumber', { where, optional: true }),
      orderNo: readText(q, 'OrderNo', { where, optional: true }),
    };
    if (!query.referenceNo && !query.trackingNumber && !query.orderNo) {
      throw new Refusal(
        `${where}: CsRefNo、Tracknumber、OrderNo 至少填一个 (give at least one of the three)`,
      );
    }
    return query;
  });

  const found = queries.map((q) => ({ order: findForQuery(ctx, q) }));
  const rows = (ctx.quirks ? inDatabaseOrder(found) : found).flatMap(({ order }) =>
    order ? [orderRow(order, ctx.quirks)] : [],
  );
  return { OrderList: rows, CusCode: DEMO_CREDENTIALS.customerCode, Message: '', Success: 'true' };
}

function findForQuery(
  ctx: ApiContext,
  q: { referenceNo: string; trackingNumber: string; orderNo: string },
): SandboxOrder | undefined {
  return (
    (q.referenceNo ? ctx.state.findByReference(q.referenceNo) : undefined) ??
    // The order table holds the master tracking number only; pieces' numbers are not matched.
    (q.trackingNumber ? ctx.state.findByMasterTracking(q.trackingNumber) : undefined) ??
    (q.orderNo ? ctx.state.findByOrderNo(q.orderNo) : undefined)
  );
}

/** One GetOrderMsg row. With quirks, the warehouse id key is spelled three ways. */
function orderRow(order: SandboxOrder, quirks: boolean): object {
  const spelling = quirks ? ['StortelD', 'StorteID', 'StortelID', 'StortelID'] : ['StortelID'];
  const warehouseKey = spelling[Number(order.orderId) % spelling.length]!;
  const c = order.consignee;
  const deliverTime = order.shippedAt
    ? (quirks ? formatSlashTime : formatDashTime)(order.shippedAt)
    : '';
  return {
    OrderNo: order.orderNo,
    Tracknumber: order.trackingNumber,
    StatusCode: String(order.statusCode),
    Status: STATUS_TEXT[order.statusCode] ?? '',
    ConsigneeName: c.name,
    Country: c.country,
    Channel: order.channel.name,
    State: c.state,
    City: c.city,
    Address1: c.address1,
    Address2: c.address2,
    CsRefNo: order.referenceNo,
    Zipcode: c.zipcode,
    Contact: c.phone,
    [warehouseKey]: order.warehouseId === '0' ? '' : order.warehouseId,
    CompanyName: c.company,
    CusRemark: order.remark,
    RecipientEmail: c.email,
    BILLQTY: String(order.pieces.length),
    CreateTime: formatDashTime(order.createdAt),
    DeliverTime: deliverTime,
  };
}
