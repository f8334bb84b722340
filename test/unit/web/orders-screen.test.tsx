// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useI18nStore } from '../../../src/renderer/i18n/i18n';
import { OrdersScreen } from '../../../src/renderer/screens/orders-screen';
import { useCancelStore } from '../../../src/renderer/stores/cancel-store';
import { useOrderFormStore } from '../../../src/renderer/stores/order-form-store';
import { useOrderStatusStore } from '../../../src/renderer/stores/order-status-store';
import { useWarehouseStore } from '../../../src/renderer/stores/warehouse-store';
import { createStationDouble, type Handlers, until } from './station-double';
import { withScrollBoxHeight } from './layout';
import { foundRow, order } from './samples';

withScrollBoxHeight();

function install(over: Handlers = {}) {
  const double = createStationDouble({
    'inventory.warehouses': () => [
      { id: '381', name: 'California LAX - 加州机场仓库' },
      { id: '501', name: 'California - 加州码头仓库' },
    ],
    ...over,
  });
  window.station = double.api;
  return double;
}

beforeEach(() => {
  useOrderFormStore.setState(useOrderFormStore.getInitialState(), true);
  useCancelStore.setState(useCancelStore.getInitialState(), true);
  useOrderStatusStore.setState(useOrderStatusStore.getInitialState(), true);
  useWarehouseStore.setState(useWarehouseStore.getInitialState(), true);
  useI18nStore.getState().setLanguage('en');
});

afterEach(cleanup);

const REFUSAL =
  '取消 UPS 订单失败;错误编码:190102;错误描述:No shipment found within the allowed void period';

describe('Orders screen: new order', () => {
  it('shows a field error as soon as the worker leaves it wrong, and clears it when fixed', async () => {
    install();
    render(<OrdersScreen />);
    const recipient = within(screen.getByRole('group', { name: 'Recipient' }));
    const country = recipient.getByLabelText('Country') as HTMLInputElement;
    fireEvent.change(country, { target: { value: 'u' } });
    fireEvent.blur(country);
    expect(recipient.getByText('Two capital letters, e.g. US')).toBeTruthy();
    expect(country.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(country, { target: { value: 'de' } });
    expect(country.value).toBe('DE');
    expect(recipient.queryByText('Two capital letters, e.g. US')).toBeNull();
  });

  it('lists the account warehouses and shows every problem after a submit attempt', async () => {
    const double = install();
    render(<OrdersScreen />);
    const warehouse = screen.getByLabelText('Warehouse') as HTMLSelectElement;
    await until(() => warehouse.options.length === 3, 'the warehouses');
    expect(warehouse.options[1]?.textContent).toBe('381 · California LAX - 加州机场仓库');

    fireEvent.click(screen.getByRole('button', { name: 'Create and confirm order' }));
    expect(screen.getByText(/fields need attention/)).toBeTruthy();
    expect(screen.getAllByText('Required').length).toBeGreaterThan(3);
    expect(double.callsOf('orders.create')).toHaveLength(0);
  });

  it('adds piece rows and the legend counts them', () => {
    install();
    render(<OrdersScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a piece' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a piece' }));
    expect(screen.getByRole('group', { name: 'Pieces (3)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove piece 2' }));
    expect(screen.getByRole('group', { name: 'Pieces (2)' })).toBeTruthy();
  });
});

describe('Orders screen: cancel', () => {
  it('asks first, and shows a refusal in MegaWMS’s words exactly', async () => {
    const double = install({
      'orders.cancel': ({ trackingNumber }) => ({
        cancelled: false,
        orderNo: 'R800001707210005',
        referenceNo: 'RLV336256521',
        trackingNumber,
        message: REFUSAL,
      }),
    });
    render(<OrdersScreen />);
    fireEvent.click(screen.getByRole('tab', { name: 'Cancel an order' }));
    fireEvent.change(screen.getByLabelText('Tracking number'), {
      target: { value: '1Z999AA10123456784' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order…' }));

    const dialog = screen.getByRole('dialog', { name: 'Cancel this order?' });
    expect(within(dialog).getByText(/1Z999AA10123456784 will be cancelled/)).toBeTruthy();
    expect(double.callsOf('orders.cancel')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, cancel it' }));

    const result = await screen.findByRole('alert', { name: 'Cancel result' });
    expect(within(result).getByText('MegaWMS refused to cancel')).toBeTruthy();
    expect(result.querySelector('blockquote')?.textContent).toBe(REFUSAL);
    expect(double.callsOf('orders.cancel')).toEqual([{ trackingNumber: '1Z999AA10123456784' }]);
  });

  it('does nothing when the worker keeps the order', () => {
    const double = install();
    render(<OrdersScreen />);
    fireEvent.click(screen.getByRole('tab', { name: 'Cancel an order' }));
    fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: '1Z1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep the order' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(double.callsOf('orders.cancel')).toHaveLength(0);
  });
});

describe('Orders screen: status', () => {
  it('names the status codes next to MegaWMS’s own text', async () => {
    install({
      'orders.status': ({ numbers }) =>
        numbers.map((n, i) =>
          foundRow(n, {
            orders: [
              order({ orderNo: `R${i}`, statusCode: i === 0 ? 6 : 42, statusText: '已发货' }),
            ],
          }),
        ),
    });
    render(<OrdersScreen />);
    fireEvent.click(screen.getByRole('tab', { name: 'Order status' }));
    fireEvent.change(screen.getByLabelText('Order, tracking or reference numbers'), {
      target: { value: 'A\nB' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Look up status' }));
    const table = await screen.findByRole('table', { name: 'Order status' });
    await within(table).findByText('Shipped', { selector: 'strong' });
    expect(within(table).getByText('Code 42')).toBeTruthy();
  });
});
