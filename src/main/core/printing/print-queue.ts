/**
 * The durable print queue. Every job is a row in the station's SQLite file before anything
 * reaches a printer, and every step is written before the next one starts:
 *
 *   queued → submitting → sent → done | failed (reason) | cancelled
 *
 * One worker per printer hands jobs to the spooler in the order they were made; one
 * follower asks the spooler about every sent job until it is finished. After a crash or a
 * power cut, `start()` reports every unfinished job and resumes it so that nothing the
 * spooler already has is sent twice:
 * - a `sent` job is followed by its spooler id;
 * - a `submitting` job (the crash fell between the spooler taking it and the id being
 *   written) is looked up by its unique title among the spooler's unfinished jobs. CUPS
 *   jobs are submitted held and released only once their id is written, so such a job is
 *   still there, waiting, and is adopted instead of sent again.
 *
 * Limitation: two station processes on one data folder (the app and a `station print`)
 * each run workers; a job is claimed by one of them only (an atomic update), but their
 * hand-overs to one printer may interleave out of creation order. A lease per printer in
 * the database would lift this.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/database';
import { createLogger } from '../log';
import { parseLabelSize } from './label-size';
import type { ScaleMode } from './label-document';
import {
  PrinterError,
  type Orientation,
  type PrinterPort,
  type SubmitResult,
} from './printer-port';

export type PrintJobState = 'queued' | 'submitting' | 'sent' | 'done' | 'failed' | 'cancelled';

/** How a job is printed; stored with the job so a resume or reprint prints it the same. */
export interface PrintJobOptions {
  copies: number;
  /** A label size id: `4x6in`, `100x150mm`, `100x100mm`, `WxHmm`, `WxHin`. */
  media: string;
  orientation: Orientation;
  scale: ScaleMode;
  paperName: string | null;
}

/** One piece a job carries, at its place in the job's pages. */
export interface PrintJobPiece {
  position: number;
  pieceKey: string;
  query: string;
  orderNo: string;
  trackingNumber: string;
  pieceNo: string;
  /** 1-based page of the job's PDF where this piece's label starts. */
  firstPage: number;
  pageCount: number;
  fileType: string;
  labelSha256: string;
}

export interface PrintJob {
  id: number;
  /** The unique title the spooler knows the job by. */
  title: string;
  printer: string;
  options: PrintJobOptions;
  state: PrintJobState;
  /** Why it failed, or what it waits for; empty when there is nothing to say. */
  reason: string;
  spoolerId: string | null;
  attempts: number;
  pageCount: number;
  reprintOf: number | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  sentAt: Date | null;
  finishedAt: Date | null;
  pieces: PrintJobPiece[];
}

/** A job to add: the finished PDF and the pieces on its pages, in order. */
export interface NewPrintJob {
  printer: string;
  options: PrintJobOptions;
  document: Uint8Array;
  pageCount: number;
  pieces: Array<Omit<PrintJobPiece, 'position'>>;
  reprintOf?: number | null;
}

/** A piece printed before (or on its way to the printer now). */
export interface PrintedPiece {
  pieceKey: string;
  query: string;
  orderNo: string;
  trackingNumber: string;
  pieceNo: string;
  jobId: number;
  printer: string;
  state: PrintJobState;
  printedAt: Date;
}

/** What `start()` found: every job a previous run left unfinished, oldest first. */
export interface StartReport {
  unfinished: PrintJob[];
}

