/**
 * `window.station` for the renderer's type world: the preload's API, typed from the
 * shared contract. The renderer reaches the main process through it alone.
 */
import type { StationApi } from '../shared/station-api';

declare global {
  interface Window {
    station: StationApi;
  }
}

export {};
