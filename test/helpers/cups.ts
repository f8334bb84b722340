/**
 * A real CUPS printer for the print tests: a cups-pdf queue with a name no other test file
 * uses, whose output PDFs (`<title>-job_<id>.pdf` in the folder scripts/setup-cups.sh sets)
 * are read back with poppler's pdfinfo and pdftotext. Also label files to print: PDFs
 * carrying their sequence as text, and PNGs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { Label } from '../../src/shared/domain';
import { waitFor as pollUntil, type WaitOptions } from './wait';

/** Where cups-pdf writes (scripts/setup-cups.sh configures the same folder). */
export const CUPS_PDF_OUT =
  process.env.LABEL_STATION_CUPS_PDF_OUT ?? '/var/spool/cups-pdf/label-station';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CUPS_ENV = { ...process.env, LANG: 'C', LC_ALL: 'C' };

/** Starts cupsd through scripts/setup-cups.sh when it is not running (idempotent). */
export function ensureCups(): void {
  if (cupsCommand('lpstat', ['-r']).stdout.includes('is running')) return;
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup-cups.sh')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`CUPS could not be started: ${r.stderr || r.stdout}`);
}

/** A virtual label printer that exists for one test file. */
export interface VirtualPrinter {
  name: string;
  /** CUPS job ids this printer ever had (finished or not), oldest first. */
  cupsJobs(): string[];
  /** Waits for the cups-pdf output of a CUPS job (`P-12`) and returns its path. */
  waitForOutput(spoolerId: string, timeoutMs?: number): Promise<string>;
  disable(reason: string): void;
  enable(): void;
  reject(reason: string): void;
  accept(): void;
  /** Deletes the printer (and its jobs) and the output files of its jobs. */
  remove(): void;
}

/** Creates `ls-test-<tag>-<pid>-<random>` on cups-pdf, enabled and accepting. */
export function createVirtualPrinter(tag: string): VirtualPrinter {
  ensureCups();
  const name = `ls-test-${tag}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  run('lpadmin', ['-p', name, '-E', '-v', 'cups-pdf:/', '-m', 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd']);
  const seen = new Set<string>();
  const printer: VirtualPrinter = {
    name,
    cupsJobs: () => {
      const out = run('lpstat', ['-W', 'all', '-o', name]);
      const ids = [...out.matchAll(/^(\S+-\d+)\s/gm)].map((m) => m[1]!);
      for (const id of ids) seen.add(id);
      return ids.sort((a, b) => jobNumber(a) - jobNumber(b));
    },
    waitForOutput: async (spoolerId, timeoutMs = 60_000) => {
      seen.add(spoolerId);
      return waitFor(() => outputFile(spoolerId), {
        timeoutMs,
        what: `cups-pdf output of ${spoolerId}`,
      });
    },
    disable: (reason) => void run('cupsdisable', ['-r', reason, name]),
    enable: () => void run('cupsenable', [name]),
    reject: (reason) => void run('cupsreject', ['-r', reason, name]),
    accept: () => void run('cupsaccept', [name]),
    remove: () => {
      printer.cupsJobs();
      cupsCommand('lpadmin', ['-x', name]);
      for (const id of seen) {
        const file = findOutput(id);
        if (file) fs.rmSync(file, { force: true });
      }
    },
  };
  return printer;
}

/** Number of pages, page sizes (points) and text of each page of a PDF, read by poppler. */
export function readPdf(file: string): { pages: number; sizes: string[]; pageTexts: string[] } {
  const info = run('pdfinfo', ['-l', '100000', file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
    (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
  );
  // pdftotext ends every page with a form feed.
  const pageTexts = run('pdftotext', ['-layout', file, '-']).split('\f').slice(0, pages);
  return { pages, sizes, pageTexts: pageTexts.map((t) => t.trim()) };
}

/** A one-page label PDF of `size` points that carries `text` (its sequence) as real text. */
export async function makeLabelPdf(
  text: string,
  size: [number, number] = [288, 432],
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage(size);
  page.drawText(text, { x: 20, y: size[1] / 2, size: 24, font });
  page.drawRectangle({ x: 10, y: 10, width: size[0] - 20, height: 40, borderWidth: 2 });
  return doc.save();
}

/** A PNG of `width`×`height` pixels with black bars (a stand-in for a carrier's label). */
export function makeLabelPng(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const ink = Math.floor(x / 8) % 2 === 0 && y > height / 3 && y < (2 * height) / 3;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = ink ? 0 : 255;
      png.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** A greyscale JPEG of `width`×`height` pixels, drawn by Ghostscript (installed with CUPS). */
export function makeLabelJpeg(width: number, height: number): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-jpeg-'));
  try {
    const file = path.join(dir, 'label.jpg');
    const bars = `0 setgray 20 ${height / 3} ${width - 40} ${height / 3} rectfill showpage`;
    run('gs', [
      '-q',
      '-dSAFER',
      '-sDEVICE=jpeggray',
      `-g${width}x${height}`,
      '-r72',
      '-o',
      file,
      '-c',
      bars,
    ]);
    return new Uint8Array(fs.readFileSync(file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A Label as MegaWMS would give it, for a test's LabelSource. */
export function makeLabel(
  trackingNumber: string,
  file: Uint8Array | null,
  type: Label['fileType'] = 'pdf',
): Label {
  return {
    orderNo: `R-${trackingNumber}`,
    referenceNo: `REF-${trackingNumber}`,
    masterTrackingNumber: trackingNumber,
    trackingNumber,
    pieceNo: '',
    pieceIndex: 1,
    pieceCount: 1,
    fileType: file ? type : null,
    file,
    htmlUrl: '',
  };
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs` naming what it waited for. */
export async function waitFor<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  opts: WaitOptions = {},
): Promise<T> {
  return pollUntil(probe, { intervalMs: 100, ...opts });
}

function outputFile(spoolerId: string): string | null {
  const file = findOutput(spoolerId);
  if (!file) return null;
  // cups-pdf writes the file through Ghostscript, then sets its mode: wait for a whole PDF.
  const bytes = fs.readFileSync(file);
  return bytes.subarray(-1024).toString('latin1').includes('%%EOF') ? file : null;
}

function findOutput(spoolerId: string): string | null {
  if (!fs.existsSync(CUPS_PDF_OUT)) return null;
  const suffix = `-job_${jobNumber(spoolerId)}.pdf`;
  // Job numbers restart when cupsd's state is wiped: of two matches, the newest is ours.
  const matches = fs
    .readdirSync(CUPS_PDF_OUT)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(CUPS_PDF_OUT, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return matches[0] ?? null;
}

function jobNumber(spoolerId: string): number {
  return Number(/-(\d+)$/.exec(spoolerId)?.[1] ?? NaN);
}

function cupsCommand(
  cmd: string,
  args: string[],
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { env: CUPS_ENV, encoding: 'utf8' });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, {
    env: CUPS_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
