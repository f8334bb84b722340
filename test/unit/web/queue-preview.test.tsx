// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LabelPreview } from '../../../src/renderer/components/label-preview';
import { useI18nStore } from '../../../src/renderer/i18n/i18n';
import { QueueScreen } from '../../../src/renderer/screens/queue-screen';
import { usePreviewStore } from '../../../src/renderer/stores/preview-store';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { withScrollBoxHeight } from './layout';
import { createStationDouble, type Handlers, until } from './station-double';
import { job } from './samples';

withScrollBoxHeight();

function install(handlers: Handlers) {
  const double = createStationDouble(handlers);
  window.station = double.api;
  return double;
}

beforeEach(() => {
  useQueueStore.setState(useQueueStore.getInitialState(), true);
  usePreviewStore.setState(usePreviewStore.getInitialState(), true);
  useI18nStore.getState().setLanguage('en');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Print queue', () => {
  it('says a printer reason in Chinese when the language is Chinese', async () => {
    useI18nStore.getState().setLanguage('zh-CN');
    install({
      'printers.list': () => [
        {
          name: 'ls-label',
          isDefault: true,
          state: 'stopped',
          accepting: true,
          reasons: [
            { code: 'media-empty', words: 'out of labels' },
            { code: 'cover-open', words: 'cover open' },
          ],
        },
      ],
      'queue.list': () => [],
    });
    render(<QueueScreen />);
    await screen.findByText('ls-label');
    expect(screen.getByText('面单用完了, 机盖打开')).toBeTruthy();
  });

  it('shows printers with state and reasons, jobs with state and reason, and acts on a job', async () => {
    const double = install({
      'printers.list': () => [
        {
          name: 'ls-label',
          isDefault: true,
          state: 'stopped',
          accepting: false,
          reasons: [
            { code: 'media-empty', words: 'out of labels' },
            { code: 'cups-odd-state', words: 'odd state' },
          ],
        },
      ],
      'queue.list': () => [
        job(1, { state: 'done' }),
        job(2, { state: 'failed', reason: 'Printer out of labels' }),
        job(3, { state: 'queued' }),
      ],
      'queue.resume': ({ jobId }) => job(jobId, { state: 'queued' }),
    });
    const stop = useQueueStore.getState().listen();
    render(<QueueScreen />);

    const printers = await screen.findByRole('region', { name: 'Printers' });
    await within(printers).findByText('ls-label');
    expect(within(printers).getByText('Stopped')).toBeTruthy();
    // Known keywords in the worker's language; others in main's words.
    expect(within(printers).getByText('out of labels, odd state')).toBeTruthy();
    expect(within(printers).getByText('not accepting jobs')).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Print jobs' });
    await within(table).findByText('Printer out of labels');
    expect(screen.getByText(/1 print jobs are unfinished/)).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Resume job 1' })).toBeNull();

    fireEvent.click(within(table).getByRole('button', { name: 'Resume job 2' }));
    await until(() => double.callsOf('queue.resume').length === 1, 'the resume');
    expect(double.callsOf('queue.resume')).toEqual([{ jobId: 2 }]);

    act(() => double.emit('job.changed', job(2, { state: 'done' })));
    const row = within(table).getByText('#2').closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('Printed')).toBeTruthy();
    stop();
  });
});

// jsdom's Blob has no text(); its FileReader reads it.
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('Label preview', () => {
  it('shows the label from its PDF bytes in a blob: frame and frees the blob when closed', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:http://127.0.0.1/label-1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    install({
      'labels.file': ({ trackingNumber }) => ({
        trackingNumber,
        fileType: 'pdf',
        base64: btoa('%PDF-1.7 label'),
      }),
    });
    render(<LabelPreview />);

    await act(() => usePreviewStore.getState().open('1Z999AA10123456784'));
    const dialog = screen.getByRole('dialog', { name: 'Label 1Z999AA10123456784' });
    const frame = within(dialog).getByTitle('Label PDF of 1Z999AA10123456784') as HTMLIFrameElement;
    expect(frame.src.split('#')[0]).toBe('blob:http://127.0.0.1/label-1');
    expect(created[0]?.type).toBe('application/pdf');
    expect(await readText(created[0]!)).toBe('%PDF-1.7 label');

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(revoke).toHaveBeenCalledWith('blob:http://127.0.0.1/label-1');
  });

  it('says why when the label file cannot be had', async () => {
    install({
      'labels.file': () => ({
        error: { code: 'no-label-file', message: 'MegaWMS has no file for this label.' },
      }),
    });
    render(<LabelPreview />);
    await act(() => usePreviewStore.getState().open('1Z1'));
    expect(screen.getByRole('alert').textContent).toContain('MegaWMS has no file for this label.');
  });
});
