// `station printers`, `print`, `jobs` and `reprint` as a worker types them, against the
// built-in demo sandbox and a real CUPS printer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/server';
import { runStation } from '../helpers/cli';
import { createVirtualPrinter, readPdf, type VirtualPrinter } from '../helpers/cups';

let dir: string;
let printer: VirtualPrinter;
let numbers: string[];

const station = (...args: string[]) => runStation(['--demo', '--data-dir', dir, ...args]);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-print-cli-'));
  printer = createVirtualPrinter('cli');
  // `--demo` runs the sandbox with its default seed: the same numbers exist there.
  const sandbox = await startSandbox({ port: 0 });
  numbers = sandbox.sample().trackingNumbers.slice(0, 3);
  await sandbox.close();
});

afterAll(() => {
  printer?.remove();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('station print commands', () => {
  it('chooses the label printer and lists it with its state', async () => {
    const run = await station('printers', '--label', printer.name);
    expect(run.code).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith(printer.name));
    expect(line).toMatch(/idle\s+yes\s+-\s+labels/);
  });

  it('prints two numbers as one job and waits until it is done', async () => {
    const run = await station('print', numbers[0]!, numbers[1]!, '--wait');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // A demo order may have more than one piece: one label (and page) per piece.
    const line = new RegExp(
      `^job 1: (\\d+) labels, (\\d+) pages → ${printer.name} \\((\\S+)\\): done$`,
    );
    const [, labels, pages, spoolerId] = line.exec(run.stdout.trim())!;
    expect(Number(labels)).toBeGreaterThanOrEqual(2);
    expect(pages).toBe(labels);
    const pdf = readPdf(await printer.waitForOutput(spoolerId!));
    expect(pdf.pages).toBe(Number(pages));
    expect(new Set(pdf.sizes)).toEqual(new Set(['288x432']));
  });

  it('asks before printing a label again, and prints it with --yes', async () => {
    const again = await station('print', numbers[0]!);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Add --yes to print these again');
    expect(again.stdout).toBe('');

    const yes = await station('print', numbers[0]!, '--yes', '--copies', '2', '--wait');
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain('job 2: 1 label, 1 page');
  });

  it('lists the jobs and reprints one', async () => {
    const reprint = await station('reprint', '1', '--wait');
    expect(reprint.code).toBe(0);
    expect(reprint.stdout.trim()).toMatch(/^job 3: \d+ labels, \d+ pages .*: done$/);
    const jobs = await station('jobs');
    expect(jobs.code).toBe(0);
    const rows = jobs.stdout.trim().split('\n').slice(1);
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(['3', '2', '1']);
    expect(rows[0]).toContain('reprint of 1');
  });

  it('refuses a size that is no label size, before anything is printed', async () => {
    const run = await station('print', numbers[2]!, '--media', 'A5');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"A5" is not a label size');
  });
});
