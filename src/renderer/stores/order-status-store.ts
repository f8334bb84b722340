/**
 * Order status for many numbers at once (`orders.status`), status codes named by the
 * screen in the worker's language.
 */
import { create } from 'zustand';
import type { IpcError, LookupRow } from '../../shared/contract';
import { parseNumberList } from '../lib/csv';
import { settle, station } from '../station';
import { useNetworkStore } from './network-store';

interface OrderStatusState {
  text: string;
  rows: LookupRow[];
  loading: boolean;
  error: IpcError | null;
  setText: (text: string) => void;
  lookup: (refresh: boolean) => Promise<void>;
}

/** The status panel of the Orders screen. */
export const useOrderStatusStore = create<OrderStatusState>()((set, get) => ({
  text: '',
  rows: [],
  loading: false,
  error: null,

  setText: (text) => set({ text }),

  lookup: async (refresh) => {
    const { numbers } = parseNumberList(get().text);
    if (numbers.length === 0 || get().loading) return;
    set({ loading: true, error: null });
    const result = await settle(() => station().orders.status({ numbers, refresh }));
    if (result.ok) useNetworkStore.getState().noteResults(result.value);
    set({
      loading: false,
      rows: result.ok ? result.value : get().rows,
      error: result.ok ? null : result.error,
    });
  },
}));
