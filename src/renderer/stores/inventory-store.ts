/**
 * Inventory: every page fetched by the main process (with progress), filtered by SKU,
 * warehouse and barcode, sorted by any column here.
 */
import { create } from 'zustand';
import type { InventoryView, IpcError } from '../../shared/contract';
import { settle, station } from '../station';
import { useNetworkStore } from './network-store';

/** One row of the inventory table. */
export type InventoryRowView = InventoryView['rows'][number];

/** A column the table sorts by. */
export type InventorySortKey = keyof InventoryRowView;

interface InventoryFilter {
  sku: string;
  warehouseId: string;
  barcode: string;
}

interface InventoryState {
  filter: InventoryFilter;
  view: InventoryView | null;
  loading: boolean;
  progress: { done: number; total: number } | null;
  error: IpcError | null;
  sort: { key: InventorySortKey; descending: boolean };
  setFilter: (change: Partial<InventoryFilter>) => void;
  fetch: () => Promise<void>;
  sortBy: (key: InventorySortKey) => void;
  listen: () => () => void;
}

/** True when available stock is below the row's warning level (a warning level of 0 is off). */
export function isLow(row: InventoryRowView): boolean {
  return row.warningLevel > 0 && row.available < row.warningLevel;
}

/** The rows in the chosen order; text compares in the worker's language. */
export function sortRows(
  rows: InventoryRowView[],
  sort: InventoryState['sort'],
  language: string,
): InventoryRowView[] {
  const collator = new Intl.Collator(language, { numeric: true });
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : collator.compare(String(x), String(y));
    return order * sign;
  });
}

/** The Inventory screen. */
export const useInventoryStore = create<InventoryState>()((set, get) => ({
  filter: { sku: '', warehouseId: '', barcode: '' },
  view: null,
  loading: false,
  progress: null,
  error: null,
  sort: { key: 'sku', descending: false },

  setFilter: (change) => set({ filter: { ...get().filter, ...change } }),

  fetch: async () => {
    if (get().loading) return;
    const { sku, warehouseId, barcode } = get().filter;
    const query = {
      ...(sku.trim() ? { sku: sku.trim() } : {}),
      ...(warehouseId ? { warehouseId } : {}),
      ...(barcode.trim() ? { barcode: barcode.trim() } : {}),
    };
    set({ loading: true, progress: null, error: null });
    const result = await settle(() => station().inventory.fetch(query));
    if (result.ok) useNetworkStore.getState().noteResults([result.value]);
    set({
      loading: false,
      progress: null,
      view: result.ok ? result.value : get().view,
      error: result.ok ? null : result.error,
    });
  },

  sortBy: (key) => {
    const { sort } = get();
    set({ sort: { key, descending: sort.key === key ? !sort.descending : false } });
  },

  listen: () =>
    station().on('progress', ({ task, done, total }) => {
      if (get().loading && task.startsWith('inventory')) set({ progress: { done, total } });
    }),
}));
