/**
 * Schema of the print queue (migration 3): one row per print job, and the pieces each job
 * carries in page order. A job keeps the exact PDF it sends, so resuming after a crash and
 * reprinting need neither the cache nor the network. Times are milliseconds since the epoch.
 */
import type { Migration } from '../db/migrations';

const SQL = `
  CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,
    -- The unique job title given to the spooler: how a job the spooler took just before a
    -- crash is found again before anything is sent twice.
    title TEXT NOT NULL UNIQUE,
    printer TEXT NOT NULL,
    -- JSON: copies, media, orientation, scale, paperName.
    options TEXT NOT NULL,
    state TEXT NOT NULL
      CHECK (state IN ('queued', 'submitting', 'sent', 'done', 'failed', 'cancelled')),
    -- Why it failed, or what it waits for (the printer's reason); '' when nothing to say.
    reason TEXT NOT NULL DEFAULT '',
    spooler_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    page_count INTEGER NOT NULL,
    -- The PDF sent; NULL once pruned from a finished job's history.
    document BLOB,
    reprint_of INTEGER REFERENCES print_jobs(id) ON DELETE SET NULL,
    -- The process handing the job to the spooler while the state is 'submitting'.
    worker_pid INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    submitted_at INTEGER,
    sent_at INTEGER,
    finished_at INTEGER
  ) STRICT;
  CREATE INDEX print_jobs_open ON print_jobs (printer, id)
    WHERE state IN ('queued', 'submitting', 'sent');
  CREATE INDEX print_jobs_finished ON print_jobs (finished_at);

  CREATE TABLE print_job_pieces (
    job_id INTEGER NOT NULL REFERENCES print_jobs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    -- The piece's identity for duplicate checks: tracking number, else piece number.
    piece_key TEXT NOT NULL,
    -- The number the worker scanned or listed.
    query TEXT NOT NULL,
    order_no TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    piece_no TEXT NOT NULL,
    first_page INTEGER NOT NULL,
    page_count INTEGER NOT NULL,
    file_type TEXT NOT NULL,
    -- SHA-256 of the label file as MegaWMS sent it (the cache keeps the same digest).
    label_sha256 TEXT NOT NULL,
    PRIMARY KEY (job_id, position)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX print_job_pieces_key ON print_job_pieces (piece_key);
`;

/** Migration 3: the durable print queue and the history of printed pieces. */
export const PRINT_MIGRATION: Migration = { version: 3, name: 'print queue', sql: SQL };
