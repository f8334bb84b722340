/**
 * Tracking of one or more shipments (`tracking.get`), events in time order with unknown
 * times last.
 */
import { create } from 'zustand';
import type { IpcError, ShipmentView } from '../../shared/contract';
import { parseNumberList } from '../lib/csv';
import { settle, station } from '../station';
import { useNetworkStore } from './network-store';

/** One event of a shipment's timeline. */
export type TrackEventView = ShipmentView['events'][number];

interface TrackingState {
  text: string;
  shipments: ShipmentView[];
  loading: boolean;
  error: IpcError | null;
  setText: (text: string) => void;
  fetch: (refresh: boolean) => Promise<void>;
}

/** Oldest first; events whose time MegaWMS does not know go last, in the order sent. */
export function timeline(events: TrackEventView[]): TrackEventView[] {
  const known = events.filter(
    (event) => event.time !== null && !Number.isNaN(Date.parse(event.time)),
  );
  const unknown = events.filter((event) => !known.includes(event));
  known.sort((a, b) => Date.parse(a.time ?? '') - Date.parse(b.time ?? ''));
  return [...known, ...unknown];
}

/** The Tracking screen. */
export const useTrackingStore = create<TrackingState>()((set, get) => ({
  text: '',
  shipments: [],
  loading: false,
  error: null,

  setText: (text) => set({ text }),

  fetch: async (refresh) => {
    // Limitation: the contract takes at most 500 numbers per call, so more are left out;
    // fetching in slices of 500 here would lift it.
    const numbers = parseNumberList(get().text).numbers.slice(0, 500);
    if (numbers.length === 0 || get().loading) return;
    set({ loading: true, error: null });
    const result = await settle(() => station().tracking.get({ numbers, refresh }));
    if (result.ok) useNetworkStore.getState().noteResults(result.value);
    set({
      loading: false,
      shipments: result.ok ? result.value : get().shipments,
      error: result.ok ? null : result.error,
    });
  },
}));
