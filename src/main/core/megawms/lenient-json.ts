/**
 * JSON as MegaWMS writes it. The vendor's answers may start with a UTF-8 byte-order mark,
 * carry trailing commas and repeat a key in one object (InvalidOrder sends `OrderNo` twice:
 * the order number, then the reference number). `JSON.parse` rejects the first two and keeps
 * only the last duplicate, so the text is repaired in one pass before the native parser runs.
 */

/**
 * A repeated key is kept under `<key>~<n>` (n = 2, 3, …) so the first value stays under its
 * own name and no value is lost: `{"OrderNo":"R1","OrderNo":"REF"}` → `OrderNo`, `OrderNo~2`.
 */
export function duplicateKeyName(key: string, occurrence: number): string {
  return `${key}~${occurrence}`;
}

/** Thrown when the body is not JSON even after the repairs; the caller reports `not-json`. */
export class NotJsonError extends Error {
  override readonly name = 'NotJsonError';
}

interface Edit {
  /** Index in the original text. */
  at: number;
  /** Characters replaced at `at` (a trailing comma: 1; a repeated key: its length). */
  remove: number;
  insert: string;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** How a repeated key is read: numbered (`OrderNo`, `OrderNo~2`) or the last one wins. */
export type DuplicateKeys = 'number' | 'last';

/**
 * Parses a MegaWMS body: BOM, trailing commas and duplicated keys tolerated. With
 * `duplicates: 'last'` a clean body goes straight to `JSON.parse` (the scan runs only when
 * that fails), which saves a pass over large answers such as a GetLabel batch.
 */
export function parseLenientJson(text: string, duplicates: DuplicateKeys = 'number'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (duplicates === 'last') {
    try {
      return JSON.parse(body);
    } catch {
      // Trailing commas, most likely: repaired below.
    }
  }
  const repaired = applyEdits(body, findRepairs(body, duplicates === 'number'));
  try {
    return JSON.parse(repaired);
  } catch (error) {
    throw new NotJsonError((error as Error).message);
  }
}

/**
 * Walks the structure once. Strings are skipped with `indexOf`, so a body made mostly of
 * base64 labels costs little more than the native parse. Malformed input is left alone:
 * `JSON.parse` reports it.
 */
function findRepairs(text: string, numberDuplicates: boolean): Edit[] {
  const edits: Edit[] = [];
  // One entry per open container: the keys seen so far for an object, null for an array.
  // An array beats a Map here: MegaWMS objects have a dozen keys at most.
  const stack: Array<string[] | null> = [];
  let expectKey = false;
  let i = 0;

  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = findStringEnd(text, i);
      if (end < 0) break;
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        if (numberDuplicates) noteKey(keys, text.slice(i + 1, end), i + 1, edits);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_BRACE) {
      stack.push([]);
      expectKey = true;
    } else if (c === OPEN_BRACKET) {
      stack.push(null);
      expectKey = false;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      stack.pop();
      expectKey = false;
    } else if (c === COMMA) {
      if (isBeforeCloser(text, i + 1)) edits.push({ at: i, remove: 1, insert: '' });
      expectKey = stack[stack.length - 1] != null;
    } else if (c === COLON) {
      expectKey = false;
    }
    i++;
  }
  return edits;
}

/** Records a key of the current object; a repeat is renamed `<key>~<n>` in place. */
function noteKey(keys: string[], key: string, at: number, edits: Edit[]): void {
  let seen = 1;
  for (const k of keys) if (k === key) seen++;
  keys.push(key);
  if (seen > 1) edits.push({ at, remove: key.length, insert: duplicateKeyName(key, seen) });
}

/** Index of the quote closing the string that opens at `start`, or -1 when unterminated. */
function findStringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end > 0) {
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** True when only whitespace separates `from` from a `}` or `]` (a trailing comma). */
function isBeforeCloser(text: string, from: number): boolean {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) return true;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return false;
}

function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const edit of edits) {
    parts.push(text.slice(from, edit.at), edit.insert);
    from = edit.at + edit.remove;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
