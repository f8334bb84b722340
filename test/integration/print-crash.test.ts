// A print queue killed mid-work (SIGKILL, as a crash or power cut would) is resumed by the
// next start without a duplicate page: the CUPS jobs and the cups-pdf pages are counted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/core/db/database';
import { createCupsPort } from '../../src/main/core/printing/cups-port';
import { createPrintQueue, type PrintQueue } from '../../src/main/core/printing/print-queue';
import { createPrintService, type LabelSource } from '../../src/main/core/printing/print-service';
import { savePrintSettings } from '../../src/main/core/printing/print-settings';
import {
  createVirtualPrinter,
  makeLabel,
  makeLabelPdf,
  readPdf,
  waitFor,
  type VirtualPrinter,
} from '../helpers/cups';

const CHILD = fileURLToPath(new URL('./print-crash-worker.child.ts', import.meta.url));
const port = createCupsPort();

let printer: VirtualPrinter;
let dir: string;
let db: Db;
let queue: PrintQueue | null;

const source: LabelSource = async (numbers) =>
  Promise.all(
    numbers.map(async (query) => ({
      query,
      ok: true as const,
      labels: [makeLabel(query, await makeLabelPdf(`LABEL ${query}`))],
    })),
  );

beforeAll(() => {
  printer = createVirtualPrinter('crash');
});
afterAll(() => printer?.remove());

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-print-crash-'));
  db = openDatabase(dir);
  savePrintSettings(db, { labelPrinter: printer.name });
  queue = null;
});
afterEach(async () => {
  await queue?.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Queues the numbers without starting a queue: the child process will send them. */
async function enqueue(numbers: string[], separate: boolean): Promise<number[]> {
  const idle = createPrintQueue({ db, port });
  const service = createPrintService({ db, port, queue: idle, labelSource: source });
  return (await service.printNumbers(numbers, { separate })).jobIds;
}

/** Runs the queue in a child until it dies (crashAfter > 0) or until `killWhen` says so. */
async function runChild(crashAfter: number, killWhen?: (output: string) => boolean) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(crashAfter)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  try {
    if (killWhen) {
      await waitFor(() => killWhen(output), { what: 'the child to reach the kill point' });
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
  } finally {
    child.kill('SIGKILL');
  }
  return output;
}

/** Starts a fresh queue on the same file, as the next run of the app would. */
function restart() {
  queue = createPrintQueue({ db, port, pollMs: 100, retryMs: 200 });
  return queue.start();
}

/** Waits until CUPS has nothing more to do with a job on its own: held, or finished. */
async function settledInSpooler(spoolerId: string): Promise<string> {
  return waitFor(
    async () => {
      const { state } = await port.getJob(spoolerId);
      return ['held', 'done', 'failed', 'cancelled'].includes(state) ? state : null;
    },
    { what: `${spoolerId} to settle in CUPS` },
  );
}

async function outputTexts(spoolerIds: string[]): Promise<string[]> {
  const texts: string[] = [];
  for (const id of spoolerIds) {
    const pdf = readPdf(await printer.waitForOutput(id));
    texts.push(...pdf.pageTexts.map((t) => /LABEL (\S+)/.exec(t)?.[1] ?? t));
  }
  return texts;
}

it('resumes a job the spooler took just before the crash without sending it again', async () => {
  const [id] = await enqueue(['CR-A1', 'CR-A2', 'CR-A3'], false);
  const before = printer.cupsJobs();

  await runChild(1);
  expect(db.prepare('SELECT state, spooler_id FROM print_jobs WHERE id = ?').get(id)).toEqual({
    state: 'submitting',
    spooler_id: null,
  });
  const taken = printer.cupsJobs().filter((j) => !before.includes(j));
  expect(taken).toHaveLength(1);
  // Give CUPS all the time it wants: a job it could print would be finished by now.
  expect(await settledInSpooler(taken[0]!)).toBe('held');

  const report = restart();
  expect(report.unfinished.map((j) => [j.id, j.state])).toEqual([[id, 'submitting']]);
  const job = await queue!.waitFor(id!, (j) => j.state === 'done');
  expect(job.spoolerId).toBe(taken[0]);
  expect(job.attempts).toBe(1);
  expect(printer.cupsJobs().filter((j) => !before.includes(j))).toEqual(taken);
  expect(await outputTexts(taken)).toEqual(['CR-A1', 'CR-A2', 'CR-A3']);
});

it('resumes a batch killed mid-way with every label printed once, in order', async () => {
  const numbers = ['CR-B1', 'CR-B2', 'CR-B3', 'CR-B4', 'CR-B5'];
  const ids = await enqueue(numbers, true);
  const before = printer.cupsJobs();

  await runChild(3);
  const states = ids.map(
    (id) =>
      (db.prepare('SELECT state FROM print_jobs WHERE id = ?').get(id) as { state: string }).state,
  );
  expect(states.slice(2)).toEqual(['submitting', 'queued', 'queued']);
  const third = printer.cupsJobs().filter((j) => !before.includes(j))[2]!;
  expect(await settledInSpooler(third)).toBe('held');

  const report = restart();
  expect(report.unfinished.map((j) => j.id)).toEqual(ids.filter((_, i) => states[i] !== 'done'));
  const jobs = await Promise.all(ids.map((id) => queue!.waitFor(id, (j) => j.state === 'done')));
  const taken = printer.cupsJobs().filter((j) => !before.includes(j));
  expect(taken).toHaveLength(5);
  expect(jobs.map((j) => j.spoolerId)).toEqual(taken);
  expect(await outputTexts(taken)).toEqual(numbers);
});

it('follows a sent job by its spooler id after a crash until the printer is back', async () => {
  const [id] = await enqueue(['CR-C1'], false);
  const before = printer.cupsJobs();
  printer.disable('Paused for the crash test');
  try {
    await runChild(0, (output) => output.includes(`${id} sent`));
    const taken = printer.cupsJobs().filter((j) => !before.includes(j));
    expect(taken).toHaveLength(1);

    const report = restart();
    expect(report.unfinished.map((j) => [j.id, j.state])).toEqual([[id, 'sent']]);
    await queue!.waitFor(id!, (j) => j.reason.includes('paused'));
    printer.enable();
    const job = await queue!.waitFor(id!, (j) => j.state === 'done');
    expect(job.spoolerId).toBe(taken[0]);
    expect(printer.cupsJobs().filter((j) => !before.includes(j))).toEqual(taken);
    expect(await outputTexts(taken)).toEqual(['CR-C1']);
  } finally {
    printer.enable();
  }
});
