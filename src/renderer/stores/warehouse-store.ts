/**
 * The account's warehouses (`inventory.warehouses`: the document's table plus what the
 * account's inventory shows), for the order form and the inventory filter.
 */
import { create } from 'zustand';
import type { IpcError } from '../../shared/contract';
import { settle, station } from '../station';

/** One warehouse a select offers. */
export interface Warehouse {
  id: string;
  name: string;
}

interface WarehouseState {
  warehouses: Warehouse[];
  loaded: boolean;
  error: IpcError | null;
  load: () => Promise<void>;
}

/** Warehouses, loaded once per session (they change rarely). */
export const useWarehouseStore = create<WarehouseState>()((set, get) => ({
  warehouses: [],
  loaded: false,
  error: null,

  load: async () => {
    if (get().loaded) return;
    const result = await settle(() => station().inventory.warehouses());
    if (result.ok) set({ warehouses: result.value, loaded: true, error: null });
    else set({ error: result.error });
  },
}));
