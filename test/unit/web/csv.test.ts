import { describe, expect, it } from 'vitest';
import {
  csvField,
  numbersFromCsv,
  parseCsv,
  parseNumberList,
  toCsv,
} from '../../../src/renderer/lib/csv';

describe('CSV import', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\nx,y')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['x', 'y'],
    ]);
  });

  it('takes the first column and skips a header row that has no digit', () => {
    expect(numbersFromCsv('\uFEFFTracking number,Pieces\n1Z999,1\n\n 1Z998 ,2\n')).toEqual([
      '1Z999',
      '1Z998',
    ]);
  });

  it('keeps the first row when it is already a number', () => {
    expect(numbersFromCsv('R800001707210005\nR800001707210006')).toEqual([
      'R800001707210005',
      'R800001707210006',
    ]);
  });

  it('splits pasted numbers on lines, commas, semicolons, tabs and spaces and drops repeats', () => {
    expect(parseNumberList('1Z1\n1Z2, 1Z3;1Z4\t1Z5  1Z1\r\n')).toEqual({
      numbers: ['1Z1', '1Z2', '1Z3', '1Z4', '1Z5'],
      duplicates: 1,
    });
  });
});

describe('CSV export', () => {
  it('quotes fields that hold separators, quotes, line breaks or edge spaces', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('keeps text that a spreadsheet would run as a formula inert, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe('-5');
  });

  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['Number', 'Error'], [['1Z1', 'Not found, check it']])).toBe(
      'Number,Error\r\n1Z1,"Not found, check it"\r\n',
    );
  });
});
