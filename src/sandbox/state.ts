/**
 * The sandbox's in-memory account: seeded orders and inventory, the orders created through
 * AddOrder, and the look-ups every call needs. Numbers are matched trimmed and without
 * regard to case, as MegaWMS's SQL Server collation does.
 *
 * Drafts: an order created with OrderStatus 1 has no tracking number (GetTrackingNo says so
 * per item, GetLabel has no label) until someone "submits it in MegaWMS", which here is
 * `data.setOrderStatus(orderNo, 3)`; that issues its tracking numbers.
 */

// Limitation: the state lives in memory; a restart returns to the seeded data, and tracking
// does not advance with time (tests move orders with setOrderStatus). Saving the created
// orders to a file would lift the first.
import type { OrderStatusCode } from '../shared/domain';
import { DEMO_CHANNELS } from './demo-tables';
import type { SandboxData, SandboxOrder, SandboxSample } from './model';
import { createNumbering, pieceNo, type Numbering } from './numbering';
import { createPrng, type Prng } from './prng';
import { seedInventory, seedOrders } from './seed-data';
import { makeTracking, voidEvent } from './tracking-events';

/** What AddOrder hands over once the request passed every check. */
export type NewSandboxOrder = Omit<
  SandboxOrder,
  | 'orderId'
  | 'orderNo'
  | 'trackingNumber'
  | 'pieces'
  | 'createdAt'
  | 'shippedAt'
  | 'trackStatus'
  | 'events'
> & { pieces: Array<Omit<SandboxOrder['pieces'][number], 'pieceNo' | 'trackingNumber'>> };

/** The full state behind the handlers; tests see it through the narrower `SandboxData`. */
export interface SandboxState extends SandboxData {
  findByOrderNo(orderNo: string): SandboxOrder | undefined;
  findByReference(referenceNo: string): SandboxOrder | undefined;
  /** By master or piece tracking number. */
  findByTracking(trackingNumber: string): SandboxOrder | undefined;
  /** By the order's own (master) tracking number only. */
  findByMasterTracking(trackingNumber: string): SandboxOrder | undefined;
  findByOrderId(orderId: string): SandboxOrder | undefined;
  createOrder(order: NewSandboxOrder): SandboxOrder;
  /** Marks the order deleted (status 8) and records the void in its tracking. */
  cancelOrder(order: SandboxOrder): void;
  sample(): SandboxSample;
}

/** A state seeded from `seed`; the same options give the same data. */
export function createSandboxState(opts: {
  seed: number;
  orderCount: number;
  inventoryRows: number;
}): SandboxState {
  const prng = createPrng(opts.seed);
  const numbering = createNumbering(prng, '80000');
  const inventory = seedInventory(opts.inventoryRows, prng);
  const orders = seedOrders(opts.orderCount, prng, numbering, inventory);
  const index = createIndex();
  orders.forEach(index.add);

  const findOrderNo = (orderNo: string): SandboxOrder => {
    const order = index.orderNo.get(key(orderNo));
    if (!order) throw new RangeError(`The sandbox has no order ${orderNo}`);
    return order;
  };

  return {
    orders,
    inventory,
    channels: DEMO_CHANNELS,
    findOrder: (n) =>
      index.orderNo.get(key(n)) ??
      index.reference.get(key(n)) ??
      index.tracking.get(key(n)) ??
      index.piece.get(key(n)),
    findByOrderNo: (n) => index.orderNo.get(key(n)),
    findByReference: (n) => index.reference.get(key(n)),
    findByTracking: (n) => index.tracking.get(key(n)),
    findByMasterTracking: (n) => {
      const order = index.tracking.get(key(n));
      return order && key(order.trackingNumber) === key(n) ? order : undefined;
    },
    findByOrderId: (id) => index.orderId.get(id.trim()),
    setOrderStatus(orderNo, status) {
      const order = findOrderNo(orderNo);
      changeStatus(order, status, { prng, numbering, index });
      return order;
    },
    createOrder(fields) {
      const order = buildOrder(fields, numbering);
      orders.push(order);
      index.add(order);
      return order;
    },
    cancelOrder(order) {
      order.statusCode = 8;
      order.trackStatus = 'VOIDED';
      order.events.unshift(voidEvent(new Date()));
    },
    sample: () => sampleOf(orders),
  };
}

