/**
 * `station inventory`: stock by SKU and warehouse, one page or every page, with CSV export.
 * Each answer is kept as the query's latest list, shown with its age when MegaWMS is down.
 */
import fs from 'node:fs';
import type { InventoryRow } from '../../shared/domain';
import type { Command } from '../command';
import { formatTable, printJson } from '../command';
import { CACHE_OPTIONS, describeOrigin, openLookupService, readCacheOptions } from './cache';

const COLUMNS: Array<[string, (r: InventoryRow) => string | number]> = [
  ['SKU', (r) => r.sku],
  ['name', (r) => r.name],
  ['warehouse', (r) => r.warehouseName],
  ['on hand', (r) => r.onHand],
  ['inbound', (r) => r.inbound],
  ['available', (r) => r.available],
  ['reserved', (r) => r.reserved],
  ['backordered', (r) => r.backordered],
  ['warning level', (r) => r.warningLevel],
];

export const inventoryCommand: Command = {
  name: 'inventory',
  usage:
    'inventory [--sku S] [--warehouse ID] [--barcode CODE] [--all] [--csv FILE] ' +
    '[--refresh] [--offline]',
  summary: 'Inventory (--all: every page), always asked fresh; --offline: the last list kept.',
  options: {
    sku: { type: 'string' },
    warehouse: { type: 'string' },
    barcode: { type: 'string' },
    all: { type: 'boolean' },
    csv: { type: 'string' },
    ...CACHE_OPTIONS,
  },
  async run(ctx, _positionals, values) {
    // Stock moves all day, so a kept list is never shown while MegaWMS answers: `--refresh`
    // is what this command always does, accepted so every cache command takes it.
    const { offline } = readCacheOptions(values);
    const service = await openLookupService(ctx, { offline });
    const result = await service.fetchInventory(
      {
        sku: values.sku as string | undefined,
        warehouseId: values.warehouse as string | undefined,
        barcode: values.barcode as string | undefined,
      },
      {
        all: Boolean(values.all),
        offline,
        onProgress: (d, t) => ctx.io.progress('inventory pages', d, t),
      },
    );
    if (!result.ok) {
      ctx.io.err(`Inventory: ${result.message}`);
      return 1;
    }

    if (values.csv) fs.writeFileSync(values.csv as string, toCsv(result.rows));
    if (ctx.options.json) printJson(ctx, result);
    else {
      const cells = result.rows.map((r) => COLUMNS.map(([, get]) => String(get(r))));
      ctx.io.out(
        formatTable(
          COLUMNS.map(([h]) => h),
          cells,
        ),
      );
      ctx.io.out(`${result.rows.length} of ${result.totalRows} rows, ${describeOrigin(result)}`);
    }
    return 0;
  },
};

/** CSV with a header, every field quoted where it needs to be; UTF-8 BOM for spreadsheets. */
export function toCsv(rows: InventoryRow[]): string {
  const quote = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [COLUMNS.map(([h]) => quote(h)).join(',')];
  for (const r of rows) lines.push(COLUMNS.map(([, get]) => quote(get(r))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
