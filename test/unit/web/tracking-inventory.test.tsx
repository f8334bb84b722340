// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useI18nStore } from '../../../src/renderer/i18n/i18n';
import { InventoryScreen } from '../../../src/renderer/screens/inventory-screen';
import { TrackingScreen } from '../../../src/renderer/screens/tracking-screen';
import { isLow, sortRows, useInventoryStore } from '../../../src/renderer/stores/inventory-store';
import { timeline, useTrackingStore } from '../../../src/renderer/stores/tracking-store';
import { useWarehouseStore } from '../../../src/renderer/stores/warehouse-store';
import { withScrollBoxHeight } from './layout';
import { createStationDouble, type Handlers, until } from './station-double';

withScrollBoxHeight();

function install(handlers: Handlers) {
  const double = createStationDouble({
    'inventory.warehouses': () => [{ id: '381', name: 'LAX' }],
    ...handlers,
  });
  window.station = double.api;
  return double;
}

beforeEach(() => {
  useTrackingStore.setState(useTrackingStore.getInitialState(), true);
  useInventoryStore.setState(useInventoryStore.getInitialState(), true);
  useWarehouseStore.setState(useWarehouseStore.getInitialState(), true);
  useI18nStore.getState().setLanguage('en');
});

afterEach(cleanup);

const events = [
  { time: '2024-05-03T10:00:00.000Z', descriptionEn: 'Delivered', descriptionCn: '已签收' },
  { time: null, descriptionEn: 'Label created', descriptionCn: '已创建面单' },
  { time: '2024-05-01T08:00:00.000Z', descriptionEn: 'Picked up', descriptionCn: '已揽收' },
  { time: '2024-05-02T09:00:00.000Z', descriptionEn: 'In transit', descriptionCn: '运输中' },
];

describe('Tracking', () => {
  it('orders events by time, oldest first, with unknown times last', () => {
    expect(timeline(events).map((event) => event.descriptionEn)).toEqual([
      'Picked up',
      'In transit',
      'Delivered',
      'Label created',
    ]);
  });

  it('shows each shipment as a timeline, unknown times as "time unknown", in the worker’s language', async () => {
    const double = install({
      'tracking.get': ({ numbers }) =>
        numbers.map((query) => ({
          query,
          ok: true,
          message: null,
          trackingNumber: query,
          orderNo: 'HTFLY85698523651YQ',
          country: 'US',
          status: 'DELIVERED',
          events,
          fetchedAt: new Date().toISOString(),
          offline: false,
        })),
    });
    render(<TrackingScreen />);
    fireEvent.change(screen.getByLabelText('Tracking or order numbers'), {
      target: { value: '1Z1 1Z2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Track' }));

    const first = await screen.findByRole('region', { name: 'Shipment 1Z1' });
    expect(screen.getByRole('region', { name: 'Shipment 1Z2' })).toBeTruthy();
    const items = within(first).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.event-text')?.textContent)).toEqual([
      'Picked up',
      'In transit',
      'Delivered',
      'Label created',
    ]);
    expect(items[3]?.textContent).toContain('time unknown');
    expect(double.callsOf('tracking.get')).toEqual([{ numbers: ['1Z1', '1Z2'], refresh: false }]);

    useI18nStore.getState().setLanguage('zh-CN');
    await within(first).findByText('已揽收');
    expect(within(first).getByText('时间未知')).toBeTruthy();
  });
});

const stock = (sku: string, available: number, warningLevel: number) => ({
  sku,
  name: `${sku} name`,
  warehouseName: 'California LAX',
  onHand: available + 2,
  inbound: 0,
  warningLevel,
  salesWarning: 0,
  reserved: 2,
  available,
  backordered: 0,
});

describe('Inventory', () => {
  it('marks rows whose available stock is below the warning level (0 means no warning)', () => {
    expect(isLow(stock('A', 3, 5))).toBe(true);
    expect(isLow(stock('A', 5, 5))).toBe(false);
    expect(isLow(stock('A', 0, 0))).toBe(false);
  });

  it('sorts by any column, numbers as numbers', () => {
    const rows = [stock('B-10', 40, 0), stock('B-9', 5, 0), stock('A-1', 100, 0)];
    expect(sortRows(rows, { key: 'sku', descending: false }, 'en').map((r) => r.sku)).toEqual([
      'A-1',
      'B-9',
      'B-10',
    ]);
    expect(
      sortRows(rows, { key: 'available', descending: true }, 'en').map((r) => r.available),
    ).toEqual([100, 40, 5]);
  });

  it('fetches with the filter, shows progress events, the snapshot age and the low rows marked', async () => {
    let finish: (() => void) | null = null;
    const double = install({
      'inventory.fetch': async () => {
        await new Promise<void>((resolve) => (finish = resolve));
        return {
          rows: [stock('SKU-1', 2, 10), stock('SKU-2', 50, 10)],
          totalRows: 2,
          takenAt: new Date().toISOString(),
          offline: false,
        };
      },
    });
    const stop = useInventoryStore.getState().listen();
    render(<InventoryScreen />);
    const warehouse = screen.getByLabelText('Warehouse') as HTMLSelectElement;
    await until(() => warehouse.options.length === 2, 'the warehouses');
    fireEvent.change(warehouse, { target: { value: '381' } });
    fireEvent.change(screen.getByLabelText('SKU'), { target: { value: ' SKU ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fetch inventory' }));

    await until(() => finish !== null, 'the fetch to start');
    double.emit('progress', { task: 'inventory.fetch', done: 3, total: 9 });
    expect((await screen.findByRole('progressbar')).getAttribute('aria-valuenow')).toBe('3');
    finish!();

    const table = await screen.findByRole('table', { name: 'Inventory' });
    await within(table).findByText('SKU-1');
    expect(double.callsOf('inventory.fetch')).toEqual([{ sku: 'SKU', warehouseId: '381' }]);
    expect(screen.getByText(/Snapshot taken just now/)).toBeTruthy();
    expect(screen.getByText(/1 below warning level/)).toBeTruthy();
    const lowRow = within(table).getByText('SKU-1').closest('[role="row"]');
    expect(lowRow?.className).toContain('row-low');
    expect(within(lowRow as HTMLElement).getByText('Low')).toBeTruthy();
    stop();
  });
});
