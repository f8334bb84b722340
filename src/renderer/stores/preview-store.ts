/**
 * The label preview: fetches a label's PDF bytes (`labels.file`) and shows them from a
 * Blob URL, revoked when the preview closes. No file: URL, nothing from the network.
 */
import { create } from 'zustand';
import type { IpcError } from '../../shared/contract';
import { pdfObjectUrl } from '../lib/files';
import { settle, station } from '../station';

interface PreviewState {
  trackingNumber: string | null;
  url: string | null;
  loading: boolean;
  error: IpcError | null;
  open: (trackingNumber: string) => Promise<void>;
  close: () => void;
}

/** The one label preview open at a time. */
export const usePreviewStore = create<PreviewState>()((set, get) => ({
  trackingNumber: null,
  url: null,
  loading: false,
  error: null,

  open: async (trackingNumber) => {
    get().close();
    set({ trackingNumber, loading: true });
    const result = await settle(() => station().labels.file({ trackingNumber }));
    // The worker may have closed it, or opened another, meanwhile.
    if (get().trackingNumber !== trackingNumber) return;
    if (!result.ok) return set({ loading: false, error: result.error });
    set({ loading: false, url: pdfObjectUrl(result.value.base64) });
  },

  close: () => {
    const url = get().url;
    if (url) URL.revokeObjectURL(url);
    set({ trackingNumber: null, url: null, loading: false, error: null });
  },
}));
