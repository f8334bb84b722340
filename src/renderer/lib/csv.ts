/**
 * CSV in and out: the first column of an imported file (a list of numbers), and results
 * exported with every field quoted where it must be.
 */

/** Splits CSV text into rows of fields, honouring quotes, doubled quotes and CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;

  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',' || char === ';' || char === '\t') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The numbers in the first column of a CSV file. The first row is a header, and skipped,
 * when its first cell holds no digit: every MegaWMS order or tracking number has one.
 */
// Limitation: a reference number made of letters only in the first row is taken for a
// header; a header switch on the import would lift it.
export function numbersFromCsv(text: string): string[] {
  const cells = parseCsv(text.replace(/^\uFEFF/, '')).map((row) => (row[0] ?? '').trim());
  const first = cells.findIndex((cell) => cell !== '');
  if (first >= 0 && !/\d/.test(cells[first] ?? '')) cells.splice(first, 1);
  return cells.filter((cell) => cell !== '');
}

/** Quotes one field when it holds a separator, a quote, a line break or edge spaces. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets; a leading quote
  // keeps server text (error messages) inert when the file is opened.
  if (/^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  if (/[",;\r\n\t]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** A whole CSV document (CRLF line ends, as spreadsheets expect) from a header and rows. */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Numbers pasted by hand or from a spreadsheet: one per line, or separated by commas,
 * semicolons, tabs or spaces. Duplicates are dropped, the first place kept.
 */
export function parseNumberList(text: string): { numbers: string[]; duplicates: number } {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const part of text.split(/[\s,;]+/)) {
    const number = part.trim().replace(/^"|"$/g, '');
    if (number === '') continue;
    if (seen.has(number)) duplicates += 1;
    else seen.add(number);
  }
  return { numbers: [...seen], duplicates };
}
