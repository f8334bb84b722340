// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LabelPreview } from '../../../src/renderer/components/label-preview';
import { useI18nStore } from '../../../src/renderer/i18n/i18n';
import { ScanScreen } from '../../../src/renderer/screens/scan-screen';
import { usePreviewStore } from '../../../src/renderer/stores/preview-store';
import { useScanStore } from '../../../src/renderer/stores/scan-store';
import { createStationDouble, type Handlers, until } from './station-double';
import { failedRow, foundRow, job, order, outcome, piece } from './samples';

function install(handlers: Handlers) {
  const double = createStationDouble(handlers);
  window.station = double.api;
  return double;
}

function scan(value: string, end: 'Enter' | 'Tab' = 'Enter') {
  const input = screen.getByLabelText('Scan') as HTMLInputElement;
  input.value = value;
  fireEvent.keyDown(input, { key: end });
  return input;
}

const card = () => screen.getByRole('region', { name: 'Last scan' });

beforeEach(() => {
  useScanStore.setState(useScanStore.getInitialState(), true);
  usePreviewStore.setState(usePreviewStore.getInitialState(), true);
  useI18nStore.getState().setLanguage('en');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Scan screen', () => {
  it('focuses the scan input at once, ready for the scanner', () => {
    install({});
    render(<ScanScreen />);
    expect(document.activeElement).toBe(screen.getByLabelText('Scan'));
    expect(screen.getByText('Ready to scan')).toBeTruthy();
  });

  it('prints on Enter and shows consignee, order number and piece x of n in green', async () => {
    const double = install({
      'scan.submit': ({ number }) =>
        outcome({
          rows: [
            foundRow(number, {
              pieces: [piece({ trackingNumber: number, pieceIndex: 2, pieceCount: 3 })],
            }),
          ],
          jobIds: [4],
        }),
    });
    render(<ScanScreen />);

    const input = scan('1Z999AA10123456784');
    await until(() => card().dataset.verdict === 'success', 'a green card');

    expect(input.value).toBe('');
    expect(double.callsOf('scan.submit')[0]?.number).toBe('1Z999AA10123456784');
    expect(within(card()).getByText('Maria Lopez')).toBeTruthy();
    expect(within(card()).getByText('R800001707210005')).toBeTruthy();
    expect(within(card()).getByText('Piece 2 of 3')).toBeTruthy();
    expect(within(card()).getByText('Waiting to print')).toBeTruthy();
    act(() => useScanStore.getState().noteJob(job(4, { state: 'done' })));
    expect(within(card()).getByText('Printed')).toBeTruthy();
  });

  it('treats a Tab at the end of a burst as a scan and keeps focus in the input', async () => {
    install({ 'scan.submit': ({ number }) => outcome({ rows: [foundRow(number)], jobIds: [1] }) });
    render(<ScanScreen />);
    const input = screen.getByLabelText('Scan') as HTMLInputElement;
    input.value = '1Z1';
    const tab = fireEvent.keyDown(input, { key: 'Tab' });
    expect(tab).toBe(false); // default prevented: focus does not move on
    await until(() => card().dataset.verdict === 'success', 'a green card');
    expect(document.activeElement).toBe(input);
  });

  it('shows an unknown number in red with the reason in plain words', async () => {
    install({
      'scan.submit': ({ number }) =>
        outcome({ rows: [failedRow(number, 'not-found', 'MegaWMS has no such number')] }),
    });
    render(<ScanScreen />);
    scan('NOPE42');
    await until(() => card().dataset.verdict === 'error', 'a red card');
    const alert = within(card()).getByRole('alert');
    expect(within(alert).getByText('Not found')).toBeTruthy();
    expect(within(alert).getByText('NOPE42')).toBeTruthy();
    expect(within(alert).getByText('MegaWMS has no such number')).toBeTruthy();
    expect(within(alert).getByText(/Check the number/)).toBeTruthy();
  });

  it('in Chinese, says an offline miss in Chinese alone and shows MegaWMS own words as sent', async () => {
    useI18nStore.getState().setLanguage('zh-CN');
    const english = 'Offline, not in cache: OFF1 has not been fetched on this station yet.';
    install({
      'scan.submit': ({ number }) =>
        outcome({
          rows: [
            number === 'OFF1'
              ? failedRow(number, 'offline-not-cached', english)
              : failedRow(number, 'not-found', '运单号不存在'),
          ],
        }),
    });
    render(<ScanScreen />);
    const card = () => screen.getByRole('region', { name: '最近一次扫描' });
    const input = screen.getByLabelText('扫描') as HTMLInputElement;
    input.value = 'OFF1';
    fireEvent.keyDown(input, { key: 'Enter' });
    await until(() => card().dataset.verdict === 'error', 'a red card');
    const offline = within(card()).getByRole('alert');
    expect(offline.textContent).toContain('离线，且本机没有保存');
    expect(offline.textContent).toContain('请在网络恢复后重试');
    expect(offline.textContent).not.toContain('Offline, not in cache');

    input.value = 'NOPE7';
    fireEvent.keyDown(input, { key: 'Enter' });
    await until(() => within(card()).queryByText('NOPE7') !== null, 'the second scan');
    expect(within(card()).getByRole('alert').textContent).toContain('运单号不存在');
  });

  it('warns when the label was printed before (policy warn) and says it came from the cache offline', async () => {
    install({
      'scan.submit': ({ number }) =>
        outcome({
          rows: [
            foundRow(number, {
              source: 'cache',
              offline: true,
              orders: [order({ fetchedAt: new Date().toISOString() })],
            }),
          ],
          jobIds: [2],
          duplicates: [piece({ printedAt: '2024-05-01T08:00:00.000Z' })],
        }),
    });
    render(<ScanScreen />);
    scan('1Z999AA10123456784');
    await until(() => card().dataset.verdict === 'success', 'a green card');
    expect(within(card()).getByRole('note').textContent).toMatch(/Printed before/);
    expect(
      within(card()).getByText(/MegaWMS offline: printed from the saved copy \(just now\)/),
    ).toBeTruthy();
  });

  it('asks "print again?" for a duplicate: Enter prints again, and focus returns to the input', async () => {
    const double = install({
      'scan.submit': ({ number, confirmDuplicates }) =>
        confirmDuplicates
          ? outcome({ rows: [foundRow(number)], jobIds: [8] })
          : outcome({
              rows: [foundRow(number)],
              needsConfirmation: true,
              duplicates: [piece({ printedAt: '2024-05-01T08:00:00.000Z' })],
            }),
    });
    render(<ScanScreen />);
    scan('1Z999AA10123456784');
    const dialog = await screen.findByRole('dialog', { name: 'Printed before: print again?' });
    const again = within(dialog).getByRole('button', { name: 'Print again' });
    expect(document.activeElement).toBe(again);

    fireEvent.keyDown(again, { key: 'Enter' });
    await until(() => card().dataset.verdict === 'success', 'a green card');
    expect(double.callsOf('scan.submit').map((input) => input.confirmDuplicates)).toEqual([
      false,
      true,
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Scan'));
  });

  it('skips a duplicate on Esc', async () => {
    const double = install({
      'scan.submit': ({ number }) =>
        outcome({ rows: [foundRow(number)], needsConfirmation: true, duplicates: [piece()] }),
    });
    render(<ScanScreen />);
    scan('1Z999AA10123456784');
    const dialog = await screen.findByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await until(() => card().dataset.verdict === 'skipped', 'a skipped card');
    expect(double.callsOf('scan.submit')).toHaveLength(1);
  });

  it('does not take a scanner burst typed into the dialog as the answer', async () => {
    const double = install({
      'scan.submit': ({ number }) =>
        outcome({ rows: [foundRow(number)], needsConfirmation: true, duplicates: [piece()] }),
    });
    render(<ScanScreen />);
    scan('1Z999AA10123456784');
    const dialog = await screen.findByRole('dialog');
    const button = within(dialog).getByRole('button', { name: 'Print again' });
    for (const key of '1Z2') fireEvent.keyDown(button, { key, timeStamp: 1000 });
    fireEvent.keyDown(button, { key: 'Enter', timeStamp: 1010 });
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(double.callsOf('scan.submit')).toHaveLength(1);
  });

  it('takes focus back after a click elsewhere on the screen', async () => {
    install({});
    render(<ScanScreen />);
    const input = screen.getByLabelText('Scan');
    input.blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.click(document.body);
    expect(document.activeElement).toBe(input);
  });

  it('shows the scanned label on request and gives focus back to the input when it closes', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:label');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    install({
      'scan.submit': ({ number }) => outcome({ rows: [foundRow(number)], jobIds: [1] }),
      'labels.file': ({ trackingNumber }) => ({
        trackingNumber,
        fileType: 'pdf',
        base64: btoa('%PDF'),
      }),
    });
    render(
      <>
        <ScanScreen />
        <LabelPreview />
      </>,
    );
    scan('1Z999AA10123456784');
    fireEvent.click(await within(card()).findByRole('button', { name: 'Show label' }));
    const dialog = await screen.findByRole('dialog', { name: 'Label 1Z999AA10123456784' });
    await until(
      () => document.activeElement === within(dialog).getByRole('button', { name: 'Close' }),
      'focus in the preview',
    );

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Scan'));
  });

  it('lists earlier scans with their outcome', async () => {
    install({
      'scan.submit': ({ number }) =>
        number === 'BAD'
          ? outcome({ rows: [failedRow(number, 'not-found')] })
          : outcome({ rows: [foundRow(number)], jobIds: [1] }),
    });
    render(<ScanScreen />);
    scan('BAD');
    await until(() => card().dataset.verdict === 'error', 'the first scan');
    scan('1Z1');
    await until(() => card().dataset.verdict === 'success', 'the second scan');
    const recent = screen.getByRole('region', { name: 'Earlier scans' });
    expect(within(recent).getByText('BAD')).toBeTruthy();
    expect(within(recent).getByText('Not found')).toBeTruthy();
  });
});
