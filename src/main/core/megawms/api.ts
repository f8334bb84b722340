/**
 * The shape of the MegaWMS client as the rest of the core sees it. The cache, the print
 * queue, the CLI and the IPC handlers depend on this interface only; `createMegaWmsClient`
 * (client.ts) is the real implementation over HTTP.
 */
import type {
  CancelResult,
  CreatedOrder,
  InventoryQuery,
  InventoryRow,
  ItemResult,
  Label,
  NewOrder,
  Order,
  Shipment,
  TrackingNumberResult,
} from '../../../shared/domain';

/** Options every call takes. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call, in ms. */
  timeoutMs?: number;
}

/** Batch calls report progress as they go (done, total) so long batches can show a bar. */
export interface BatchOptions extends CallOptions {
  onProgress?: (done: number, total: number) => void;
}

/** One of the three ways GetOrderMsg finds an order; at least one must be non-empty. */
export interface OrderQuery {
  referenceNo?: string;
  trackingNumber?: string;
  orderNo?: string;
}

/** How AddOrder ended when its first answer was lost (see `MegaWmsClient.createOrder`). */
export type CreateOrderOutcome =
  | { kind: 'created'; order: CreatedOrder }
  /** The answer was lost but GetOrderMsg shows the order exists: it was created once. */
  | { kind: 'created-unconfirmed'; order: Order }
  /**
   * The answer was lost and GetOrderMsg does not know the reference: not created.
   * `referenceNo` is the one checked (generated when the order had none); reuse it to retry.
   */
  | { kind: 'not-created'; reason: string; referenceNo?: string };

export interface MegaWmsClient {
  /** AddOrder. Never retried blindly: an unknown outcome is settled by GetOrderMsg. */
  createOrder(order: NewOrder, opts?: CallOptions): Promise<CreateOrderOutcome>;
  /** InvalidOrder. A refusal is a result (`cancelled: false`), not a thrown error. */
  cancelOrder(trackingNumber: string, opts?: CallOptions): Promise<CancelResult>;
  /** GetTrackingNo, split into batches of 100, results in the caller's order. */
  fetchTrackingNumbers(
    numbers: string[],
    by: 'orderNo' | 'referenceNo',
    opts?: BatchOptions,
  ): Promise<ItemResult<TrackingNumberResult>[]>;
  /**
   * GetLabel (LabelType 1), split into batches of 100. Returns every label MegaWMS gave,
   * grouped per number asked in the caller's order; a number with no label is a failed item.
   */
  fetchLabels(numbers: string[], opts?: BatchOptions): Promise<ItemResult<Label[]>[]>;
  /** GetTrack with the tracking key, batches of 100. */
  fetchTracking(numbers: string[], opts?: BatchOptions): Promise<ItemResult<Shipment>[]>;
  /** Inventory; `all` fetches every page (1000 rows a page). */
  fetchInventory(
    query: InventoryQuery & { all?: boolean; page?: number; pageSize?: number },
    opts?: BatchOptions,
  ): Promise<{ rows: InventoryRow[]; totalRows: number }>;
  /** GetOrderMsg, split into batches of 500, results in the caller's order. */
  fetchOrders(queries: OrderQuery[], opts?: BatchOptions): Promise<ItemResult<Order[]>[]>;
  /** The server address for messages ("cannot reach http://…"). */
  readonly baseUrl: string;
}
