/**
 * The Batch screen: a pasted or imported list of numbers, looked up all at once with
 * progress, shown per number, and printed as one merged job in list order (or just the
 * selected rows).
 */
import { create } from 'zustand';
import type { IpcError, LookupRow, PrintOutcome } from '../../shared/contract';
import { numbersFromCsv, parseNumberList } from '../lib/csv';
import { settle, station } from '../station';
import { useNetworkStore } from './network-store';
import { useSettingsStore } from './settings-store';

/** Where one number of the batch stands. */
export type BatchRowState = 'waiting' | 'found' | 'failed' | 'queued';

/** One number of the batch, as the results table shows it. */
export interface BatchRow {
  index: number;
  query: string;
  state: BatchRowState;
  orderNo: string;
  trackingNumber: string;
  consignee: string;
  pieces: number | null;
  statusText: string;
  offline: boolean;
  failureCode: string | null;
  failureMessage: string;
  jobId: number | null;
}

interface BatchState {
  text: string;
  duplicates: number;
  rows: BatchRow[];
  phase: 'idle' | 'looking-up' | 'printing';
  progress: { done: number; total: number } | null;
  selected: ReadonlySet<number>;
  error: IpcError | null;
  /** The last print: its job ids and how many numbers went into it. */
  printed: { jobIds: number[]; count: number } | null;
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

function waitingRow(query: string, index: number): BatchRow {
  return {
    index,
    query,
    state: 'waiting',
    orderNo: '',
    trackingNumber: '',
    consignee: '',
    pieces: null,
    statusText: '',
    offline: false,
    failureCode: null,
    failureMessage: '',
    jobId: null,
  };
}

/** A table row from the lookup row of the same number. */
export function rowFromLookup(base: BatchRow, found: LookupRow | undefined): BatchRow {
  if (!found) return { ...base, state: 'failed', failureCode: 'unexpected' };
  const order = found.orders[0];
  const pieceCount = order?.pieceCount ?? (found.pieces.length || null);
  return {
    ...base,
    state: found.ok ? 'found' : 'failed',
    orderNo: order?.orderNo ?? found.pieces[0]?.orderNo ?? '',
    trackingNumber: order?.trackingNumber ?? found.pieces[0]?.trackingNumber ?? '',
    consignee: order?.consigneeName ?? '',
    pieces: pieceCount,
    statusText: order?.statusText ?? '',
    offline: found.offline,
    failureCode: found.failure?.code ?? null,
    failureMessage: found.failure?.message ?? '',
  };
}

/** Lookup rows matched to the list: by position when the answer keeps it, else by number. */
function matchRows(rows: BatchRow[], found: LookupRow[]): BatchRow[] {
  const byQuery = new Map(found.map((row) => [row.query, row]));
  return rows.map((row) => {
    const same = found[row.index];
    return rowFromLookup(row, same?.query === row.query ? same : byQuery.get(row.query));
  });
}

/** Rows after a print: the numbers it took are queued, those it refused say why. */
function markPrinted(rows: BatchRow[], numbers: string[], outcome: PrintOutcome): BatchRow[] {
  const sent = new Set(numbers);
  const refused = new Map(outcome.rows.filter((row) => !row.ok).map((row) => [row.query, row]));
  const jobId = outcome.jobIds[0] ?? null;
  return rows.map((row) => {
    if (!sent.has(row.query)) return row;
    const failure = refused.get(row.query);
    if (failure) return rowFromLookup(row, failure);
    return { ...row, state: 'queued', jobId };
  });
}

/** The pasted list, the lookup results and the batch print. */
export const useBatchStore = create<BatchState>()((set, get) => {
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
    set({
      rows: markPrinted(get().rows, numbers, outcome),
      printed: { jobIds: outcome.jobIds, count: numbers.length },
    });
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
      const chosen = get().rows.filter((row) => row.state !== 'failed' && row.state !== 'waiting');
      const rows = which === 'all' ? chosen : chosen.filter((row) => get().selected.has(row.index));
      if (rows.length === 0) return;
      await sendPrint(
        rows.map((row) => row.query),
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
      const printable = get().rows.filter((row) => row.state !== 'failed');
      set({ selected: on ? new Set(printable.map((row) => row.index)) : new Set() });
    },

    listen: () =>
      station().on('progress', ({ task, done, total }) => {
        // Inventory pages report under their own task; everything else while busy is ours.
        if (get().phase === 'idle' || task.startsWith('inventory')) return;
        set({ progress: { done, total } });
      }),
  };
});

/** The batch results as CSV rows (header names come from the screen, in its language). */
export function batchCsvRows(rows: BatchRow[]): Array<Array<string | number | null>> {
  return rows.map((row) => [
    row.query,
    row.orderNo,
    row.trackingNumber,
    row.consignee,
    row.pieces,
    row.statusText,
    row.state,
    row.failureCode ?? '',
    row.failureMessage,
  ]);
}
