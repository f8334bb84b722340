// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/App';
import { useI18nStore } from '../../../src/renderer/i18n/i18n';
import { useNavStore } from '../../../src/renderer/stores/nav-store';
import { useNetworkStore } from '../../../src/renderer/stores/network-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { createStationDouble, type Handlers, until } from './station-double';
import { settings } from './samples';

const info = (demo: boolean) => ({ version: '0.1.0', demo, platform: 'linux', dataDir: '/tmp/x' });

function install(over: Handlers = {}, demo = false) {
  let saved = settings({ demo });
  const double = createStationDouble({
    'settings.get': () => saved,
    'app.info': () => info(demo),
    'settings.update': (patch) => (saved = { ...saved, ...patch }),
    'queue.list': () => [],
    'printers.list': () => [],
    'inventory.warehouses': () => [{ id: '381', name: 'California LAX' }],
    ...over,
  });
  window.station = double.api;
  return double;
}

beforeEach(() => {
  useNavStore.setState(useNavStore.getInitialState(), true);
  useSettingsStore.setState(useSettingsStore.getInitialState(), true);
  useNetworkStore.setState(useNetworkStore.getInitialState(), true);
  useI18nStore.getState().setLanguage('en');
});

afterEach(cleanup);

const nav = () => screen.getByRole('navigation');

describe('app shell', () => {
  it('shows every screen with its function key and opens them with F1–F7', async () => {
    install();
    render(<App />);
    expect(screen.getByRole('navigation', { name: 'Screens' })).toBeTruthy();
    const buttons = within(nav()).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      'ScanF1',
      'BatchF2',
      'OrdersF3',
      'TrackingF4',
      'InventoryF5',
      'Print queueF6',
      'SettingsF7',
    ]);

    const f5 = fireEvent.keyDown(window, { key: 'F5' });
    expect(f5).toBe(false); // no reload: the key is the station's
    expect(screen.getByRole('heading', { level: 1, name: 'Inventory' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'F1' });
    expect(screen.getByLabelText('Scan')).toBeTruthy();
    expect(within(nav()).getByRole('button', { current: 'page' }).textContent).toBe('ScanF1');
  });

  it('switches every label to Chinese at run time from the header toggle, and saves it', async () => {
    const double = install();
    render(<App />);
    await until(() => useSettingsStore.getState().settings !== null, 'settings to load');

    fireEvent.click(screen.getByRole('button', { name: 'Switch language to 中文' }));
    await until(() => double.callsOf('settings.update').length === 1, 'the language to be saved');

    expect(double.callsOf('settings.update')[0]).toEqual({ language: 'zh-CN' });
    expect(
      within(nav())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['扫描F1', '批量F2', '订单F3', '物流跟踪F4', '库存F5', '打印队列F6', '设置F7']);
    expect(screen.getByLabelText('扫描')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('opens in the saved language', async () => {
    install({ 'settings.get': () => settings({ language: 'zh-CN' }) });
    render(<App />);
    await screen.findByText('可以扫描');
  });

  it('shows the demo banner on every screen in demo mode', async () => {
    install({}, true);
    render(<App />);
    await screen.findByText(/Demo mode: orders go to the built-in training server; nothing ships/);
    fireEvent.keyDown(window, { key: 'F6' });
    expect(screen.getByText(/Demo mode/)).toBeTruthy();
  });

  it('shows no demo banner for a real account', async () => {
    install();
    render(<App />);
    await until(() => useSettingsStore.getState().info !== null, 'app info');
    expect(screen.queryByText(/Demo mode/)).toBeNull();
  });

  it('shows the offline badge while MegaWMS cannot be reached', async () => {
    const double = install();
    render(<App />);
    expect(screen.queryByText('Offline')).toBeNull();
    act(() => double.emit('network.changed', { online: false }));
    expect(screen.getByText('Offline')).toBeTruthy();
    act(() => double.emit('network.changed', { online: true }));
    expect(screen.queryByText('Offline')).toBeNull();
  });
});
