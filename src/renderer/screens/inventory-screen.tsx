/**
 * Inventory: every page of the account's stock, filtered by SKU, warehouse and barcode,
 * sortable, rows below their warning level marked, exportable, with the snapshot's age.
 */
import { useEffect, useMemo } from 'react';
import type { InventoryView } from '../../shared/contract';
import { ErrorPresenter } from '../components/error-presenter';
import { SelectField, TextField } from '../components/fields';
import { ProgressBar } from '../components/progress-bar';
import { type Column, VirtualTable } from '../components/virtual-table';
import { type MessageKey, type Translate, useI18nStore, useT } from '../i18n/i18n';
import { toCsv } from '../lib/csv';
import { downloadText, exportFileName } from '../lib/files';
import { formatAge, formatTime } from '../lib/time';
import {
  type InventoryRowView,
  type InventorySortKey,
  isLow,
  sortRows,
  useInventoryStore,
} from '../stores/inventory-store';
import { useWarehouseStore } from '../stores/warehouse-store';

const COLUMNS: Array<{
  key: InventorySortKey;
  label: MessageKey;
  numeric: boolean;
  width: string;
}> = [
  // The SKU is what a worker reads first; numbers are short and their headers may wrap.
  { key: 'sku', label: 'field.sku', numeric: false, width: 'minmax(130px, 1.2fr)' },
  { key: 'name', label: 'field.productName', numeric: false, width: 'minmax(140px, 1.5fr)' },
  { key: 'warehouseName', label: 'field.warehouse', numeric: false, width: 'minmax(130px, 1.2fr)' },
  { key: 'onHand', label: 'inventory.onHand', numeric: true, width: '80px' },
  { key: 'inbound', label: 'inventory.inbound', numeric: true, width: '90px' },
  { key: 'reserved', label: 'inventory.reserved', numeric: true, width: '88px' },
  { key: 'available', label: 'inventory.available', numeric: true, width: '112px' },
  { key: 'backordered', label: 'inventory.backordered', numeric: true, width: '130px' },
  { key: 'warningLevel', label: 'inventory.warningLevel', numeric: true, width: '92px' },
];

// The sales warning level goes to the CSV only: the screen keeps to what a worker acts on.
const CSV_COLUMNS: typeof COLUMNS = [
  ...COLUMNS,
  { key: 'salesWarning', label: 'inventory.salesWarning', numeric: true, width: '0px' },
];

/** The Inventory screen. */
export function InventoryScreen(): React.JSX.Element {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const view = useInventoryStore((state) => state.view);
  const loading = useInventoryStore((state) => state.loading);
  const progress = useInventoryStore((state) => state.progress);
  const error = useInventoryStore((state) => state.error);
  const sort = useInventoryStore((state) => state.sort);
  const sortBy = useInventoryStore((state) => state.sortBy);
  const rows = useMemo(() => sortRows(view?.rows ?? [], sort, language), [view, sort, language]);

  return (
    <div className="screen inventory-screen">
      <h1>{t('nav.inventory')}</h1>
      <InventoryFilter />
      {loading && (
        <ProgressBar
          label={t('inventory.fetching')}
          done={progress?.done ?? 0}
          total={progress?.total ?? 0}
        />
      )}
      {error && <ErrorPresenter error={error} />}
      {view && <InventoryToolbar view={view} rows={rows} />}
      <VirtualTable
        label={t('inventory.tableLabel')}
        rows={rows}
        columns={inventoryColumns(t)}
        rowKey={(row) => `${row.warehouseName}\u0000${row.sku}`}
        rowClass={(row) => (isLow(row) ? 'row-low' : '')}
        sort={{ id: sort.key, descending: sort.descending }}
        onSort={(id) => sortBy(id as InventorySortKey)}
        empty={view ? t('inventory.noRows') : t('inventory.empty')}
      />
    </div>
  );
}

/** The table's columns; a low available quantity is marked, not only coloured. */
function inventoryColumns(t: Translate): Column<InventoryRowView>[] {
  return COLUMNS.map((column) => ({
    id: column.key,
    width: column.width,
    header: t(column.label),
    sortable: true,
    align: column.numeric ? 'end' : 'start',
    cell: (row) =>
      column.key === 'available' && isLow(row) ? (
        <span className="low-stock">
          <span className="tag tag-low">{t('inventory.low')}</span> {row.available}
        </span>
      ) : (
        row[column.key]
      ),
  }));
}

/** How many rows, how old the snapshot is, and the CSV export of the rows as sorted. */
function InventoryToolbar(props: {
  view: InventoryView;
  rows: InventoryRowView[];
}): React.JSX.Element {
  const { view, rows } = props;
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const low = rows.filter(isLow).length;

  const exportCsv = () => {
    const header = CSV_COLUMNS.map((column) => t(column.label));
    const body = rows.map((row) => CSV_COLUMNS.map((column) => row[column.key]));
    downloadText(exportFileName('label-station-inventory'), toCsv(header, body));
  };

  return (
    <div className="toolbar">
      <p className="summary" role="status">
        {t('inventory.summary', { count: view.rows.length, total: view.totalRows, low })}{' '}
        <span title={formatTime(view.takenAt, language, t)}>
          {t('inventory.snapshotAge', { age: formatAge(view.takenAt, t) })}
        </span>
        {view.offline && ` · ${t('inventory.offlineSnapshot')}`}
      </p>
      <div className="toolbar-buttons">
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          {t('action.exportCsv')}
        </button>
      </div>
    </div>
  );
}

function InventoryFilter(): React.JSX.Element {
  const t = useT();
  const filter = useInventoryStore((state) => state.filter);
  const loading = useInventoryStore((state) => state.loading);
  const setFilter = useInventoryStore((state) => state.setFilter);
  const fetchInventory = useInventoryStore((state) => state.fetch);
  const warehouses = useWarehouseStore((state) => state.warehouses);
  const loadWarehouses = useWarehouseStore((state) => state.load);

  useEffect(() => {
    void loadWarehouses();
  }, [loadWarehouses]);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    void fetchInventory();
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label={t('inventory.filterLabel')}>
      <TextField label={t('field.sku')} value={filter.sku} onChange={(sku) => setFilter({ sku })} />
      <SelectField
        label={t('field.warehouse')}
        value={filter.warehouseId}
        onChange={(warehouseId) => setFilter({ warehouseId })}
        options={[
          { value: '', label: t('inventory.allWarehouses') },
          ...warehouses.map((warehouse) => ({
            value: warehouse.id,
            label: `${warehouse.id} · ${warehouse.name}`,
          })),
        ]}
      />
      <TextField
        label={t('field.barcode')}
        value={filter.barcode}
        onChange={(barcode) => setFilter({ barcode })}
      />
      <button type="submit" className="primary" disabled={loading}>
        {loading ? t('inventory.fetching') : t('inventory.fetch')}
      </button>
    </form>
  );
}
