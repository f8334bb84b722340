/**
 * The seeded demo account: a few hundred orders in every status, single- and multi-piece,
 * over three months of autumn 2025, and an inventory of a few thousand rows. The same seed
 * gives the same data on every start (nothing here reads the clock).
 */
import type { OrderStatusCode } from '../shared/domain';
import {
  COLOURS,
  COMPANIES,
  DEMO_CHANNELS,
  DEMO_WAREHOUSES,
  FIRST_NAMES,
  LAST_NAMES,
  PRODUCTS,
  SENDERS,
  STREETS,
  US_CITIES,
} from './demo-tables';
import type { SandboxConsignee, SandboxInventoryRow, SandboxOrder, SandboxProduct } from './model';
import { pieceNo, type Numbering } from './numbering';
import type { Prng } from './prng';
import { makeTracking } from './tracking-events';

/** The first seeded order is created at this moment; the rest follow over ~90 days. */
const SEED_START = Date.UTC(2025, 8, 1, 1, 0, 0);

/** The first seven orders walk through every status so even a tiny seed has each one. */
const ALL_STATUSES: readonly OrderStatusCode[] = [6, 3, 4, 11, 12, 8, 1];

const STATUS_WEIGHTS = [
  [6, 38],
  [3, 14],
  [4, 12],
  [11, 10],
  [12, 6],
  [8, 8],
  [1, 12],
] as const;

const PIECE_WEIGHTS = [
  [1, 62],
  [2, 17],
  [3, 10],
  [4, 6],
  [5, 5],
] as const;

/** Seeded orders, oldest first. Warehouse orders use SKUs of `inventory`. */
export function seedOrders(
  count: number,
  prng: Prng,
  numbering: Numbering,
  inventory: readonly SandboxInventoryRow[],
): SandboxOrder[] {
  const orders: SandboxOrder[] = [];
  let time = SEED_START;
  const step = (90 * 24 * 3600_000) / Math.max(count, 1);

  for (let i = 0; i < count; i++) {
    time += Math.round(step * (0.4 + prng.next() * 1.2));
    const status = i < ALL_STATUSES.length ? ALL_STATUSES[i]! : prng.weighted(STATUS_WEIGHTS);
    // Every tenth order has three or more pieces, so multi-piece shipments are never rare.
    const pieces = i % 10 === 2 ? prng.int(3, 5) : prng.weighted(PIECE_WEIGHTS);
    orders.push(seedOrder(new Date(time), status, pieces, prng, numbering, inventory));
  }
  return orders;
}

function seedOrder(
  createdAt: Date,
  statusCode: OrderStatusCode,
  pieceCount: number,
  prng: Prng,
  numbering: Numbering,
  inventory: readonly SandboxInventoryRow[],
): SandboxOrder {
  const style = pieceCount === 1 && prng.chance(0.4) ? '1' : '2';
  const channel = prng.pick(DEMO_CHANNELS);
  const orderId = numbering.nextOrderId();
  const orderNo = numbering.nextOrderNo(createdAt, orderId, prng.chance(0.5) ? 'R' : 'HTFLY');
  const warehouse = style === '1' ? prng.pick(DEMO_WAREHOUSES.filter((w) => w.id !== '382')) : null;
  const tracking = statusCode === 1 ? [] : numbering.trackingNumbers(channel.carrier, pieceCount);

  const order: SandboxOrder = {
    orderId,
    orderNo,
    referenceNo: makeReference(prng, numbering),
    trackingNumber: tracking[0] ?? '',
    statusCode,
    style,
    channel,
    sender: SENDERS[style],
    consignee: makeConsignee(prng),
    warehouseId: warehouse?.id ?? '0',
    remark: prng.chance(0.15) ? prng.pick(['Leave at door', 'Gift - no invoice', 'Fragile']) : '',
    pieces: Array.from({ length: pieceCount }, (_, i) => ({
      pieceNo: pieceNo(orderNo, i + 1, pieceCount),
      trackingNumber: tracking[i] ?? '',
      weightKg: (prng.int(2, 150) / 10).toFixed(1),
      lengthCm: String(prng.int(10, 60)),
      widthCm: String(prng.int(10, 45)),
      heightCm: String(prng.int(5, 40)),
    })),
    products: makeProducts(prng, style === '1' ? inventory : []),
    createdAt,
    shippedAt: statusCode === 6 ? new Date(createdAt.getTime() + prng.int(3, 60) * 3600_000) : null,
    trackStatus: '',
    events: [],
  };
  Object.assign(order, makeTracking(order, prng));
  return order;
}

