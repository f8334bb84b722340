/** Reading the numbers a user hands the `station` command: arguments and `--file` lists. */
import fs from 'node:fs';
import { UsageError } from './context';

/**
 * Numbers from a file: one a line, or the first column of a CSV. Blank lines, `#` comments
 * and a header row (a first cell with no digit) are skipped.
 */
export function readNumbersFile(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const numbers: string[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const cell = firstCsvCell(trimmed);
    if (i === 0 && !/\d/.test(cell)) continue;
    if (cell) numbers.push(cell);
  }
  return numbers;
}

function firstCsvCell(line: string): string {
  if (line.startsWith('"')) {
    const end = line.indexOf('"', 1);
    return (end > 0 ? line.slice(1, end) : line.slice(1)).trim();
  }
  return (line.split(/[,;\t]/)[0] ?? '').trim();
}

/** Arguments and file numbers together, in the order given, with blanks removed. */
export function collectNumbers(args: string[], file?: string): string[] {
  const fromFile = file ? readNumbersFile(file) : [];
  return [...args, ...fromFile].map((n) => n.trim()).filter(Boolean);
}

/** The numbers of a command that needs at least one; none is a usage error. */
export function requireNumbers(args: string[], file?: string): string[] {
  const numbers = collectNumbers(args, file);
  if (numbers.length === 0) throw new UsageError('Give at least one number, or --file.');
  return numbers;
}
