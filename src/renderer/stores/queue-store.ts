/**
 * The print queue and its history, kept current by `job.changed` events, and the printers
 * with their state and reasons.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { IpcError, IpcResult, JobView, PrinterView } from '../../shared/contract';
import { settle, station } from '../station';

const HISTORY_LIMIT = 500;

type JobCall = (input: { jobId: number }) => Promise<IpcResult<JobView>>;

interface QueueState {
  jobs: JobView[];
  printers: PrinterView[];
  /** Why the printers could not be listed the last time, or null. */
  printersError: IpcError | null;
  loading: boolean;
  error: IpcError | null;
  /** The job id an action is running for, to disable its buttons meanwhile. */
  busyJobId: number | null;
  load: () => Promise<void>;
  loadPrinters: () => Promise<void>;
  reprint: (jobId: number) => Promise<void>;
  resume: (jobId: number) => Promise<void>;
  cancel: (jobId: number) => Promise<void>;
  upsert: (job: JobView) => void;
  listen: () => () => void;
}

/** Newest first, as the queue screen lists them. */
function withJob(jobs: JobView[], job: JobView): JobView[] {
  const rest = jobs.filter((existing) => existing.id !== job.id);
  return [job, ...rest].sort((a, b) => b.id - a.id).slice(0, HISTORY_LIMIT);
}

/** Print jobs and printers. */
export const useQueueStore = create<QueueState>()((set, get) => {
  async function run(jobId: number, call: JobCall): Promise<void> {
    set({ busyJobId: jobId });
    const result = await settle(() => call({ jobId }));
    if (result.ok) get().upsert(result.value);
    set({ busyJobId: null, error: result.ok ? null : result.error });
  }

  return {
    jobs: [],
    printers: [],
    printersError: null,
    loading: false,
    error: null,
    busyJobId: null,

    load: async () => {
      set({ loading: true });
      const result = await settle(() => station().queue.list({ limit: HISTORY_LIMIT }));
      if (result.ok) set({ jobs: [...result.value].sort((a, b) => b.id - a.id), error: null });
      else set({ error: result.error });
      set({ loading: false });
    },

    loadPrinters: async () => {
      const result = await settle(() => station().printers.list());
      if (result.ok) set({ printers: result.value, printersError: null });
      else set({ printersError: result.error });
    },

    reprint: (jobId) => run(jobId, (input) => station().queue.reprint(input)),
    resume: (jobId) => run(jobId, (input) => station().queue.resume(input)),
    cancel: (jobId) => run(jobId, (input) => station().queue.cancel(input)),

    upsert: (job) => set({ jobs: withJob(get().jobs, job) }),

    listen: () => station().on('job.changed', (job) => get().upsert(job)),
  };
});

/** How often an open Queue or Settings screen asks for the printers' state again. */
export const PRINTER_REFRESH_MS = 5_000;

/**
 * Keeps the printers and their state current while a screen that shows them is open:
 * now, then every PRINTER_REFRESH_MS, so "out of labels" clears by itself once the roll is
 * changed and a listing that failed once is asked again.
 */
export function usePrinterWatch(): void {
  const loadPrinters = useQueueStore((state) => state.loadPrinters);
  useEffect(() => {
    void loadPrinters();
    const timer = setInterval(() => void loadPrinters(), PRINTER_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadPrinters]);
}

/**
 * A job that is not finished and has a reason: the queue writes one only when something
 * holds the job up (the printer's state, a spooler that refused it), and clears it once
 * the job moves on.
 */
export function isWaitingOnPrinter(job: JobView): boolean {
  return (
    (job.state === 'queued' || job.state === 'sent' || job.state === 'submitting') &&
    Boolean(job.reason)
  );
}

/** Jobs a power cut or crash left unfinished: they wait for resume or cancel. */
export function isUnfinished(job: JobView): boolean {
  return job.state === 'queued' || job.state === 'submitting' || job.state === 'sent';
}
