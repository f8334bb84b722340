// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useI18nStore } from '../../../src/renderer/i18n/i18n';
import { BatchScreen } from '../../../src/renderer/screens/batch-screen';
import { useBatchStore } from '../../../src/renderer/stores/batch-store';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { withScrollBoxHeight } from './layout';
import { createStationDouble, type Handlers, until } from './station-double';
import { failedRow, foundRow, order, outcome } from './samples';

withScrollBoxHeight();

function install(handlers: Handlers) {
  const double = createStationDouble(handlers);
  window.station = double.api;
  return double;
}

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

beforeEach(() => {
  useBatchStore.setState(useBatchStore.getInitialState(), true);
  useQueueStore.setState(useQueueStore.getInitialState(), true);
  useI18nStore.getState().setLanguage('en');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const lookup = (list: string[]) =>
  list.map((n) =>
    n.startsWith('BAD')
      ? failedRow(n, 'not-found', 'Unknown, "really"')
      : foundRow(n, { orders: [order({ consigneeName: 'Wang, Li' })] }),
  );

describe('Batch screen', () => {
  it('counts pasted numbers, looks them up and shows a row per number', async () => {
    install({ 'labels.lookup': ({ numbers }) => lookup(numbers) });
    render(<BatchScreen />);
    fireEvent.change(screen.getByLabelText(/^Numbers/), { target: { value: '1Z1\n1Z2\nBAD3' } });
    expect(screen.getByText('3 numbers')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Look up all' }));

    const table = screen.getByRole('table', { name: 'Batch results' });
    await within(table).findByText('BAD3');
    expect(screen.getByText(/2 of 3 found, 1 with problems/)).toBeTruthy();
    expect(within(table).getByText(/Not found — Unknown/)).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Print all (2)' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    expect(
      (screen.getByRole('checkbox', { name: 'Select BAD3' }) as HTMLInputElement).disabled,
    ).toBe(true);
  });

  it('prints the selection through the checkboxes', async () => {
    const double = install({
      'labels.lookup': ({ numbers }) => lookup(numbers),
      'labels.print': ({ numbers }) => outcome({ rows: lookup(numbers), jobIds: [5] }),
    });
    render(<BatchScreen />);
    fireEvent.change(screen.getByLabelText(/^Numbers/), { target: { value: '1Z1 1Z2 1Z3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up all' }));
    await screen.findByRole('checkbox', { name: 'Select 1Z3' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select 1Z3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Print selected (1)' }));
    await until(() => double.callsOf('labels.print').length === 1, 'the print');
    expect(double.callsOf('labels.print')[0]?.numbers).toEqual(['1Z3']);
    await screen.findByText(/1 labels sent as print job #5/);
  });

  it('exports the results as CSV with quoted fields', async () => {
    install({ 'labels.lookup': ({ numbers }) => lookup(numbers) });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:export';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    render(<BatchScreen />);
    fireEvent.change(screen.getByLabelText(/^Numbers/), { target: { value: '1Z1\nBAD2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up all' }));
    await screen.findByText('BAD2');

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(click).toHaveBeenCalledOnce();
    const csv = (await readText(blobs[0]!)).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')).toEqual([
      'Number,Order number,Tracking number,Recipient,Pieces,MegaWMS status,Result,Error code,Problem',
      '1Z1,R800001707210005,1Z999AA10123456784,"Wang, Li",1,待处理,Found,,',
      'BAD2,,,,,,Problem,not-found,"Unknown, ""really"""',
      '',
    ]);
  });
});