export interface PrintQueue {
  /** Reports unfinished jobs and starts the workers and the follower. */
  start(): StartReport;
  /** Stops handing out work and waits until the current step is written. */
  stop(): Promise<void>;
  enqueue(job: NewPrintJob): PrintJob;
  /** Adds several jobs in one transaction, in the order given. */
  enqueueMany(jobs: NewPrintJob[]): PrintJob[];
  getJob(id: number): PrintJob | null;
  /** Newest first. */
  listJobs(opts?: { limit?: number; unfinishedOnly?: boolean }): PrintJob[];
  /** The last time each of these pieces was printed (or is being printed), newest first. */
  findPrintedPieces(pieceKeys: string[]): PrintedPiece[];
  cancel(id: number): Promise<PrintJob>;
  /** Sends a failed job again, or nudges an unfinished one. */
  resume(id: number): PrintJob;
  /** The same PDF, printer and options as a new job; one call. */
  reprint(id: number, opts?: { printer?: string }): PrintJob;
  /** Asks the spooler about sent jobs now (rather than at the next poll). */
  refresh(): Promise<void>;
  /** Resolves when the job satisfies `until` (checked on every change), else rejects. */
  waitFor(id: number, until: (job: PrintJob) => boolean, timeoutMs?: number): Promise<PrintJob>;
  /** Called with the job after each change of state or reason; returns an unsubscribe. */
  onJobChange(listener: (job: PrintJob) => void): () => void;
}

export interface PrintQueueOptions {
  db: Db;
  port: PrinterPort;
  /** How often sent jobs are asked about, in ms. */
  pollMs?: number;
  /** How long a job waits before it is tried again after a refusal, in ms. */
  retryMs?: number;
  /** Finished jobs keep their PDF this long (for reprints), in days. */
  documentRetentionDays?: number;
}

/** True when the state is final. */
export function isFinished(state: PrintJobState): boolean {
  return state === 'done' || state === 'failed' || state === 'cancelled';
}

const MAX_ATTEMPTS = 3;
// Longer than the CUPS port's longest `lp` (4 × 15 s): a hand-over never takes this long.
const OWNER_STALE_MS = 120_000;
const IDLE_CHECK_MS = 2_000;
const STATION_ID_KEY = 'printing.station-id';
const log = createLogger('PrintQueue');

