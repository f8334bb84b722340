/**
 * GetTrack (lower-case keys, its own `key`) and Inventory (under `/wsapi`, paged, at most
 * 1000 rows a page).
 */
import { BATCH_LIMITS } from '../main/core/megawms/endpoints';
import { DEMO_CREDENTIALS } from './demo-account';
import { COUNTRY_NAMES } from './demo-tables';
import type { ApiContext } from './handlers';
import type { SandboxInventoryRow } from './model';
import {
  asObject,
  checkAccount,
  readList,
  readNumber,
  readText,
  Refusal,
  type Fields,
} from './request-check';
import { key } from './state';

/** Tracking by tracking or order number; numbers MegaWMS does not know are left out. */
export function handleGetTrack(body: Fields, ctx: ApiContext): object {
  if (body.key !== DEMO_CREDENTIALS.trackKey) {
    throw new Refusal('key 错误 (wrong tracking key)');
  }
  const numbers = readList(body, 'Trackingnos', BATCH_LIMITS.GetTrack).map((item, i) =>
    readText(asObject(item, `Trackingnos[${i}]`), 'Trackingno', { where: `Trackingnos[${i}]` }),
  );

  const shipments = numbers.flatMap((number) => {
    const order = ctx.state.findByTracking(number) ?? ctx.state.findByOrderNo(number);
    if (!order || !order.trackingNumber) return [];
    const piece = order.pieces.find((p) => key(p.trackingNumber) === key(number));
    return [
      {
        TrackingNo: piece?.trackingNumber ?? order.trackingNumber,
        OrderNo: order.orderNo,
        Country: COUNTRY_NAMES[order.consignee.country] ?? order.consignee.country,
        Status: order.trackStatus,
        Track: order.events.map((e) => ({
          OccurTime: e.occurTime,
          DescriptionEN: e.descriptionEn,
          DescriptionCN: e.descriptionCn,
        })),
      },
    ];
  });
  return { success: 'true', error: '', message: 'OK', TrackingNos: shipments };
}

/** One page of inventory rows matching SKU, warehouse and barcode (empty means all). */
export function handleInventory(body: Fields, ctx: ApiContext): object {
  checkAccount(body, DEMO_CREDENTIALS);
  const query = asObject(body.Query, 'Query');
  const sku = readText(query, 'SKU', { where: 'Query', optional: true });
  const goodsCode = readText(query, 'GoodsCode', { where: 'Query', optional: true });
  const warehouseId = readWarehouseId(query);
  const pageSize = readNumber(query, 'PageSizes', {
    where: 'Query',
    integer: true,
    positive: true,
  });
  const pageNow = readNumber(query, 'PageNow', { where: 'Query', integer: true, positive: true });
  const limit = BATCH_LIMITS.InventoryPageSize;
  if (pageSize > limit) {
    throw new Refusal(`PageSizes 最大 ${limit} (at most ${limit} rows a page, got ${pageSize})`);
  }

  const matching = ctx.state.inventory.filter(
    (row) =>
      (!sku || key(row.sku) === key(sku)) &&
      (!warehouseId || row.warehouseId === warehouseId) &&
      (!goodsCode || row.goodsCode === goodsCode),
  );
  const page = matching.slice((pageNow - 1) * pageSize, pageNow * pageSize);
  return {
    Message: '成功',
    Success: 'true',
    PageNow: String(pageNow),
    TotalRows: String(matching.length),
    Detail: page.map(detailRow),
  };
}

/** The vendor's own example request spells the warehouse id `StortelD`; take any spelling. */
function readWarehouseId(query: Fields): string {
  for (const name of ['StortelID', 'StortelD', 'StorteID']) {
    if (query[name] !== undefined) return readText(query, name, { where: 'Query' });
  }
  return '';
}

function detailRow(row: Readonly<SandboxInventoryRow>): object {
  return {
    SKU: row.sku,
    CnName: row.cnName,
    StockNum: String(row.stockNum),
    OnwayNum: String(row.onwayNum),
    ExpectNum: String(row.expectNum),
    SalesNum: String(row.salesNum),
    HoldNum: String(row.holdNum),
    EnableNum: String(row.enableNum),
    OosNum: String(row.oosNum),
    WarehouseName: row.warehouseName,
  };
}
