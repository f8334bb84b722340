/**
 * The printer port for CUPS (Linux, macOS), through its own commands: `lp`, `lpstat`,
 * `lpq`, `lpoptions`, `cancel`. Every command runs with execFile and an argument array —
 * never a shell, never a command string — with `LANG=C` so its words can be parsed, and
 * every printer name is checked before it reaches an argument.
 *
 * What CUPS 2.4 does and does not tell, as found on a real cupsd (see the print tests):
 * - `lpstat -W not-completed -l -o P` lists a printer's waiting and printing jobs; a job
 *   submitted with `-H indefinite` shows `Alerts: job-hold-until-specified`.
 * - Finished jobs (completed, cancelled and aborted alike) move to `lpstat -W completed`,
 *   and its `Alerts:` line reads `processing-to-stop-point` for all three; `-W` takes no
 *   other values. The scheduler does name the final state when asked to cancel a finished
 *   job ("Job #12 is already completed - can't cancel."), so that refusal is how a
 *   finished job is told apart. It is only asked once the job is in the completed list,
 *   and a finished job never leaves that state on its own.
 * - No lpstat listing shows a job's title; `lpq -l` does, for unfinished jobs only (cut to
 *   39 characters, after "N copies of "). The queue's titles are short for that reason.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cupsMediaName } from './label-size';
import {
  describePrinterReason,
  describePrinterProblem,
  PrinterError,
  type MediaSizes,
  type PrinterInfo,
  type PrinterPort,
  type PrinterReason,
  type SpoolerJob,
  type SubmitOptions,
  type SubmitResult,
} from './printer-port';

export interface CupsPortOptions {
  /** Longest wait for one command; `lp` with a large batch gets four times as long. */
  timeoutMs?: number;
}

/** The CUPS printer port. */
export function createCupsPort(options: CupsPortOptions = {}): PrinterPort {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const run = (cmd: string, args: string[], ms = timeoutMs) => runCups(cmd, args, ms);

  const port: PrinterPort = {
    kind: 'cups',
    listPrinters: async () => {
      const r = await run('lpstat', ['-l', '-p', '-a', '-d']);
      if (r.code !== 0 && !/No destinations added/i.test(r.stderr)) throw cupsError('lpstat', r);
      return parsePrinters(r.stdout);
    },
    getDefaultPrinter: async () => {
      const r = await run('lpstat', ['-d']);
      return parseDefaultPrinter(r.stdout);
    },
    getMediaSizes: async (printer) => {
      const r = await run('lpoptions', ['-p', checkPrinterName(printer), '-l']);
      if (r.code !== 0) throw cupsError('lpoptions', r, printer);
      return parseMediaSizes(r.stdout);
    },
    submit: (document, opts) => submit(run, document, opts, timeoutMs * 4),
    release: async (spoolerId) => {
      const r = await run('lp', ['-i', checkSpoolerId(spoolerId).id, '-H', 'resume']);
      if (r.code !== 0 && !/finished|does not exist/i.test(r.stderr)) throw cupsError('lp', r);
    },
    getJob: async (spoolerId) => {
      const jobs = await port.getJobs([spoolerId]);
      return jobs.get(spoolerId) ?? unknownJob(spoolerId);
    },
    getJobs: async (spoolerIds) => {
      const byPrinter = new Map<string, string[]>();
      for (const id of spoolerIds) {
        const { printer } = checkSpoolerId(id);
        byPrinter.set(printer, [...(byPrinter.get(printer) ?? []), id]);
      }
      const result = new Map<string, SpoolerJob>();
      for (const [printer, ids] of byPrinter) {
        for (const job of await followJobs(run, printer, ids)) result.set(job.spoolerId, job);
      }
      return result;
    },
    findUnfinishedJobsByTitle: async (printer, titles) => {
      const r = await run('lpq', ['-P', checkPrinterName(printer), '-l']);
      if (r.code !== 0) throw cupsError('lpq', r, printer);
      const found = parseLpqTitles(r.stdout, printer);
      return new Map(titles.flatMap((t) => (found.has(t) ? [[t, found.get(t)!]] : [])));
    },
    cancel: async (spoolerId) => {
      const r = await run('cancel', [checkSpoolerId(spoolerId).id]);
      if (r.code === 0) return true;
      if (parseCancelRefusal(r.stderr)) return false;
      throw cupsError('cancel', r);
    },
  };
  return port;
}

type Run = (cmd: string, args: string[], ms?: number) => Promise<CupsResult>;

