// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { useBatchStore } from '../../../src/renderer/stores/batch-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { createStationDouble, type Handlers, until } from './station-double';
import { failedRow, foundRow, job, outcome, piece, settings } from './samples';

function install(handlers: Handlers) {
  const double = createStationDouble(handlers);
  window.station = double.api;
  return double;
}

const numbers = (count: number) =>
  Array.from({ length: count }, (_, i) => `1Z${String(i).padStart(6, '0')}`);

beforeEach(() => {
  useBatchStore.setState(useBatchStore.getInitialState(), true);
  useSettingsStore.setState({ ...useSettingsStore.getInitialState(), settings: settings() }, true);
});

describe('batch store', () => {
  it('looks up every pasted number once, in list order, and shows each row', async () => {
    const double = install({
      'labels.lookup': ({ numbers: list }) =>
        list.map((n) => (n === 'BAD9' ? failedRow(n, 'not-found', 'unknown') : foundRow(n))),
    });
    useBatchStore.getState().setText('1Z1, 1Z2\nBAD9  1Z1\t1Z3');

    await useBatchStore.getState().lookup();

    expect(double.callsOf('labels.lookup')).toEqual([{ numbers: ['1Z1', '1Z2', 'BAD9', '1Z3'] }]);
    const { rows, duplicates } = useBatchStore.getState();
    expect(duplicates).toBe(1);
    expect(rows.map((row) => [row.query, row.state])).toEqual([
      ['1Z1', 'found'],
      ['1Z2', 'found'],
      ['BAD9', 'failed'],
      ['1Z3', 'found'],
    ]);
    expect(rows[2]).toMatchObject({ failureCode: 'not-found', failureMessage: 'unknown' });
    expect(rows[0]).toMatchObject({
      orderNo: 'R800001707210005',
      consignee: 'Maria Lopez',
      pieces: 1,
    });
  });

  it('shows progress events while the lookup runs and ignores inventory progress', async () => {
    let finish: (() => void) | null = null;
    const double = install({
      'labels.lookup': async ({ numbers: list }) => {
        await new Promise<void>((resolve) => (finish = resolve));
        return list.map((n) => foundRow(n));
      },
    });
    const stop = useBatchStore.getState().listen();
    useBatchStore.getState().setText(numbers(300).join('\n'));

    const running = useBatchStore.getState().lookup();
    await until(() => finish !== null, 'the lookup to start');
    double.emit('progress', { task: 'labels.lookup', done: 100, total: 300 });
    expect(useBatchStore.getState().progress).toEqual({ done: 100, total: 300 });
    double.emit('progress', { task: 'inventory.fetch', done: 1, total: 9 });
    expect(useBatchStore.getState().progress).toEqual({ done: 100, total: 300 });

    finish!();
    await running;
    expect(useBatchStore.getState().progress).toBeNull();
    stop();
  });

  it('prints every found row as one merged job in list order, leaving the failed ones out', async () => {
    const double = install({
      'labels.lookup': ({ numbers: list }) =>
        list.map((n) => (n === 'X' ? failedRow(n, 'not-found') : foundRow(n))),
      'labels.print': ({ numbers: list }) =>
        outcome({
          rows: list.map((n) => foundRow(n)),
          jobIds: [88],
          rowJobIds: list.map(() => [88]),
        }),
    });
    useBatchStore.getState().setText('C\nX\nA\nB');
    await useBatchStore.getState().lookup();

    await useBatchStore.getState().print('all');

    expect(double.callsOf('labels.print')).toEqual([
      { numbers: ['C', 'A', 'B'], merge: true, confirmDuplicates: false },
    ]);
    expect(useBatchStore.getState().rows.map((row) => row.state)).toEqual([
      'queued',
      'failed',
      'queued',
      'queued',
    ]);
    expect(useBatchStore.getState().printed).toEqual({
      jobIds: [88],
      count: 3,
      state: null,
      holdUp: '',
    });
  });

  it('moves each printed row and the summary with its job, as job.changed events arrive', async () => {
    const double = install({
      'labels.lookup': ({ numbers: list }) => list.map((n) => foundRow(n)),
      'labels.print': ({ numbers: list }) => {
        // The queue announces the job before the print call answers.
        double.emit('job.changed', job(41, { pieces: list }));
        double.emit('job.changed', job(40, { pieces: ['OTHER'] }));
        return outcome({
          rows: list.map((n) => foundRow(n)),
          jobIds: [41],
          rowJobIds: list.map(() => [41]),
        });
      },
    });
    const stop = useBatchStore.getState().listen();
    useBatchStore.getState().setText('A B');
    await useBatchStore.getState().lookup();
    const states = () => useBatchStore.getState().rows.map((row) => row.jobState);

    await useBatchStore.getState().print('all');
    expect(states()).toEqual(['queued', 'queued']);
    expect(useBatchStore.getState().printed?.state).toBe('queued');

    double.emit('job.changed', job(41, { state: 'sent', pieces: ['A', 'B'] }));
    expect(states()).toEqual(['sent', 'sent']);
    double.emit('job.changed', job(40, { state: 'failed', pieces: ['OTHER'] }));
    expect(states()).toEqual(['sent', 'sent']);
    double.emit('job.changed', job(41, { state: 'done', pieces: ['A', 'B'] }));
    expect(states()).toEqual(['done', 'done']);
    expect(useBatchStore.getState().printed?.state).toBe('done');
    stop();
  });

  it('links each row to its own job when the labels print as separate jobs', async () => {
    const double = install({
      'labels.lookup': ({ numbers: list }) => list.map((n) => foundRow(n)),
      // No job.changed event comes before the answer: the answer itself names each row's job.
      'labels.print': ({ numbers: list }) =>
        outcome({
          rows: list.map((n) => foundRow(n)),
          jobIds: [50, 51],
          rowJobIds: list.map((_, i) => [50 + i]),
        }),
    });
    const stop = useBatchStore.getState().listen();
    useBatchStore.getState().setText('A B');
    await useBatchStore.getState().lookup();
    await useBatchStore.getState().print('all');
    expect(useBatchStore.getState().rows.map((row) => row.jobIds)).toEqual([[50], [51]]);

    double.emit('job.changed', job(50, { state: 'done', pieces: ['A'] }));
    double.emit('job.changed', job(51, { state: 'failed', pieces: ['B'] }));
    const rows = useBatchStore.getState().rows;
    expect(rows.map((row) => [row.jobIds, row.jobState])).toEqual([
      [[50], 'done'],
      [[51], 'failed'],
    ]);
    // Any failed job is what the summary must say first.
    expect(useBatchStore.getState().printed?.state).toBe('failed');
    stop();
  });

  it('says what holds the batch up while the printer waits, and stops once it prints', async () => {
    const double = install({
      'labels.lookup': ({ numbers: list }) => list.map((n) => foundRow(n)),
      'labels.print': ({ numbers: list }) =>
        outcome({
          rows: list.map((n) => foundRow(n)),
          jobIds: [60],
          rowJobIds: list.map(() => [60]),
        }),
    });
    const stop = useBatchStore.getState().listen();
    useBatchStore.getState().setText('A B');
    await useBatchStore.getState().lookup();
    await useBatchStore.getState().print('all');

    const reason = 'Waiting for the printer: out of labels';
    double.emit('job.changed', job(60, { state: 'sent', reason, pieces: ['A', 'B'] }));
    expect(useBatchStore.getState().printed).toMatchObject({ state: 'sent', holdUp: reason });
    double.emit('job.changed', job(60, { state: 'done', reason: '', pieces: ['A', 'B'] }));
    expect(useBatchStore.getState().printed).toMatchObject({ state: 'done', holdUp: '' });
    stop();
  });

  it('prints only the selected rows, still in list order', async () => {
    const double = install({
      'labels.lookup': ({ numbers: list }) => list.map((n) => foundRow(n)),
      'labels.print': ({ numbers: list }) =>
        outcome({
          rows: list.map((n) => foundRow(n)),
          jobIds: [2],
          rowJobIds: list.map(() => [2]),
        }),
    });
    useBatchStore.getState().setText('A B C D');
    await useBatchStore.getState().lookup();
    useBatchStore.getState().toggle(3);
    useBatchStore.getState().toggle(1);

    await useBatchStore.getState().print('selected');

    expect(double.callsOf('labels.print')[0]?.numbers).toEqual(['B', 'D']);
  });

  it('asks before reprinting labels printed before, and prints them only on yes', async () => {
    const double = install({
      'labels.lookup': ({ numbers: list }) => list.map((n) => foundRow(n)),
      'labels.print': ({ numbers: list, confirmDuplicates }) =>
        confirmDuplicates
          ? outcome({ rows: list.map((n) => foundRow(n)), jobIds: [9] })
          : outcome({ duplicates: [piece()], needsConfirmation: true }),
    });
    useBatchStore.getState().setText('A B');
    await useBatchStore.getState().lookup();

    await useBatchStore.getState().print('all');
    expect(useBatchStore.getState().confirm).toEqual({ numbers: ['A', 'B'], duplicates: 1 });

    await useBatchStore.getState().answerConfirm(true);
    expect(double.callsOf('labels.print').map((input) => input.confirmDuplicates)).toEqual([
      false,
      true,
    ]);
    expect(useBatchStore.getState().printed?.jobIds).toEqual([9]);
  });

  it('imports the first column of a CSV file, header skipped', () => {
    install({});
    useBatchStore.getState().importCsv('tracking,weight\r\n"1Z1",2\r\n1Z2,3\r\n');
    expect(useBatchStore.getState().text).toBe('1Z1\n1Z2');
  });

  it('keeps the rows and shows the error when the lookup call itself fails', async () => {
    install({
      'labels.lookup': () => ({ error: { code: 'unexpected', message: 'Database is locked' } }),
    });
    useBatchStore.getState().setText('A');
    await useBatchStore.getState().lookup();
    expect(useBatchStore.getState().error?.message).toBe('Database is locked');
    expect(useBatchStore.getState().phase).toBe('idle');
  });
});