/** Opens the queue on the station's database; nothing is sent before `start()`. */
export function createPrintQueue(options: PrintQueueOptions): PrintQueue {
  const { db, port } = options;
  const pollMs = options.pollMs ?? 300;
  const retryMs = options.retryMs ?? 3_000;
  const store = createJobStore(db, getStationId(db));
  const listeners = new Set<(job: PrintJob) => void>();
  const workers = new Map<string, Worker>();
  const followSignal = createSignal();
  let running = false;
  let follower: Promise<void> | null = null;
  let followTimer: NodeJS.Timeout | null = null;

  /**
   * Wakes an idle follower one poll interval from now, not at once: asking the spooler at
   * the moment the next job is being handed over would only slow that hand-over down.
   */
  const followSoon = () => {
    followTimer ??= setTimeout(() => {
      followTimer = null;
      followSignal.notify();
    }, pollMs);
  };

  const emit = (id: number) => {
    const job = store.get(id);
    if (!job) return;
    for (const listener of listeners) {
      try {
        listener(job);
      } catch (error) {
        log.error('a job listener threw', { jobId: id, error });
      }
    }
  };
  const update = (id: number, change: JobChange) => {
    if (store.update(id, change)) emit(id);
  };

  // ——— Handing jobs to the spooler ———

  function ensureWorker(printer: string): void {
    if (!running) return;
    const existing = workers.get(printer);
    if (existing) return existing.signal.notify();
    const worker: Worker = { signal: createSignal(), done: Promise.resolve() };
    workers.set(printer, worker);
    worker.done = (async () => {
      await Promise.resolve();
      try {
        await workLoop(printer, worker);
      } catch (error) {
        log.error('printer worker stopped on an error', { printer, error });
      } finally {
        if (workers.get(printer) === worker) workers.delete(printer);
      }
    })();
  }

  async function workLoop(printer: string, worker: Worker): Promise<void> {
    while (running) {
      const row = store.nextToSubmit(printer);
      // Checked and removed in one step, so a job added now finds no stale worker.
      if (!row) return void workers.delete(printer);
      const next = row.state === 'submitting' ? await recoverSubmitting(row) : await submit(row);
      if (next === 'wait') await worker.signal.wait(retryMs);
    }
  }

  async function submit(row: JobRow): Promise<'next' | 'wait'> {
    // An earlier try may have reached the spooler before it failed (a timeout): look first.
    if (row.attempts > 0) {
      const found = await findByTitle(row);
      if (found === 'wait' || found === 'next') return found;
      if (found) return adopt(row, found);
    }
    if (!store.claim(row.id, process.pid)) return 'next';
    emit(row.id);

    const document = store.document(row.id);
    if (!document) {
      update(row.id, {
        state: 'failed',
        reason: 'The job has no PDF any more (history pruned). Print the numbers again.',
      });
      return 'next';
    }
    try {
      const result = await port.submit(document, {
        ...row.options,
        printer: row.printer,
        media: parseLabelSize(row.options.media),
        title: row.title,
        hold: true,
      });
      await recordSubmitted(row, result);
      return 'next';
    } catch (error) {
      return recordRefusal(row, error);
    }
  }

  async function recordSubmitted(row: JobRow, result: SubmitResult): Promise<void> {
    if (result.finished || !result.spoolerId) {
      update(row.id, {
        state: 'done',
        reason: result.note,
        spoolerId: result.spoolerId,
        sent: true,
        finished: true,
      });
      return;
    }
    update(row.id, { state: 'sent', reason: '', spoolerId: result.spoolerId, sent: true });
    log.info('job sent', { jobId: row.id, printer: row.printer, spoolerId: result.spoolerId });
    if (result.held) await release(row.id, result.spoolerId);
    followSoon();
  }

  function recordRefusal(row: JobRow, error: unknown): 'next' | 'wait' {
    const e =
      error instanceof PrinterError
        ? error
        : new PrinterError(
            'failed',
            `Sending the job failed: ${(error as Error)?.message ?? String(error)}`,
          );
    log.warn('the spooler refused a job', {
      jobId: row.id,
      printer: row.printer,
      code: e.code,
      detail: e.detail,
    });
    const attempts = row.attempts + 1;
    if (e.code === 'no-such-printer' || e.code === 'invalid-printer-name') {
      update(row.id, { state: 'failed', reason: e.message, finished: true });
      return 'next';
    }
    if (e.code === 'failed' && attempts >= MAX_ATTEMPTS) {
      update(row.id, {
        state: 'failed',
        reason: `${e.message} (tried ${attempts} times)`,
        finished: true,
      });
      return 'next';
    }
    update(row.id, { state: 'queued', reason: `Waiting to send: ${e.message}` });
    return 'wait';
  }

  async function recoverSubmitting(row: JobRow): Promise<'next' | 'wait'> {
    if (isBeingSent(row)) return 'wait';
    if (port.kind === 'windows') {
      update(row.id, {
        state: 'failed',
        reason:
          'Label Station stopped while handing this job to Windows, which cannot tell whether ' +
          'it printed. Check the printer, and reprint the job if the label is missing.',
        finished: true,
      });
      return 'next';
    }
    const found = await findByTitle(row);
    if (found === 'wait' || found === 'next') return found;
    if (found) return adopt(row, found);
    // The spooler never took it: sending it now sends it once.
    log.info('an interrupted job never reached the spooler; sending it', { jobId: row.id });
    update(row.id, { state: 'queued', reason: '' });
    return 'next';
  }

  /**
   * The spooler id of this job's held or waiting copy, or null when the spooler has none;
   * 'next' when the job failed for good, 'wait' when the spooler cannot be asked now.
   */
  async function findByTitle(row: JobRow): Promise<string | null | 'wait' | 'next'> {
    try {
      const found = await port.findUnfinishedJobsByTitle(row.printer, [row.title]);
      return found.get(row.title) ?? null;
    } catch (error) {
      if (error instanceof PrinterError && error.code === 'no-such-printer') {
        // A removed printer takes its jobs with it: nothing of this job can print.
        update(row.id, { state: 'failed', reason: error.message, finished: true });
        return 'next';
      }
      update(row.id, { reason: `Waiting for the spooler: ${(error as Error).message}` });
      return 'wait';
    }
  }

  async function adopt(row: JobRow, spoolerId: string): Promise<'next'> {
    log.info('found the interrupted job in the spooler; not sending it again', {
      jobId: row.id,
      spoolerId,
    });
    update(row.id, { state: 'sent', reason: '', spoolerId, sent: true });
    await release(row.id, spoolerId);
    followSoon();
    return 'next';
  }

  async function release(id: number, spoolerId: string): Promise<void> {
    try {
      await port.release(spoolerId);
    } catch (error) {
      // The follower sees the job still held and releases it on its next round.
      log.warn('could not release a held job yet', { jobId: id, spoolerId, error });
    }
  }

  // ——— Following sent jobs ———

  async function followLoop(): Promise<void> {
    while (running) {
      let busy = false;
      try {
        busy = await followOnce();
      } catch (error) {
        log.warn('could not ask the spooler about sent jobs', { error });
      }
      // Jobs added by another process, and jobs waiting to be tried again.
      for (const printer of store.printersWithWork()) ensureWorker(printer);
      await followSignal.wait(busy ? pollMs : IDLE_CHECK_MS);
    }
  }

  let following: Promise<boolean> | null = null;

  /** One round of questions to the spooler; a round already under way is shared. */
  function followOnce(): Promise<boolean> {
    following ??= followRound().finally(() => (following = null));
    return following;
  }

  async function followRound(): Promise<boolean> {
    const rows = store.sentJobs();
    if (rows.length === 0) return false;
    const states = await port.getJobs(rows.map((r) => r.spoolerId!));
    for (const row of rows) {
      const job = states.get(row.spoolerId!);
      if (!job) continue;
      switch (job.state) {
        case 'held':
          await release(row.id, row.spoolerId!);
          break;
        case 'queued':
        case 'printing':
          update(row.id, { reason: job.reason ? `Waiting for the printer: ${job.reason}` : '' });
          break;
        case 'done':
          update(row.id, { state: 'done', reason: '', finished: true });
          break;
        case 'unknown':
          // It left the spooler's queue without an error being seen.
          update(row.id, { state: 'done', reason: job.reason, finished: true });
          break;
        default:
          update(row.id, { state: job.state, reason: job.reason, finished: true });
      }
    }
    return rows.length > 0;
  }

  // ——— The public face ———

  const queue: PrintQueue = {
    start() {
      const unfinished = store.list({ unfinishedOnly: true, limit: 100_000 }).reverse();
      if (running) return { unfinished };
      running = true;
      const days = options.documentRetentionDays ?? 30;
      store.pruneDocuments(Date.now() - days * 86_400_000);
      for (const job of unfinished) {
        log.info('resuming an unfinished job', {
          jobId: job.id,
          state: job.state,
          printer: job.printer,
        });
      }
      for (const printer of store.printersWithWork()) ensureWorker(printer);
      follower = followLoop();
      return { unfinished };
    },
    async stop() {
      running = false;
      if (followTimer) clearTimeout(followTimer);
      followTimer = null;
      followSignal.notify();
      for (const w of workers.values()) w.signal.notify();
      await Promise.all([...[...workers.values()].map((w) => w.done), follower]);
      follower = null;
    },
    enqueue: (job) => queue.enqueueMany([job])[0]!,
    enqueueMany(jobs) {
      const ids = store.insert(jobs);
      for (const id of ids) emit(id);
      for (const printer of new Set(jobs.map((j) => j.printer))) ensureWorker(printer);
      return ids.map((id) => store.get(id)!);
    },
    getJob: (id) => store.get(id),
    listJobs: (opts = {}) =>
      store.list({ limit: opts.limit ?? 100, unfinishedOnly: opts.unfinishedOnly ?? false }),
    findPrintedPieces: (keys) => store.printedPieces(keys),
    async cancel(id) {
      // A worker may take the job while this runs: look again until the state holds still.
      for (let round = 0; round < 5; round++) {
        const job = mustGet(store, id);
        if (isFinished(job.state)) return job;
        if (job.state === 'submitting') {
          await queue.waitFor(id, (j) => j.state !== 'submitting', 30_000);
          continue;
        }
        if (job.state === 'queued') {
          const reason = 'Cancelled before it was sent.';
          update(id, { state: 'cancelled', reason, finished: true, onlyFrom: 'queued' });
          continue;
        }
        if (job.spoolerId && (await port.cancel(job.spoolerId))) {
          update(id, { state: 'cancelled', reason: 'Cancelled in Label Station.', finished: true });
        } else {
          await followOnce();
        }
        return mustGet(store, id);
      }
      return mustGet(store, id);
    },
    resume(id) {
      const job = mustGet(store, id);
      if (job.state === 'done' || job.state === 'cancelled') {
        throw new PrintQueueError(`Print job ${id} is ${job.state}; reprint it to print it again.`);
      }
      if (job.state === 'failed') update(id, { state: 'queued', reason: '', resetFinished: true });
      ensureWorker(job.printer);
      followSignal.notify();
      return mustGet(store, id);
    },
    reprint(id, opts = {}) {
      const job = mustGet(store, id);
      const document = store.document(id);
      if (!document) {
        throw new PrintQueueError(
          `Print job ${id} is too old to reprint (its PDF was pruned). Print its numbers again.`,
        );
      }
      return queue.enqueue({
        printer: opts.printer ?? job.printer,
        options: job.options,
        document,
        pageCount: job.pageCount,
        pieces: job.pieces.map(({ position: _position, ...piece }) => piece),
        reprintOf: id,
      });
    },
    async refresh() {
      await followOnce();
    },
    waitFor(id, until, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const finish = (fn: () => void) => {
          clearTimeout(timer);
          off();
          fn();
        };
        const check = (job: PrintJob) => {
          if (job.id === id && until(job)) finish(() => resolve(job));
        };
        const off = queue.onJobChange(check);
        const timer = setTimeout(() => {
          const now = store.get(id);
          const where = now
            ? `it is ${now.state}${now.reason ? `: ${now.reason}` : ''}`
            : 'it is gone';
          finish(() =>
            reject(
              new PrintQueueError(
                `Print job ${id} did not get there within ${timeoutMs / 1000} s (${where}).`,
              ),
            ),
          );
        }, timeoutMs);
        const current = store.get(id);
        if (!current) finish(() => reject(new PrintQueueError(`There is no print job ${id}.`)));
        else check(current);
      });
    },
    onJobChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return queue;
}