/** References in the styles customers use: shop order ids, marketplace ids, long digits. */
function makeReference(prng: Prng, numbering: Numbering): string {
  const styles = [
    () => `RLV${prng.digits(9)}`,
    () => `XM${prng.digits(7)}C${prng.digits(2)}`,
    () => `3021${prng.digits(14)}`,
    () => `SO-25${prng.digits(6)}`,
    () => `#${prng.int(1001, 99999)}`,
  ];
  for (;;) {
    const ref = prng.pick(styles)();
    if (numbering.claim(ref)) return ref;
  }
}

function makeConsignee(prng: Prng): SandboxConsignee {
  const [city, state, zip] = prng.pick(US_CITIES);
  const first = prng.pick(FIRST_NAMES);
  const last = prng.pick(LAST_NAMES);
  const unit = prng.chance(0.3)
    ? prng.pick(['Apt ', 'Suite ', 'Unit ', '#']) + prng.int(1, 40)
    : '';
  return {
    name: `${first} ${last}`,
    company: prng.chance(0.25) ? prng.pick(COMPANIES) : '',
    address1: `${prng.int(1, 9899)} ${prng.pick(STREETS)}`,
    address2: unit,
    city,
    state,
    zipcode: prng.chance(0.2) ? `${zip}-${prng.digits(4)}` : zip,
    country: 'US',
    phone: prng.chance(0.8) ? `${prng.int(201, 989)}${prng.digits(7)}` : '',
    email: prng.chance(0.5) ? `${first}.${last}@example.com`.toLowerCase() : '',
  };
}

function makeProducts(prng: Prng, inventory: readonly SandboxInventoryRow[]): SandboxProduct[] {
  return Array.from({ length: prng.int(1, 3) }, () => {
    const [nameEn, nameCn, hsCode] = prng.pick(PRODUCTS);
    return {
      sku: inventory.length > 0 ? prng.pick(inventory).sku : '',
      nameEn,
      nameCn,
      qty: String(prng.int(1, 4)),
      weightKg: (prng.int(1, 20) / 10).toFixed(1),
      priceUsd: (prng.int(99, 4999) / 100).toFixed(2),
      hsCode,
      origin: 'CN',
    };
  });
}

/** `rows` inventory rows: SKUs stocked in one to six warehouses, some below their warning. */
export function seedInventory(rows: number, prng: Prng): SandboxInventoryRow[] {
  const result: SandboxInventoryRow[] = [];
  for (let n = 0; result.length < rows; n++) {
    const [, nameCn] = prng.pick(PRODUCTS);
    const colour = prng.pick(COLOURS);
    const sku = `OP-${10001 + n}-${colour}`;
    const goodsCode = ean13(`69${prng.digits(10)}`);
    const where = prng.shuffle(DEMO_WAREHOUSES);
    const count = Math.min(prng.weighted(WAREHOUSES_PER_SKU), rows - result.length);

    for (const warehouse of where.slice(0, count)) {
      result.push(stockRow(prng, { sku, goodsCode, warehouse, cnName: `${nameCn}-${colour}` }));
    }
  }
  return result;
}

const WAREHOUSES_PER_SKU = [
  [1, 25],
  [2, 35],
  [3, 20],
  [4, 10],
  [5, 6],
  [6, 4],
] as const;

function stockRow(
  prng: Prng,
  item: { sku: string; goodsCode: string; cnName: string; warehouse: { id: string; name: string } },
): SandboxInventoryRow {
  const expectNum = prng.pick([20, 50, 100, 200]);
  // About one row in five sits below its warning level; a few are sold out and backordered.
  const stockNum = prng.chance(0.2) ? prng.int(0, expectNum - 1) : prng.int(expectNum, 1500);
  const holdNum = Math.min(stockNum, prng.chance(0.4) ? prng.int(1, 30) : 0);
  return {
    sku: item.sku,
    cnName: item.cnName,
    goodsCode: item.goodsCode,
    warehouseId: item.warehouse.id,
    warehouseName: item.warehouse.name,
    stockNum,
    onwayNum: prng.chance(0.3) ? prng.int(10, 500) : 0,
    expectNum,
    salesNum: prng.chance(0.3) ? prng.int(5, 60) : 0,
    holdNum,
    enableNum: stockNum - holdNum,
    oosNum: stockNum === 0 && prng.chance(0.6) ? prng.int(1, 25) : 0,
  };
}

/** An EAN-13 barcode from 12 digits plus its check digit. */
function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}
