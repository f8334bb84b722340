/** `station inventory`: stock by SKU and warehouse, one page or every page, with CSV export. */
import fs from 'node:fs';
import type { InventoryRow } from '../../shared/domain';
import type { Command } from '../command';
import { formatTable, printJson } from '../command';

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
  usage: 'inventory [--sku S] [--warehouse ID] [--barcode CODE] [--all] [--csv FILE]',
  summary: 'Inventory; --all fetches every page.',
  options: {
    sku: { type: 'string' },
    warehouse: { type: 'string' },
    barcode: { type: 'string' },
    all: { type: 'boolean' },
    csv: { type: 'string' },
  },
  async run(ctx, _positionals, values) {
    const client = await ctx.getClient();
    const { rows, totalRows } = await client.fetchInventory(
      {
        sku: values.sku as string | undefined,
        warehouseId: values.warehouse as string | undefined,
        barcode: values.barcode as string | undefined,
        all: Boolean(values.all),
      },
      { onProgress: (d, t) => ctx.io.progress('inventory pages', d, t) },
    );
    if (values.csv) fs.writeFileSync(values.csv as string, toCsv(rows));
    if (ctx.options.json) printJson(ctx, { totalRows, rows });
    else {
      const cells = rows.map((r) => COLUMNS.map(([, get]) => String(get(r))));
      ctx.io.out(
        formatTable(
          COLUMNS.map(([h]) => h),
          cells,
        ),
      );
      ctx.io.out(`${rows.length} of ${totalRows} rows`);
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