async function submit(
  run: Run,
  document: string | Uint8Array,
  opts: SubmitOptions,
  timeoutMs: number,
): Promise<SubmitResult> {
  const printer = checkPrinterName(opts.printer);
  const file =
    typeof document === 'string'
      ? { path: document, remove: async () => {} }
      : await writeTemp(document);
  try {
    const r = await run('lp', lpArguments(printer, file.path, opts), timeoutMs);
    if (r.code !== 0) throw cupsError('lp', r, printer);
    const spoolerId = parseRequestId(r.stdout);
    if (!spoolerId) {
      throw new PrinterError(
        'failed',
        `CUPS took the job for ${printer} but gave no job number.`,
        r.stdout,
      );
    }
    return { spoolerId, held: opts.hold ?? false, finished: false, note: '' };
  } finally {
    await file.remove();
  }
}

/** The `lp` arguments for one document: labels at their size, never scaled unless asked. */
export function lpArguments(printer: string, file: string, opts: SubmitOptions): string[] {
  const scaling: Record<SubmitOptions['scale'], string[]> = {
    none: ['-o', 'print-scaling=none', '-o', 'fit-to-page=false'],
    shrink: ['-o', 'print-scaling=auto-fit'],
    fit: ['-o', 'print-scaling=fit', '-o', 'fit-to-page=true'],
  };
  // prettier-ignore
  return [
    '-d', printer,
    '-n', String(opts.copies),
    '-o', `media=${cupsMediaName(opts.media)}`,
    ...scaling[opts.scale],
    '-o', `orientation-requested=${opts.orientation === 'landscape' ? 4 : 3}`,
    // Copies of a batch come out as whole batches, each in the order asked.
    '-o', 'collate=true',
    '-t', opts.title,
    ...(opts.hold ? ['-H', 'indefinite'] : []),
    '--', file,
  ];
}

async function followJobs(run: Run, printer: string, ids: string[]): Promise<SpoolerJob[]> {
  const open = await run('lpstat', ['-W', 'not-completed', '-l', '-o', printer, '-p', printer]);
  if (open.code !== 0) {
    if (/Invalid destination|does not exist|No destinations/i.test(open.stderr)) {
      const reason = `The printer ${printer} was removed from this computer, and its jobs with it.`;
      return ids.map((spoolerId) => ({ spoolerId, state: 'failed' as const, reason }));
    }
    throw cupsError('lpstat', open, printer);
  }
  const jobs = new Map(parseJobs(open.stdout).map((j) => [j.spoolerId, j]));
  const info = parsePrinters(open.stdout).find((p) => p.name === printer);
  const waiting = info ? describePrinterProblem({ ...info, accepting: true }) : '';

  const result: SpoolerJob[] = [];
  const gone: string[] = [];
  for (const id of ids) {
    const job = jobs.get(id);
    if (!job) gone.push(id);
    else result.push({ spoolerId: id, state: openState(job, info), reason: waiting });
  }
  if (gone.length > 0) result.push(...(await finishedStates(run, printer, gone)));
  return result;
}

function openState(job: ListedJob, printer: ParsedPrinter | undefined): SpoolerJob['state'] {
  if (job.alerts.includes('job-hold-until-specified')) return 'held';
  if (job.alerts.includes('job-printing') || printer?.nowPrinting === job.spoolerId)
    return 'printing';
  return 'queued';
}

async function finishedStates(run: Run, printer: string, ids: string[]): Promise<SpoolerJob[]> {
  const done = await run('lpstat', ['-W', 'completed', '-l', '-o', printer]);
  if (done.code !== 0) throw cupsError('lpstat', done, printer);
  const listed = new Map(parseJobs(done.stdout).map((j) => [j.spoolerId, j]));
  const result: SpoolerJob[] = [];
  for (const id of ids) {
    const job = listed.get(id);
    if (!job) {
      result.push(unknownJob(id));
      continue;
    }
    result.push(await probeFinishedJob(run, id, job.status));
  }
  return result;
}

/** Asks CUPS to cancel a job it lists as finished: the refusal names how it finished. */
async function probeFinishedJob(run: Run, id: string, status: string): Promise<SpoolerJob> {
  const r = await run('cancel', [id]);
  // Limitation: a finished job restarted by hand (`lp -i ID -H restart`) between the
  // listing and this probe would be cancelled here; an IPP Get-Job-Attributes request
  // (ipptool is not installed everywhere) would read the state without touching the job.
  if (r.code === 0) {
    return {
      spoolerId: id,
      state: 'cancelled',
      reason: 'The job was restarted outside Label Station and has been stopped.',
    };
  }
  const refusal = parseCancelRefusal(r.stderr);
  const detail = status ? ` (${status})` : '';
  switch (refusal) {
    case 'completed':
      return { spoolerId: id, state: 'done', reason: '' };
    case 'canceled':
      return {
        spoolerId: id,
        state: 'cancelled',
        reason: 'The job was cancelled at the printer or on this computer.',
      };
    case 'aborted':
      return {
        spoolerId: id,
        state: 'failed',
        reason: `The printing system gave up on the job${detail}. Check the printer and reprint.`,
      };
    default:
      return unknownJob(id);
  }
}