/** The look-up key of a number: trimmed, upper case. */
export function key(number: string): string {
  return number.trim().toUpperCase();
}

interface Index {
  orderNo: Map<string, SandboxOrder>;
  reference: Map<string, SandboxOrder>;
  tracking: Map<string, SandboxOrder>;
  piece: Map<string, SandboxOrder>;
  orderId: Map<string, SandboxOrder>;
  add(order: SandboxOrder): void;
}

function createIndex(): Index {
  const index: Index = {
    orderNo: new Map(),
    reference: new Map(),
    tracking: new Map(),
    piece: new Map(),
    orderId: new Map(),
    add(order) {
      index.orderNo.set(key(order.orderNo), order);
      index.reference.set(key(order.referenceNo), order);
      index.orderId.set(order.orderId, order);
      for (const piece of order.pieces) {
        index.piece.set(key(piece.pieceNo), order);
        if (piece.trackingNumber) index.tracking.set(key(piece.trackingNumber), order);
      }
    },
  };
  return index;
}

function buildOrder(fields: NewSandboxOrder, numbering: Numbering): SandboxOrder {
  const createdAt = new Date();
  const orderId = numbering.nextOrderId();
  const orderNo = numbering.nextOrderNo(createdAt, orderId, 'R');
  const count = fields.pieces.length;
  const tracking =
    fields.statusCode === 1 ? [] : numbering.trackingNumbers(fields.channel.carrier, count);
  return {
    ...fields,
    orderId,
    orderNo,
    trackingNumber: tracking[0] ?? '',
    pieces: fields.pieces.map((piece, i) => ({
      ...piece,
      pieceNo: pieceNo(orderNo, i + 1, count),
      trackingNumber: tracking[i] ?? '',
    })),
    createdAt,
    shippedAt: null,
    trackStatus: fields.statusCode === 1 ? '' : 'LABEL CREATED',
    events: [],
  };
}

/**
 * A status change made "in MegaWMS's web screens". Confirming a draft issues its tracking
 * numbers (the only way a draft gets any); shipping stamps the deliver time.
 */
function changeStatus(
  order: SandboxOrder,
  status: OrderStatusCode,
  ctx: { prng: Prng; numbering: Numbering; index: Index },
): void {
  if (status === 1 && order.trackingNumber) {
    throw new RangeError(`Order ${order.orderNo} has tracking numbers; it cannot become a draft`);
  }
  if (status !== 1 && !order.trackingNumber) {
    const numbers = ctx.numbering.trackingNumbers(order.channel.carrier, order.pieces.length);
    order.pieces.forEach((piece, i) => (piece.trackingNumber = numbers[i]!));
    order.trackingNumber = numbers[0]!;
    ctx.index.add(order);
  }
  order.statusCode = status;
  if (status === 6 && !order.shippedAt) order.shippedAt = new Date();
  if (status === 8) {
    order.trackStatus = 'VOIDED';
    order.events.unshift(voidEvent(new Date()));
    return;
  }
  Object.assign(order, makeTracking(order, ctx.prng));
}

function sampleOf(orders: readonly SandboxOrder[]): SandboxSample {
  const labelled = orders.filter((o) => o.statusCode !== 1 && o.statusCode !== 8);
  const first = (test: (o: SandboxOrder) => boolean): SandboxOrder | undefined => orders.find(test);
  return {
    trackingNumbers: labelled.flatMap((o) => o.pieces.map((p) => p.trackingNumber)),
    orderNos: labelled.map((o) => o.orderNo),
    referenceNos: labelled.map((o) => o.referenceNo),
    shippedTrackingNumber: first((o) => o.statusCode === 6)?.trackingNumber ?? '',
    cancellableTrackingNumber:
      first((o) => [3, 4, 11, 12].includes(o.statusCode))?.trackingNumber ?? '',
    multiPieceOrderNo: labelled.find((o) => o.pieces.length >= 3)?.orderNo ?? '',
    draftOrderNo: first((o) => o.statusCode === 1)?.orderNo ?? '',
  };
}