/** A request the queue cannot carry out (unknown job, nothing left to reprint). */
export class PrintQueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintQueueError';
  }
}

function mustGet(store: JobStore, id: number): PrintJob {
  const job = store.get(id);
  if (!job) throw new PrintQueueError(`There is no print job ${id}.`);
  return job;
}

interface Worker {
  signal: Signal;
  done: Promise<void>;
}

/**
 * True when another live Label Station process (the app, or a `station` command) is handing
 * this job over right now. A hand-over older than OWNER_STALE_MS is over whoever holds the
 * pid: after a power cut the number may belong to an unrelated process.
 */
function isBeingSent(row: JobRow): boolean {
  if (row.workerPid === null || row.workerPid === process.pid) return false;
  const recent = row.submittedAt !== null && Date.now() - row.submittedAt < OWNER_STALE_MS;
  return recent && isAlive(row.workerPid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ——— Waiting without polling sleeps: a timer that a notify cuts short ———

interface Signal {
  notify(): void;
  wait(ms: number): Promise<void>;
}

function createSignal(): Signal {
  let waiters: Array<() => void> = [];
  return {
    notify() {
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
    wait(ms) {
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        waiters.push(wake);
      });
    },
  };
}

// ——— The rows ———

/** The station's id in job titles: two stations on one CUPS server never share a title. */
function getStationId(db: Db): string {
  const read = () =>
    (
      db.prepare('SELECT value FROM settings WHERE key = ?').get(STATION_ID_KEY) as
        { value: string } | undefined
    )?.value;
  if (!read()) {
    db.prepare('INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(
      STATION_ID_KEY,
      JSON.stringify(crypto.randomBytes(4).toString('hex')),
      Date.now(),
    );
  }
  return JSON.parse(read()!) as string;
}

interface JobRow {
  id: number;
  title: string;
  printer: string;
  options: PrintJobOptions;
  state: PrintJobState;
  spoolerId: string | null;
  attempts: number;
  workerPid: number | null;
  submittedAt: number | null;
}

interface JobChange {
  state?: PrintJobState;
  reason?: string;
  spoolerId?: string | null;
  sent?: boolean;
  finished?: boolean;
  resetFinished?: boolean;
  /** Change only when the job is still in this state. */
  onlyFrom?: PrintJobState;
}

type JobStore = ReturnType<typeof createJobStore>;

const JOB_COLUMNS = `id, title, printer, options, state, reason, spooler_id, attempts, page_count,
  reprint_of, worker_pid, created_at, updated_at, submitted_at, sent_at, finished_at`;

interface DbJob {
  id: number;
  title: string;
  printer: string;
  options: string;
  state: PrintJobState;
  reason: string;
  spooler_id: string | null;
  attempts: number;
  page_count: number;
  reprint_of: number | null;
  worker_pid: number | null;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
  sent_at: number | null;
  finished_at: number | null;
}

interface DbPiece {
  job_id: number;
  position: number;
  piece_key: string;
  query: string;
  order_no: string;
  tracking_number: string;
  piece_no: string;
  first_page: number;
  page_count: number;
  file_type: string;
  label_sha256: string;
}

function createJobStore(db: Db, stationId: string) {
  const s = {
    insertJob: db.prepare(
      `INSERT INTO print_jobs (title, printer, options, state, page_count, document, reprint_of,
         created_at, updated_at) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)`,
    ),
    setTitle: db.prepare('UPDATE print_jobs SET title = ? WHERE id = ?'),
    insertPiece: db.prepare(
      `INSERT INTO print_job_pieces (job_id, position, piece_key, query, order_no, tracking_number,
         piece_no, first_page, page_count, file_type, label_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    get: db.prepare(`SELECT ${JOB_COLUMNS} FROM print_jobs WHERE id = ?`),
    pieces: db.prepare('SELECT * FROM print_job_pieces WHERE job_id = ? ORDER BY position'),
    document: db.prepare('SELECT document FROM print_jobs WHERE id = ?'),
    nextToSubmit: db.prepare(
      `SELECT ${JOB_COLUMNS} FROM print_jobs
       WHERE printer = ? AND state IN ('queued', 'submitting') ORDER BY id LIMIT 1`,
    ),
    claim: db.prepare(
      `UPDATE print_jobs SET state = 'submitting', attempts = attempts + 1, worker_pid = ?,
         submitted_at = ?, updated_at = ? WHERE id = ? AND state = 'queued'`,
    ),
    sent: db.prepare(
      `SELECT ${JOB_COLUMNS} FROM print_jobs
       WHERE state = 'sent' AND spooler_id IS NOT NULL ORDER BY id`,
    ),
    printersWithWork: db.prepare(
      `SELECT DISTINCT printer FROM print_jobs WHERE state IN ('queued', 'submitting')`,
    ),
    list: db.prepare(`SELECT ${JOB_COLUMNS} FROM print_jobs ORDER BY id DESC LIMIT ?`),
    listOpen: db.prepare(
      `SELECT ${JOB_COLUMNS} FROM print_jobs
       WHERE state IN ('queued', 'submitting', 'sent') ORDER BY id DESC LIMIT ?`,
    ),
    prune: db.prepare(
      `UPDATE print_jobs SET document = NULL
       WHERE document IS NOT NULL AND state IN ('done', 'failed', 'cancelled') AND finished_at < ?`,
    ),
  };

  const toJob = (row: DbJob, pieces: DbPiece[]): PrintJob => ({
    id: row.id,
    title: row.title,
    printer: row.printer,
    options: JSON.parse(row.options) as PrintJobOptions,
    state: row.state,
    reason: row.reason,
    spoolerId: row.spooler_id,
    attempts: row.attempts,
    pageCount: row.page_count,
    reprintOf: row.reprint_of,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    submittedAt: dateOrNull(row.submitted_at),
    sentAt: dateOrNull(row.sent_at),
    finishedAt: dateOrNull(row.finished_at),
    pieces: pieces.map(toPiece),
  });
  const toRow = (row: DbJob): JobRow => ({
    id: row.id,
    title: row.title,
    printer: row.printer,
    options: JSON.parse(row.options) as PrintJobOptions,
    state: row.state,
    spoolerId: row.spooler_id,
    attempts: row.attempts,
    workerPid: row.worker_pid,
    submittedAt: row.submitted_at,
  });

  const insert = db.transaction((jobs: NewPrintJob[]): number[] => {
    const now = Date.now();
    return jobs.map((job) => {
      const provisional = `new-${crypto.randomUUID()}`;
      const { lastInsertRowid } = s.insertJob.run(
        provisional,
        job.printer,
        JSON.stringify(job.options),
        job.pageCount,
        job.document,
        job.reprintOf ?? null,
        now,
        now,
      );
      const id = Number(lastInsertRowid);
      // Short on purpose: `lpq -l` shows 39 characters, after "N copies of ".
      s.setTitle.run(`ls-${stationId}-${id}`, id);
      job.pieces.forEach((p, position) =>
        s.insertPiece.run(
          id,
          position,
          normalisePieceKey(p.pieceKey),
          p.query,
          p.orderNo,
          p.trackingNumber,
          p.pieceNo,
          p.firstPage,
          p.pageCount,
          p.fileType,
          p.labelSha256,
        ),
      );
      return id;
    });
  });

  const listWithPieces = (rows: DbJob[]): PrintJob[] => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const byJob = new Map<number, DbPiece[]>();
    for (const chunk of chunks(ids, 500)) {
      const pieces = db
        .prepare(
          `SELECT * FROM print_job_pieces WHERE job_id IN (${chunk.map(() => '?').join(',')})
                  ORDER BY job_id, position`,
        )
        .all(...chunk) as DbPiece[];
      for (const p of pieces) byJob.set(p.job_id, [...(byJob.get(p.job_id) ?? []), p]);
    }
    return rows.map((r) => toJob(r, byJob.get(r.id) ?? []));
  };

  return {
    insert,
    get(id: number): PrintJob | null {
      const row = s.get.get(id) as DbJob | undefined;
      return row ? toJob(row, s.pieces.all(id) as DbPiece[]) : null;
    },
    document(id: number): Uint8Array | null {
      const row = s.document.get(id) as { document: Buffer | null } | undefined;
      return row?.document ? new Uint8Array(row.document) : null;
    },
    nextToSubmit(printer: string): JobRow | null {
      const row = s.nextToSubmit.get(printer) as DbJob | undefined;
      return row ? toRow(row) : null;
    },
    claim: (id: number, pid: number) => s.claim.run(pid, Date.now(), Date.now(), id).changes === 1,
    sentJobs: () => (s.sent.all() as DbJob[]).map(toRow),
    printersWithWork: () =>
      (s.printersWithWork.all() as Array<{ printer: string }>).map((r) => r.printer),
    list(opts: { limit: number; unfinishedOnly: boolean }): PrintJob[] {
      const rows = (opts.unfinishedOnly ? s.listOpen : s.list).all(opts.limit) as DbJob[];
      return listWithPieces(rows);
    },
    update(id: number, change: JobChange): boolean {
      return updateJob(db, id, change);
    },
    printedPieces: (keys: string[]) => findPrinted(db, keys),
    pruneDocuments: (before: number) => s.prune.run(before).changes,
  };
}

/** Writes one change; true when the row changed (so listeners hear only real changes). */
function updateJob(db: Db, id: number, change: JobChange): boolean {
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  const now = Date.now();
  if (change.state !== undefined) set('state', change.state);
  if (change.reason !== undefined) set('reason', change.reason);
  if (change.spoolerId !== undefined) set('spooler_id', change.spoolerId);
  if (change.sent) set('sent_at', now);
  if (change.finished) set('finished_at', now);
  if (change.resetFinished) set('finished_at', null);
  if (change.state && change.state !== 'submitting') set('worker_pid', null);

  // Only a real difference counts: a poll that finds the same reason writes nothing.
  const differs = sets.map((s) => `${s.split(' = ')[0]} IS NOT ?`).join(' OR ');
  const where = `id = ? AND (${differs})${change.onlyFrom ? ' AND state = ?' : ''}`;
  const params = [...values, now, id, ...values, ...(change.onlyFrom ? [change.onlyFrom] : [])];
  const sql = `UPDATE print_jobs SET ${sets.join(', ')}, updated_at = ? WHERE ${where}`;
  return sets.length > 0 && db.prepare(sql).run(...params).changes === 1;
}

function findPrinted(db: Db, keys: string[]): PrintedPiece[] {
  const wanted = [...new Set(keys.map(normalisePieceKey))].filter(Boolean);
  const found: PrintedPiece[] = [];
  for (const chunk of chunks(wanted, 500)) {
    const rows = db
      .prepare(
        `SELECT p.piece_key, p.query, p.order_no, p.tracking_number, p.piece_no, j.id AS job_id,
                j.printer, j.state, COALESCE(j.finished_at, j.sent_at, j.created_at) AS at
         FROM print_job_pieces p JOIN print_jobs j ON j.id = p.job_id
         WHERE p.piece_key IN (${chunk.map(() => '?').join(',')})
           AND j.state IN ('queued', 'submitting', 'sent', 'done')
         ORDER BY at DESC, j.id DESC`,
      )
      .all(...chunk) as Array<
      DbPiece & { job_id: number; printer: string; state: PrintJobState; at: number }
    >;
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.piece_key)) continue;
      seen.add(r.piece_key);
      found.push({
        pieceKey: r.piece_key,
        query: r.query,
        orderNo: r.order_no,
        trackingNumber: r.tracking_number,
        pieceNo: r.piece_no,
        jobId: r.job_id,
        printer: r.printer,
        state: r.state,
        printedAt: new Date(r.at),
      });
    }
  }
  return found.sort((a, b) => b.printedAt.getTime() - a.printedAt.getTime());
}

/** Piece keys compare without case or surrounding spaces, as scanners differ in both. */
export function normalisePieceKey(key: string): string {
  return key.trim().toUpperCase();
}

function toPiece(p: DbPiece): PrintJobPiece {
  return {
    position: p.position,
    pieceKey: p.piece_key,
    query: p.query,
    orderNo: p.order_no,
    trackingNumber: p.tracking_number,
    pieceNo: p.piece_no,
    firstPage: p.first_page,
    pageCount: p.page_count,
    fileType: p.file_type,
    labelSha256: p.label_sha256,
  };
}

function dateOrNull(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
