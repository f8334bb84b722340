/**
 * The Batch screen: a pasted or imported list of numbers, looked up all at once with
 * progress, shown per number, and printed as one merged job in list order (or just the
 * selected rows); each row then follows its print job.
 */
import { create } from 'zustand';
import type { IpcError, JobState, JobView } from '../../shared/contract';
import { numbersFromCsv, parseNumberList } from '../lib/csv';
import { settle, station } from '../station';
import {
  type BatchRow,
  combinedJobState,
  createJobFollower,
  isPrintable,
  markPrinted,
  matchRows,
  waitingRow,
  withJobStates,
} from './batch-rows';
import { useNetworkStore } from './network-store';
import { isWaitingOnPrinter } from './queue-store';
import { useSettingsStore } from './settings-store';

interface BatchState {
  text: string;
  duplicates: number;
  rows: BatchRow[];
  phase: 'idle' | 'looking-up' | 'printing';
  progress: { done: number; total: number } | null;
  selected: ReadonlySet<number>;
  error: IpcError | null;
  /** The last print: its job ids, how many numbers went into it and where its jobs stand. */
  printed: {
    jobIds: number[];
    count: number;
    state: JobState | null;
    /** What holds the jobs up (the printer's reason), while they wait; '' otherwise. */
    holdUp: string;
  } | null;
  /** Numbers waiting for "print again?" because some were printed before. */
  confirm: { numbers: string[]; duplicates: number } | null;
  setText: (text: string) => void;
  importCsv: (text: string) => void;
  lookup: () => Promise<void>;
  print: (which: 'all' | 'selected') => Promise<void>;
  answerConfirm: (printAgain: boolean) => Promise<void>;
  toggle: (index: number) => void;
  selectAll: (on: boolean) => void;
  listen: () => () => void;
}

/** The pasted list, the lookup results and the batch print. */
export const useBatchStore = create<BatchState>()((set, get) => {
  const jobs = createJobFollower();

  async function sendPrint(numbers: string[], confirmDuplicates: boolean): Promise<void> {
    set({ phase: 'printing', progress: null, error: null, printed: null });
    const merge = useSettingsStore.getState().settings?.mergeBatches ?? true;
    const result = await settle(() =>
      station().labels.print({ numbers, merge, confirmDuplicates }),
    );
    set({ phase: 'idle', progress: null });
    if (!result.ok) return set({ error: result.error });

    const outcome = result.value;
    if (outcome.needsConfirmation) {
      return set({ confirm: { numbers, duplicates: outcome.duplicates.length } });
    }
    const rows = markPrinted(get().rows, numbers, outcome, jobs.seen);
    jobs.follow(rows);
    const state = combinedJobState(outcome.jobIds, jobs.seen);
    const holdUp = holdUpOf(outcome.jobIds, jobs.seen);
    set({ rows, printed: { jobIds: outcome.jobIds, count: numbers.length, state, holdUp } });
  }

  /** A job moved: the rows it holds and the print summary take its new state. */
  function onJobChanged(job: JobView): void {
    const indexes = jobs.hear(job, get().phase === 'printing');
    if (indexes.length === 0) return;
    const { rows, printed } = get();
    const state = printed ? combinedJobState(printed.jobIds, jobs.seen) : null;
    const holdUp = printed ? holdUpOf(printed.jobIds, jobs.seen) : '';
    set({
      rows: withJobStates(rows, indexes, jobs.seen),
      printed: printed && { ...printed, state, holdUp },
    });
  }

  function onProgress({ task, done, total }: { task: string; done: number; total: number }) {
    // Inventory pages report under their own task; everything else while busy is ours.
    if (get().phase === 'idle' || task.startsWith('inventory')) return;
    set({ progress: { done, total } });
  }

  return {
    text: '',
    duplicates: 0,
    rows: [],
    phase: 'idle',
    progress: null,
    selected: new Set(),
    error: null,
    printed: null,
    confirm: null,

    setText: (text) => set({ text }),

    importCsv: (csv) => set({ text: numbersFromCsv(csv).join('\n') }),

    lookup: async () => {
      const { numbers, duplicates } = parseNumberList(get().text);
      if (numbers.length === 0 || get().phase !== 'idle') return;
      const rows = numbers.map(waitingRow);
      jobs.reset();
      set({ rows, duplicates, selected: new Set(), printed: null, error: null });
      set({ phase: 'looking-up', progress: { done: 0, total: numbers.length } });

      const result = await settle(() => station().labels.lookup({ numbers }));
      set({ phase: 'idle', progress: null });
      if (!result.ok) return set({ error: result.error });
      useNetworkStore.getState().noteResults(result.value);
      set({ rows: matchRows(rows, result.value) });
    },

    print: async (which) => {
      if (get().phase !== 'idle') return;
      const { rows, selected } = get();
      const chosen = rows.filter(
        (row) => isPrintable(row) && (which === 'all' || selected.has(row.index)),
      );
      if (chosen.length > 0)
        await sendPrint(
          chosen.map((row) => row.query),
          false,
        );
    },

    answerConfirm: async (printAgain) => {
      const pending = get().confirm;
      set({ confirm: null });
      if (pending && printAgain) await sendPrint(pending.numbers, true);
    },

    toggle: (index) => {
      const selected = new Set(get().selected);
      if (selected.has(index)) selected.delete(index);
      else selected.add(index);
      set({ selected });
    },

    selectAll: (on) => {
      const printable = get().rows.filter(isPrintable);
      set({ selected: on ? new Set(printable.map((row) => row.index)) : new Set() });
    },

    listen: () => {
      const stops = [
        station().on('progress', onProgress),
        station().on('job.changed', onJobChanged),
      ];
      return () => stops.forEach((stop) => stop());
    },
  };
});

/** The reason the first of the jobs that waits on its printer gives, or ''. */
function holdUpOf(jobIds: number[], seen: ReadonlyMap<number, JobView>): string {
  for (const id of jobIds) {
    const job = seen.get(id);
    if (job && isWaitingOnPrinter(job)) return job.reason ?? '';
  }
  return '';
}
