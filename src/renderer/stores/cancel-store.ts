/**
 * Cancelling an order by tracking number: ask first, then show MegaWMS's answer word for
 * word (a carrier past its void window refuses, and the worker must see why).
 */
import { create } from 'zustand';
import type { CancelView, IpcError } from '../../shared/contract';
import { settle, station } from '../station';

interface CancelState {
  trackingNumber: string;
  asking: boolean;
  cancelling: boolean;
  result: CancelView | null;
  error: IpcError | null;
  setTrackingNumber: (value: string) => void;
  ask: () => void;
  answer: (yes: boolean) => Promise<void>;
}

/** The cancel panel of the Orders screen. */
export const useCancelStore = create<CancelState>()((set, get) => ({
  trackingNumber: '',
  asking: false,
  cancelling: false,
  result: null,
  error: null,

  setTrackingNumber: (trackingNumber) => set({ trackingNumber }),

  ask: () => {
    if (get().trackingNumber.trim() === '' || get().cancelling) return;
    set({ asking: true, result: null, error: null });
  },

  answer: async (yes) => {
    set({ asking: false });
    if (!yes) return;
    const trackingNumber = get().trackingNumber.trim();
    set({ cancelling: true });
    const result = await settle(() => station().orders.cancel({ trackingNumber }));
    set({
      cancelling: false,
      result: result.ok ? result.value : null,
      error: result.ok ? null : result.error,
    });
  },
}));
