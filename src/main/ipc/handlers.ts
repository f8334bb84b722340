/**
 * The handler table: one line per contract channel, each calling a station use case. The
 * dispatcher has already checked the sender and parsed the input when a handler runs.
 * Electron's ipcMain and the e2e harness register this same table.
 */
import type { Station } from '../core/station';
import type { HandlerTable } from './dispatch';

/** Every channel of the contract, bound to the station's use cases. */
export function createHandlerTable(station: Station): HandlerTable {
  return {
    'app.info': () => station.getInfo(),
    'settings.get': () => station.getSettings(),
    'settings.update': (patch) => station.updateSettings(patch),
    'settings.setSecrets': (secrets) => station.setSecrets(secrets),
    'scan.submit': ({ number, confirmDuplicates }) => station.scan(number, { confirmDuplicates }),
    'labels.lookup': ({ numbers, refresh }) => station.lookupLabels(numbers, { refresh }),
    'labels.print': ({ numbers, ...opts }) => station.printLabels(numbers, opts),
    'labels.file': ({ trackingNumber }) => station.getLabelFile(trackingNumber),
    'orders.create': (order) => station.createOrder(order),
    'orders.cancel': ({ trackingNumber }) => station.cancelOrder(trackingNumber),
    'orders.status': ({ numbers, refresh }) => station.findOrderStatus(numbers, { refresh }),
    'tracking.get': ({ numbers, refresh }) => station.fetchTracking(numbers, { refresh }),
    'inventory.fetch': (query) => station.fetchInventory(query),
    'inventory.warehouses': () => station.listWarehouses(),
    'queue.list': (input) => station.listJobs({ limit: input?.limit }),
    'queue.reprint': ({ jobId }) => station.reprintJob(jobId),
    'queue.resume': ({ jobId }) => station.resumeJob(jobId),
    'queue.cancel': ({ jobId }) => station.cancelJob(jobId),
    'printers.list': () => station.listPrinters(),
  };
}