function unknownJob(spoolerId: string): SpoolerJob {
  return {
    spoolerId,
    state: 'unknown',
    reason:
      'CUPS no longer lists this job (its history was cleared); it left the queue without ' +
      'an error being seen.',
  };
}

// ——— Running CUPS commands ———

interface CupsResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCups(cmd: string, args: string[], timeoutMs: number): Promise<CupsResult> {
  // The words of CUPS's answers are parsed: force the C locale, keep the rest of the env.
  const env = { ...process.env, LANG: 'C', LC_ALL: 'C' };
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failure = error as
          (NodeJS.ErrnoException & { killed?: boolean; code?: unknown }) | null;
        if (failure?.code === 'ENOENT') {
          reject(
            new PrinterError(
              'spooler-down',
              `The CUPS command "${cmd}" is not installed on this computer, so Label Station ` +
                'cannot print. Install CUPS (on Debian: cups and cups-bsd).',
            ),
          );
          return;
        }
        if (failure?.killed) {
          reject(
            new PrinterError(
              'spooler-down',
              `CUPS did not answer within ${Math.round(timeoutMs / 1000)} s. ` +
                'Check that the printing service is running.',
            ),
          );
          return;
        }
        const code = failure ? (typeof failure.code === 'number' ? failure.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

async function writeTemp(
  bytes: Uint8Array,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'label-station-print-'));
  const file = path.join(dir, 'labels.pdf');
  await fs.writeFile(file, bytes);
  // CUPS copies the document into its spool when lp returns, so the file can go at once.
  return { path: file, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

function cupsError(cmd: string, r: CupsResult, printer?: string): PrinterError {
  const said = (r.stderr || r.stdout).trim();
  const name = printer ? `"${printer}"` : 'the printer';
  if (/does not exist|Unknown destination|Invalid destination|Unable to get PPD/i.test(said)) {
    return new PrinterError(
      'no-such-printer',
      `The printer ${name} does not exist on this computer. ` +
        'Choose another printer in the print settings.',
      said,
    );
  }
  if (/not accepting/i.test(said)) {
    return new PrinterError(
      'not-accepting',
      `The printer ${name} is not accepting jobs right now. ` +
        'Label Station keeps the job and tries again.',
      said,
    );
  }
  if (
    /Unable to connect|scheduler is not running|Connection refused|Bad file descriptor/i.test(said)
  ) {
    return new PrinterError(
      'spooler-down',
      'The printing service (CUPS) is not running. Start it, and Label Station sends the job then.',
      said,
    );
  }
  return new PrinterError(
    'failed',
    `CUPS refused the request (${cmd}): ${said || `exit code ${r.code}`}`,
    said,
  );
}

// ——— Names ———

// CUPS printer names: printable, no spaces, no "/", "\", "#", quotes or commas, ≤ 127 chars.
const PRINTER_NAME = /^[^\s/\\#'",\p{Cc}]{1,127}$/u;

/** True when `name` is a name CUPS could have given a printer (and not an option). */
export function isValidPrinterName(name: string): boolean {
  return PRINTER_NAME.test(name) && !name.startsWith('-');
}

function checkPrinterName(name: string): string {
  if (!isValidPrinterName(name)) {
    throw new PrinterError(
      'invalid-printer-name',
      `"${name}" is not a printer name CUPS accepts. Choose the printer from the list.`,
    );
  }
  return name;
}

function checkSpoolerId(id: string): { id: string; printer: string } {
  const match = /^(.+)-(\d+)$/.exec(id);
  if (!match || !isValidPrinterName(match[1]!)) {
    throw new PrinterError('failed', `"${id}" is not a CUPS job id (printer-number).`);
  }
  return { id, printer: match[1]! };
}

// ——— Parsing CUPS's answers (exported for the unit tests) ———

/** A printer as `lpstat -l -p -a -d` describes it, plus the job it is printing. */
export interface ParsedPrinter extends PrinterInfo {
  nowPrinting: string | null;
}

const PRINTER_STATE_LINE =
  /^printer (\S+) (?:(is idle|is holding new jobs)|now printing (\S+-\d+)\.|disabled since)/;

/** Parses `lpstat -l -p -a -d` (any subset): printers, acceptance, the default. */
export function parsePrinters(stdout: string): ParsedPrinter[] {
  const printers = new Map<string, ParsedPrinter>();
  const defaultName = parseDefaultPrinter(stdout);
  let current: ParsedPrinter | null = null;
  let expectMessage = false;

  for (const line of stdout.split('\n')) {
    const state = PRINTER_STATE_LINE.exec(line);
    if (state) {
      current = printers.get(state[1]!) ?? newPrinter(state[1]!, defaultName);
      current.state = state[2] ? 'idle' : state[3] ? 'printing' : 'stopped';
      current.nowPrinting = state[3] ?? null;
      printers.set(current.name, current);
      expectMessage = true;
      continue;
    }
    const accepting = /^(\S+) (not )?accepting requests since/.exec(line);
    if (accepting) {
      const p = printers.get(accepting[1]!) ?? newPrinter(accepting[1]!, defaultName);
      p.accepting = !accepting[2];
      printers.set(p.name, p);
      current = null;
      continue;
    }
    if (!line.startsWith('\t')) {
      current = null;
      continue;
    }
    if (!current) continue;
    const text = line.trim();
    if (text.startsWith('Alerts:')) current.reasons = parseReasons(text.slice('Alerts:'.length));
    else if (
      expectMessage &&
      !/^(Form mounted|Description|Alerts):/.test(text) &&
      text !== 'reason unknown'
    ) {
      current.message = text;
    }
    expectMessage = false;
  }
  return [...printers.values()];
}

function newPrinter(name: string, defaultName: string | null): ParsedPrinter {
  return {
    name,
    isDefault: name === defaultName,
    state: 'unknown',
    accepting: true,
    reasons: [],
    message: '',
    nowPrinting: null,
  };
}

function parseReasons(text: string): PrinterReason[] {
  return text
    .trim()
    .split(/\s+/)
    .flatMap((k) => {
      const reason = k ? describePrinterReason(k) : null;
      return reason ? [reason] : [];
    });
}

/** The default printer from `lpstat -d`, or null when there is none. */
export function parseDefaultPrinter(stdout: string): string | null {
  return /^system default destination: (\S+)/m.exec(stdout)?.[1] ?? null;
}

/** One job of an `lpstat -l -o` listing. */
export interface ListedJob {
  spoolerId: string;
  alerts: string[];
  /** The `Status:` line (job-printer-state-message), empty when none. */
  status: string;
}

/** Parses the job lines of `lpstat [-l] -o`. */
export function parseJobs(stdout: string): ListedJob[] {
  const jobs: ListedJob[] = [];
  let current: ListedJob | null = null;
  for (const line of stdout.split('\n')) {
    const head = /^(\S+-\d+)\s+\S+\s+\d+\s/.exec(line);
    if (head && !line.startsWith('printer ')) {
      current = { spoolerId: head[1]!, alerts: [], status: '' };
      jobs.push(current);
      continue;
    }
    if (!line.startsWith('\t')) {
      current = null;
      continue;
    }
    const text = line.trim();
    if (current && text.startsWith('Alerts:')) current.alerts = text.slice(7).trim().split(/\s+/);
    else if (current && text.startsWith('Status:')) current.status = text.slice(7).trim();
  }
  return jobs;
}

/** The job id from lp's "request id is Zebra-12 (1 file(s))". */
export function parseRequestId(stdout: string): string | null {
  return /request id is (\S+-\d+)/.exec(stdout)?.[1] ?? null;
}

/** Titles of unfinished jobs from `lpq -P printer -l`, each to its spooler id. */
export function parseLpqTitles(stdout: string, printer: string): Map<string, string> {
  const titles = new Map<string, string>();
  let jobId: string | null = null;
  for (const line of stdout.split('\n')) {
    const head = /\[job (\d+) [^\]]*\]\s*$/.exec(line);
    if (head) {
      jobId = `${printer}-${head[1]}`;
      continue;
    }
    const name = /^\s+(?:\d+ copies of )?(\S+)\s.*\d+ bytes\s*$/.exec(line);
    if (name && jobId) {
      titles.set(name[1]!, jobId);
      jobId = null;
    }
  }
  return titles;
}

/** The sizes from `lpoptions -p P -l` (its PageSize line, or media for driverless queues). */
export function parseMediaSizes(stdout: string): MediaSizes {
  const line = stdout.split('\n').find((l) => /^(PageSize|media)\//i.test(l)) ?? '';
  const values = line
    .slice(line.indexOf(':') + 1)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const sizes = values
    .filter((v) => !/^\*?Custom\./i.test(v))
    .map((v) => ({ name: v.replace(/^\*/, ''), isDefault: v.startsWith('*') }));
  return { sizes, supportsCustom: values.some((v) => /^\*?Custom\./i.test(v)) };
}

/** How a finished job ended, from cancel's refusal; null when it was not such a refusal. */
export function parseCancelRefusal(
  stderr: string,
): 'completed' | 'canceled' | 'aborted' | 'missing' | null {
  const already = /is already (completed|canceled|cancelled|aborted)/i.exec(stderr);
  if (already)
    return already[1]!.toLowerCase() === 'cancelled'
      ? 'canceled'
      : (already[1]!.toLowerCase() as 'completed' | 'canceled' | 'aborted');
  if (/does not exist/i.test(stderr)) return 'missing';
  return null;
}
