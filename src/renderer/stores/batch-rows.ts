/**
 * The rows of the Batch screen: one per number, built from lookup answers, marked when a
 * print takes them, and following the print jobs they went into.
 */
import type { JobState, JobView, LookupRow, PrintOutcome } from '../../shared/contract';

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
  /** The print jobs this number went into, and where they stand (null before printing). */
  jobIds: number[];
  jobState: JobState | null;
}

/** A row for a number not looked up yet. */
export function waitingRow(query: string, index: number): BatchRow {
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
    jobIds: [],
    jobState: null,
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
export function matchRows(rows: BatchRow[], found: LookupRow[]): BatchRow[] {
  const byQuery = new Map(found.map((row) => [row.query, row]));
  return rows.map((row) => {
    const same = found[row.index];
    return rowFromLookup(row, same?.query === row.query ? same : byQuery.get(row.query));
  });
}

/** Rows after a print: the numbers it took are queued, those it refused say why. */
export function markPrinted(
  rows: BatchRow[],
  numbers: string[],
  outcome: PrintOutcome,
  seen: ReadonlyMap<number, JobView>,
): BatchRow[] {
  const sent = new Set(numbers);
  const refused = new Map(outcome.rows.filter((row) => !row.ok).map((row) => [row.query, row]));
  // The jobs each number went into, as main answered them row by row.
  const jobsOf = new Map(
    outcome.rows.flatMap((row, i) => {
      const ids = outcome.rowJobIds[i];
      return ids ? [[row.query, ids] as const] : [];
    }),
  );
  return rows.map((row) => {
    if (!sent.has(row.query)) return row;
    const failure = refused.get(row.query);
    if (failure) return rowFromLookup(row, failure);
    const jobIds = jobsOf.get(row.query) ?? [];
    return { ...row, state: 'queued', jobIds, jobState: combinedJobState(jobIds, seen) };
  });
}

// The first state present names a set of jobs: a failure first, then work still to do.
const STATE_ORDER: JobState[] = ['failed', 'queued', 'submitting', 'sent', 'cancelled', 'done'];

/** One state for several jobs: the one the worker must know about (null when none is known). */
export function combinedJobState(
  jobIds: number[],
  seen: ReadonlyMap<number, JobView>,
): JobState | null {
  const states = new Set(jobIds.flatMap((id) => seen.get(id)?.state ?? []));
  return STATE_ORDER.find((state) => states.has(state)) ?? null;
}

/** Row indexes by the job ids they went into, so an event touches only its own rows. */
function indexByJob(rows: BatchRow[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  for (const row of rows) {
    for (const id of row.jobIds) index.set(id, [...(index.get(id) ?? []), row.index]);
  }
  return index;
}

/**
 * Follows the print jobs of the batch: the latest view of each job the rows went into, and
 * of every job heard of while a print runs (only its answer says which of them are ours).
 */
export function createJobFollower() {
  const seen = new Map<number, JobView>();
  let rowsByJob = new Map<number, number[]>();

  return {
    /** The jobs heard of so far, for linking the rows of a print that just answered. */
    seen: seen as ReadonlyMap<number, JobView>,

    /** Starts afresh for a new list. */
    reset(): void {
      seen.clear();
      rowsByJob = new Map();
    },

    /** After a print: follow the jobs these rows went into, forget everyone else's. */
    follow(rows: BatchRow[]): void {
      rowsByJob = indexByJob(rows);
      for (const id of seen.keys()) if (!rowsByJob.has(id)) seen.delete(id);
    },

    /** Notes a job's new view; answers the indexes of the rows it holds (none: not ours). */
    hear(job: JobView, printing: boolean): number[] {
      const indexes = rowsByJob.get(job.id);
      if (indexes || printing) seen.set(job.id, job);
      return indexes ?? [];
    },
  };
}

/** Rows with the jobs' latest state on the rows at these indexes. */
export function withJobStates(
  rows: BatchRow[],
  indexes: number[],
  seen: ReadonlyMap<number, JobView>,
): BatchRow[] {
  const next = [...rows];
  for (const index of indexes) {
    const row = next[index];
    if (row) next[index] = { ...row, jobState: combinedJobState(row.jobIds, seen) };
  }
  return next;
}

/** A row that can go to the printer: found, or printed already (to print again). */
export function isPrintable(row: BatchRow): boolean {
  return row.state === 'found' || row.state === 'queued';
}

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
