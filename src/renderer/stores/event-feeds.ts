/**
 * Connects the stores to the events the main process pushes (`job.changed`, `progress`,
 * `network.changed`). Each store subscribes through its own `listen` action.
 */
import { useBatchStore } from './batch-store';
import { useInventoryStore } from './inventory-store';
import { useNetworkStore } from './network-store';
import { useQueueStore } from './queue-store';
import { useScanStore } from './scan-store';

/** Starts every store's event listener; returns the function that stops them all. */
export function startEventFeeds(): () => void {
  const stops = [
    useScanStore.getState().listen(),
    useQueueStore.getState().listen(),
    useBatchStore.getState().listen(),
    useInventoryStore.getState().listen(),
    useNetworkStore.getState().listen(),
  ];
  return () => stops.forEach((stop) => stop());
}
