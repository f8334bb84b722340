/**
 * The MegaWMS client over HTTP: all seven calls behind the `MegaWmsClient` interface.
 * Split by concern: context.ts (settings, posting), orders.ts (AddOrder, InvalidOrder,
 * GetOrderMsg), lookups.ts (GetTrackingNo, GetLabel, GetTrack, Inventory).
 */
import type { MegaWmsClient } from './api';
import { createContext, type ClientConfig } from './context';
import { fetchInventory, fetchLabels, fetchTracking, fetchTrackingNumbers } from './lookups';
import { cancelOrder, createOrder, fetchOrders } from './orders';

export type { ClientConfig } from './context';
export { DEFAULT_BASE_URL } from './context';

/**
 * Builds a client for one account. Throws `MegaWmsError('config')` when an address is not
 * an http(s) URL; missing credentials are reported by the first call that needs them.
 */
export function createMegaWmsClient(config: ClientConfig): MegaWmsClient {
  const ctx = createContext(config);
  return {
    baseUrl: ctx.baseUrl,
    createOrder: (order, opts) => createOrder(ctx, order, opts),
    cancelOrder: (trackingNumber, opts) => cancelOrder(ctx, trackingNumber, opts),
    fetchTrackingNumbers: (numbers, by, opts) => fetchTrackingNumbers(ctx, numbers, by, opts),
    fetchLabels: (numbers, opts) => fetchLabels(ctx, numbers, opts),
    fetchTracking: (numbers, opts) => fetchTracking(ctx, numbers, opts),
    fetchInventory: (query, opts) => fetchInventory(ctx, query, opts),
    fetchOrders: (queries, opts) => fetchOrders(ctx, queries, opts),
  };
}
