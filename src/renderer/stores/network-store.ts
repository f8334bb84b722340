/**
 * Whether MegaWMS can be reached, from the main process's `network.changed` events and
 * from the `offline` flag of every lookup result.
 */
import { create } from 'zustand';
import { station } from '../station';

interface NetworkState {
  online: boolean;
  /** When the state last changed (ms), for "offline since". */
  changedAt: number | null;
  setOnline: (online: boolean) => void;
  /** Notes the `offline` flags of results: any offline row means MegaWMS was not reached. */
  noteResults: (rows: ReadonlyArray<{ offline: boolean; source?: string | null }>) => void;
  listen: () => () => void;
}

/** MegaWMS reachability. */
export const useNetworkStore = create<NetworkState>()((set, get) => ({
  online: true,
  changedAt: null,

  setOnline: (online) => {
    if (get().online !== online) set({ online, changedAt: Date.now() });
  },

  noteResults: (rows) => {
    if (rows.some((row) => row.offline)) get().setOnline(false);
    else if (rows.some((row) => row.source === 'network')) get().setOnline(true);
  },

  listen: () => station().on('network.changed', ({ online }) => get().setOnline(online)),
}));
