// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useI18nStore } from '../../../src/renderer/i18n/i18n';
import { SettingsScreen } from '../../../src/renderer/screens/settings-screen';
import { PRINTER_REFRESH_MS, useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { createStationDouble, type Handlers, until } from './station-double';
import { settings } from './samples';

function install(over: Handlers = {}) {
  let saved = settings({ hasApiKey: true, hasTrackKey: false });
  const double = createStationDouble({
    'settings.get': () => saved,
    'app.info': () => ({ version: '0.1.0', demo: false, platform: 'linux', dataDir: '/tmp/x' }),
    'settings.update': (patch) => (saved = { ...saved, ...patch }),
    'settings.setSecrets': (secrets) =>
      (saved = { ...saved, hasTrackKey: saved.hasTrackKey || Boolean(secrets.trackKey) }),
    'printers.list': () => [
      { name: 'ls-label', isDefault: true, state: 'idle', accepting: true, reasons: [] },
      {
        name: 'office',
        isDefault: false,
        state: 'stopped',
        accepting: false,
        reasons: [{ code: 'paused', words: 'paused' }],
      },
    ],
    ...over,
  });
  window.station = double.api;
  return double;
}

beforeEach(() => {
  useSettingsStore.setState(useSettingsStore.getInitialState(), true);
  useQueueStore.setState(useQueueStore.getInitialState(), true);
  useI18nStore.getState().setLanguage('en');
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Settings screen', () => {
  it('never shows a stored key: password fields stay empty and only say set / not set', async () => {
    install();
    render(<SettingsScreen />);
    const apiKey = (await screen.findByLabelText('API key')) as HTMLInputElement;
    const trackKey = screen.getByLabelText('Tracking key') as HTMLInputElement;
    expect(apiKey.type).toBe('password');
    expect(apiKey.value).toBe('');
    expect(apiKey.placeholder).toBe('set — type a new key to replace it');
    expect(screen.getByText('Set. Stored encrypted; it is never shown.')).toBeTruthy();
    expect(trackKey.placeholder).toBe('not set');
  });

  it('saves a new tracking key through setSecrets only, then clears the field', async () => {
    const double = install();
    render(<SettingsScreen />);
    const trackKey = (await screen.findByLabelText('Tracking key')) as HTMLInputElement;
    fireEvent.change(trackKey, { target: { value: ' ebe4c0d9-key ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));

    await until(() => double.callsOf('settings.setSecrets').length === 1, 'the key to be saved');
    expect(double.callsOf('settings.setSecrets')[0]).toEqual({ trackKey: 'ebe4c0d9-key' });
    expect(JSON.stringify(double.callsOf('settings.update'))).not.toContain('ebe4c0d9');
    await until(() => trackKey.value === '', 'the field to be cleared');
    expect(trackKey.placeholder).toBe('set — type a new key to replace it');
  });

  it('warns when the server address is plain http', async () => {
    install();
    render(<SettingsScreen />);
    const address = (await screen.findByLabelText('MegaWMS server address')) as HTMLInputElement;
    expect(screen.getByRole('note').textContent).toMatch(
      /Plain http: the API key travels unencrypted/,
    );
    fireEvent.change(address, { target: { value: 'https://my.megawms.com' } });
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('offers the printers from printers.list and saves the chosen ones with the other settings', async () => {
    const double = install();
    render(<SettingsScreen />);
    const printer = (await screen.findByLabelText('Label printer')) as HTMLSelectElement;
    await until(() => printer.options.length === 3, 'the printers to load');
    fireEvent.change(printer, { target: { value: 'office' } });
    fireEvent.change(screen.getByLabelText('When a label was printed before'), {
      target: { value: 'ask' },
    });
    fireEvent.click(screen.getByLabelText('Sounds'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await until(() => double.callsOf('settings.update').length === 1, 'the save');
    expect(double.callsOf('settings.update')[0]).toMatchObject({
      labelPrinter: 'office',
      duplicatePolicy: 'ask',
      sounds: false,
      copies: 1,
      retentionDays: 90,
    });
    await screen.findByText('Saved.');
  });

  it('offers a saved printer that is not connected once, even as label and document printer', async () => {
    install({
      'settings.get': () => settings({ labelPrinter: 'gone', documentPrinter: 'gone' }),
    });
    render(<SettingsScreen />);
    const printer = (await screen.findByLabelText('Label printer')) as HTMLSelectElement;
    await until(() => printer.options.length === 4, 'the printers to load');
    const labels = [...printer.options].map((option) => option.textContent);
    expect(labels.filter((label) => label?.includes('gone'))).toEqual(['gone (not connected)']);
    expect(printer.value).toBe('gone');
  });

  it('says why the printers could not be listed, and lists them at the next refresh', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let calls = 0;
    install({
      'printers.list': () =>
        ++calls === 1
          ? { error: { code: 'printer-problem', message: 'CUPS did not answer within 15 s.' } }
          : [{ name: 'ls-label', isDefault: true, state: 'idle', accepting: true, reasons: [] }],
    });
    render(<SettingsScreen />);
    await screen.findByText('CUPS did not answer within 15 s.', { exact: false });
    const printer = screen.getByLabelText('Label printer') as HTMLSelectElement;
    expect([...printer.options].map((option) => option.textContent)).toContain(
      'ls-label (not connected)',
    );

    await vi.advanceTimersByTimeAsync(PRINTER_REFRESH_MS);
    await until(() => calls === 2 && printer.options.length === 2, 'the second listing');
    expect([...printer.options].map((option) => option.textContent)).toEqual([
      'System default',
      'ls-label',
    ]);
    expect(screen.queryByText('CUPS did not answer within 15 s.', { exact: false })).toBeNull();
  });

  it('refuses a retention outside 1–3650 days before saving', async () => {
    const double = install();
    render(<SettingsScreen />);
    fireEvent.change(await screen.findByLabelText('Keep history (days)'), {
      target: { value: '0' },
    });
    expect(screen.getByText('Not accepted: check the value')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Save settings' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(double.callsOf('settings.update')).toHaveLength(0);
  });

  it('switches the language at once from its select', async () => {
    const double = install();
    render(<SettingsScreen />);
    fireEvent.change(await screen.findByLabelText('Language'), { target: { value: 'zh-CN' } });
    await screen.findByRole('heading', { level: 1, name: '设置' });
    expect(double.callsOf('settings.update')).toEqual([{ language: 'zh-CN' }]);
  });
});
