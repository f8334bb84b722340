/**
 * The Scan screen's state: each scan in the order it came, what its lookup found, the print
 * jobs it queued and how they move. Scans that arrive while one is still being looked up
 * wait their turn, so labels print in scan order.
 */
import { create } from 'zustand';
import type { IpcError, JobView, LookupRow, PieceView, PrintOutcome } from '../../shared/contract';
import { playSound } from '../sounds/play-sound';
import { settle, station } from '../station';
import { useNetworkStore } from './network-store';
import { isWaitingOnPrinter } from './queue-store';

const KEEP_ENTRIES = 100;
const KEEP_JOBS = 300;

/** Where one scan stands. `queued` means its label went to the print queue. */
export type ScanStatus = 'looking-up' | 'confirm' | 'queued' | 'failed' | 'skipped';

/** A failure in the renderer's words: a `FailureCode` or an IPC error code, plus detail. */
export interface ScanFailure {
  code: string;
  message: string;
}

/** One scan and everything the result card shows about it. */
export interface ScanEntry {
  id: number;
  number: string;
  at: number;
  status: ScanStatus;
  row: LookupRow | null;
  jobIds: number[];
  /** Pieces printed before this scan (the printed-before warning). */
  duplicates: PieceView[];
  failure: ScanFailure | null;
}

interface ScanState {
  entries: ScanEntry[];
  /** Latest known state of recent print jobs, by id (events may beat the scan's answer). */
  jobs: Record<number, JobView>;
  waiting: string[];
  busy: boolean;
  /** The scan waiting for "print again?" (duplicate policy 'ask'). */
  confirmId: number | null;
  submit: (number: string) => void;
  answerConfirm: (printAgain: boolean) => Promise<void>;
  noteJob: (job: JobView) => void;
  listen: () => () => void;
}

let nextId = 1;

function failureOf(result: { ok: false; error: IpcError }): ScanFailure {
  return { code: result.error.code, message: result.error.message };
}

/** The entry's new fields from a scan's answer, and the tone it deserves. */
function settleEntry(
  outcome: PrintOutcome,
): Pick<ScanEntry, 'status' | 'row' | 'jobIds' | 'duplicates' | 'failure'> {
  const row = outcome.rows[0] ?? null;
  const duplicates = outcome.duplicates;
  if (outcome.needsConfirmation) {
    return { status: 'confirm', row, jobIds: [], duplicates, failure: null };
  }
  if (row && !row.ok) {
    const failure = row.failure ?? { code: 'unexpected', message: '' };
    return { status: 'failed', row, jobIds: [], duplicates, failure };
  }
  if (outcome.jobIds.length === 0) {
    const failure = row?.failure ?? { code: 'no-label-file', message: '' };
    return { status: 'failed', row, jobIds: [], duplicates, failure };
  }
  const printedBefore = duplicates.length > 0 ? duplicates : piecesPrintedBefore(row);
  return {
    status: 'queued',
    row,
    jobIds: outcome.jobIds,
    duplicates: printedBefore,
    failure: null,
  };
}

function piecesPrintedBefore(row: LookupRow | null): PieceView[] {
  return row ? row.pieces.filter((piece) => piece.printedAt !== null) : [];
}

function soundFor(status: ScanStatus): void {
  if (status === 'queued') playSound('success');
  else if (status === 'failed') playSound('error');
  else if (status === 'confirm') playSound('warning');
}

/** A new scan, shown at once while its lookup runs. */
function lookingUp(id: number, number: string): ScanEntry {
  return {
    id,
    number,
    at: Date.now(),
    status: 'looking-up',
    row: null,
    jobIds: [],
    duplicates: [],
    failure: null,
  };
}

/** The jobs with this one's latest view, the oldest dropped beyond KEEP_JOBS. */
function withJob(jobs: Record<number, JobView>, job: JobView): Record<number, JobView> {
  const next = { ...jobs, [job.id]: job };
  const ids = Object.keys(next);
  if (ids.length > KEEP_JOBS) delete next[Number(ids[0])];
  return next;
}

