// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNetworkStore } from '../../../src/renderer/stores/network-store';
import { useScanStore, verdictOf } from '../../../src/renderer/stores/scan-store';
import { setSoundsEnabled } from '../../../src/renderer/sounds/play-sound';
import { createStationDouble, type Handlers, until } from './station-double';
import { failedRow, foundRow, job, outcome, piece } from './samples';

function install(handlers: Handlers) {
  const double = createStationDouble(handlers);
  window.station = double.api;
  return double;
}

const sounds = () => ({
  last: document.body.dataset.lastSound,
  count: Number(document.body.dataset.soundCount ?? '0'),
});

const latest = () => useScanStore.getState().entries[0];

beforeEach(() => {
  useScanStore.setState(useScanStore.getInitialState(), true);
  useNetworkStore.setState(useNetworkStore.getInitialState(), true);
  delete document.body.dataset.lastSound;
  delete document.body.dataset.soundCount;
  setSoundsEnabled(true);
});

afterEach(() => {
  setSoundsEnabled(true);
});

describe('scan store', () => {
  it('submits the trimmed number and plays the success tone when a label is queued', async () => {
    const double = install({
      'scan.submit': ({ number }) => outcome({ rows: [foundRow(number)], jobIds: [7] }),
    });

    useScanStore.getState().submit('  1Z999AA10123456784 \n');
    await until(() => latest()?.status === 'queued', 'the scan to be queued');

    expect(double.callsOf('scan.submit')).toEqual([
      { number: '1Z999AA10123456784', confirmDuplicates: false },
    ]);
    expect(latest()?.jobIds).toEqual([7]);
    expect(sounds()).toEqual({ last: 'success', count: 1 });
  });

  it('ignores an empty scan (a stray Enter)', async () => {
    const double = install({});
    useScanStore.getState().submit('   ');
    expect(double.calls).toHaveLength(0);
    expect(useScanStore.getState().entries).toHaveLength(0);
  });

  it('names the failure and plays the error tone for an unknown number', async () => {
    install({
      'scan.submit': ({ number }) =>
        outcome({ rows: [failedRow(number, 'not-found', 'No such order')] }),
    });

    useScanStore.getState().submit('NOPE123');
    await until(() => latest()?.status === 'failed', 'the scan to fail');

    expect(latest()?.failure).toEqual({ code: 'not-found', message: 'No such order' });
    expect(sounds()).toEqual({ last: 'error', count: 1 });
  });

  it('turns an IPC error into a failed scan with the error code', async () => {
    install({
      'scan.submit': () => ({ error: { code: 'printer-missing', message: 'No printer chosen' } }),
    });
    useScanStore.getState().submit('1Z1');
    await until(() => latest()?.status === 'failed', 'the scan to fail');
    expect(latest()?.failure?.code).toBe('printer-missing');
    expect(sounds().last).toBe('error');
  });

  it('handles scans one after another in scan order, even when they arrive in a burst', async () => {
    const order: string[] = [];
    let release: (() => void) | null = null;
    install({
      'scan.submit': async ({ number }) => {
        order.push(`start ${number}`);
        if (number === 'A1') await new Promise<void>((resolve) => (release = resolve));
        order.push(`end ${number}`);
        return outcome({ rows: [foundRow(number)], jobIds: [order.length] });
      },
    });

    useScanStore.getState().submit('A1');
    useScanStore.getState().submit('B2');
    useScanStore.getState().submit('C3');
    await until(() => release !== null, 'the first lookup to start');
    expect(useScanStore.getState().waiting).toEqual(['B2', 'C3']);
    release!();
    await until(
      () =>
        useScanStore.getState().entries.every((e) => e.status === 'queued') &&
        useScanStore.getState().entries.length === 3,
      'all three scans',
    );

    expect(order).toEqual(['start A1', 'end A1', 'start B2', 'end B2', 'start C3', 'end C3']);
    expect(useScanStore.getState().entries.map((entry) => entry.number)).toEqual([
      'C3',
      'B2',
      'A1',
    ]);
  });

  it('asks before printing a duplicate and prints it again only when confirmed', async () => {
    const printedBefore = piece({ printedAt: '2024-05-01T08:00:00.000Z' });
    const double = install({
      'scan.submit': ({ number, confirmDuplicates }) =>
        confirmDuplicates
          ? outcome({ rows: [foundRow(number)], jobIds: [12], duplicates: [printedBefore] })
          : outcome({
              rows: [foundRow(number)],
              duplicates: [printedBefore],
              needsConfirmation: true,
            }),
    });

    useScanStore.getState().submit('1Z999AA10123456784');
    await until(() => useScanStore.getState().confirmId !== null, 'the confirmation');
    expect(latest()?.status).toBe('confirm');
    expect(sounds().last).toBe('warning');

    await useScanStore.getState().answerConfirm(true);
    expect(double.callsOf('scan.submit').map((input) => input.confirmDuplicates)).toEqual([
      false,
      true,
    ]);
    expect(latest()?.status).toBe('queued');
    expect(latest()?.duplicates).toEqual([printedBefore]);
  });

  it('skips a duplicate on "no" and lets the scans waiting behind it go on', async () => {
    install({
      'scan.submit': ({ number }) =>
        number === 'DUP'
          ? outcome({ rows: [foundRow(number)], needsConfirmation: true, duplicates: [piece()] })
          : outcome({ rows: [foundRow(number)], jobIds: [3] }),
    });

    useScanStore.getState().submit('DUP');
    await until(() => useScanStore.getState().confirmId !== null, 'the confirmation');
    useScanStore.getState().submit('NEXT');
    expect(useScanStore.getState().waiting).toEqual(['NEXT']);

    await useScanStore.getState().answerConfirm(false);
    await until(
      () => latest()?.number === 'NEXT' && latest()?.status === 'queued',
      'the next scan',
    );
    expect(useScanStore.getState().entries[1]?.status).toBe('skipped');
  });

  it('follows the print job: success while it moves, error with the printer reason when it fails', async () => {
    const double = install({
      'scan.submit': ({ number }) => outcome({ rows: [foundRow(number)], jobIds: [41] }),
    });
    const stop = useScanStore.getState().listen();

    useScanStore.getState().submit('1Z999AA10123456784');
    await until(() => latest()?.status === 'queued', 'the scan to be queued');
    double.emit('job.changed', job(41, { state: 'sent' }));
    expect(verdictOf(latest()!, useScanStore.getState().jobs)).toEqual({
      kind: 'success',
      jobState: 'sent',
    });

    double.emit('job.changed', job(41, { state: 'failed', reason: 'out of labels' }));
    expect(verdictOf(latest()!, useScanStore.getState().jobs)).toEqual({
      kind: 'error',
      failure: { code: 'printer-problem', message: 'out of labels' },
    });
    expect(sounds()).toEqual({ last: 'error', count: 2 });
    stop();
    expect(double.listenerCount('job.changed')).toBe(0);
  });

  it('turns red once while the printer holds the job up, and green with a tone when it prints', async () => {
    const double = install({
      'scan.submit': ({ number }) => outcome({ rows: [foundRow(number)], jobIds: [42] }),
    });
    const stop = useScanStore.getState().listen();
    useScanStore.getState().submit('1Z999AA10123456784');
    await until(() => latest()?.status === 'queued', 'the scan to be queued');
    expect(sounds()).toEqual({ last: 'success', count: 1 });

    const held = 'Waiting for the printer: out of labels';
    double.emit('job.changed', job(42, { state: 'sent', reason: held }));
    double.emit('job.changed', job(42, { state: 'sent', reason: `${held}, cover open` }));
    expect(verdictOf(latest()!, useScanStore.getState().jobs)).toEqual({
      kind: 'error',
      failure: { code: 'printer-waiting', message: `${held}, cover open` },
    });
    expect(sounds()).toEqual({ last: 'error', count: 2 });

    double.emit('job.changed', job(42, { state: 'sent', reason: '' }));
    expect(verdictOf(latest()!, useScanStore.getState().jobs)).toMatchObject({ kind: 'success' });
    double.emit('job.changed', job(42, { state: 'done', reason: '' }));
    expect(sounds()).toEqual({ last: 'success', count: 3 });
    stop();
  });

  it('marks MegaWMS offline when a label came from the cache without the network', async () => {
    install({
      'scan.submit': ({ number }) =>
        outcome({ rows: [foundRow(number, { source: 'cache', offline: true })], jobIds: [5] }),
    });
    useScanStore.getState().submit('1Z999AA10123456784');
    await until(() => latest()?.status === 'queued', 'the scan to be queued');
    expect(useNetworkStore.getState().online).toBe(false);
  });

  it('records no tone when sounds are switched off', async () => {
    install({ 'scan.submit': ({ number }) => outcome({ rows: [foundRow(number)], jobIds: [1] }) });
    setSoundsEnabled(false);
    useScanStore.getState().submit('1Z1');
    await until(() => latest()?.status === 'queued', 'the scan to be queued');
    expect(sounds().count).toBe(0);
  });
});