/** Scans, their outcomes and their print jobs. */
export const useScanStore = create<ScanState>()((set, get) => {
  // Jobs of this screen that a printer held up: the error tone played once, the success
  // tone plays when they print after all.
  const heldUp = new Set<number>();
  const patch = (id: number, change: Partial<ScanEntry>) =>
    set({
      entries: get().entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)),
    });

  async function send(id: number, number: string, confirmDuplicates: boolean): Promise<void> {
    const result = await settle(() => station().scan.submit({ number, confirmDuplicates }));
    if (!result.ok) {
      patch(id, { status: 'failed', failure: failureOf(result) });
      playSound('error');
      return;
    }
    useNetworkStore.getState().noteResults(result.value.rows);
    const change = settleEntry(result.value);
    patch(id, change);
    if (change.status === 'confirm') set({ confirmId: id });
    if (change.status === 'queued' && jobFailure(change.jobIds, get().jobs)) playSound('error');
    else soundFor(change.status);
  }

  async function drain(): Promise<void> {
    if (get().busy) return;
    set({ busy: true });
    // A scan waiting for "print again?" holds the line: the next label must not jump it.
    while (get().waiting.length > 0 && get().confirmId === null) {
      const [number, ...rest] = get().waiting;
      set({ waiting: rest });
      if (number === undefined) break;
      const entry = lookingUp(nextId++, number);
      set({ entries: [entry, ...get().entries].slice(0, KEEP_ENTRIES) });
      await send(entry.id, number, false);
    }
    set({ busy: false });
  }

  return {
    entries: [],
    jobs: {},
    waiting: [],
    busy: false,
    confirmId: null,

    submit: (raw) => {
      const number = raw.trim();
      if (number === '') return;
      set({ waiting: [...get().waiting, number] });
      void drain();
    },

    answerConfirm: async (printAgain) => {
      const id = get().confirmId;
      const entry = get().entries.find((candidate) => candidate.id === id);
      set({ confirmId: null });
      if (entry && printAgain) {
        set({ busy: true });
        patch(entry.id, { status: 'looking-up' });
        await send(entry.id, entry.number, true);
        set({ busy: false });
      } else if (entry) patch(entry.id, { status: 'skipped' });
      void drain();
    },

    noteJob: (job) => {
      const known = get().jobs[job.id];
      set({ jobs: withJob(get().jobs, job) });
      const owner = get().entries.find((entry) => entry.jobIds.includes(job.id));
      if (!owner) return;
      if (job.state === 'failed' && known?.state !== 'failed') playSound('error');
      else if (isWaitingOnPrinter(job) && !heldUp.has(job.id)) {
        heldUp.add(job.id);
        playSound('error');
      } else if (job.state === 'done' && heldUp.delete(job.id)) {
        // The label came out after all (the printer was fixed): the worker hears that too.
        playSound('success');
      }
    },

    listen: () => station().on('job.changed', (job) => get().noteJob(job)),
  };
});

function jobFailure(jobIds: number[], jobs: Record<number, JobView>): JobView | undefined {
  return jobIds.map((id) => jobs[id]).find((job) => job?.state === 'failed');
}

/** What the result card shows: the verdict and the job state that explains it. */
export type ScanVerdict =
  | { kind: 'pending' }
  | { kind: 'confirm' }
  | { kind: 'skipped' }
  | { kind: 'error'; failure: ScanFailure }
  | { kind: 'success'; jobState: JobView['state'] | 'queued' };

const JOB_ORDER: Array<JobView['state']> = ['queued', 'submitting', 'sent', 'done'];

/** The card's verdict for an entry, from its status and the latest state of its jobs. */
export function verdictOf(entry: ScanEntry, jobs: Record<number, JobView>): ScanVerdict {
  if (entry.status === 'looking-up') return { kind: 'pending' };
  if (entry.status === 'confirm') return { kind: 'confirm' };
  if (entry.status === 'skipped') return { kind: 'skipped' };
  if (entry.status === 'failed') {
    return { kind: 'error', failure: entry.failure ?? { code: 'unexpected', message: '' } };
  }
  const states = entry.jobIds.map((id) => jobs[id]);
  const failed = states.find((job) => job?.state === 'failed' || job?.state === 'cancelled');
  if (failed) {
    const code = failed.state === 'cancelled' ? 'job-cancelled' : 'printer-problem';
    return { kind: 'error', failure: { code, message: failed.reason ?? '' } };
  }
  // Out of labels, paused, cover open: the job waits, and the worker must know now.
  const stuck = states.find((job) => job && isWaitingOnPrinter(job));
  if (stuck)
    return { kind: 'error', failure: { code: 'printer-waiting', message: stuck.reason ?? '' } };
  // The least advanced job tells how far the scan's labels got.
  const least = states
    .map((job) => (job ? JOB_ORDER.indexOf(job.state) : 0))
    .reduce((min, index) => Math.min(min, index), JOB_ORDER.length - 1);
  return { kind: 'success', jobState: JOB_ORDER[least] ?? 'queued' };
}
