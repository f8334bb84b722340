import { describe, expect, it } from 'vitest';

import {
  duplicateKeyName,
  NotJsonError,
  parseLenientJson,
} from '../../../../src/main/core/megawms/lenient-json';
import { SECOND_ORDER_NO } from '../../../../src/main/core/megawms/wire';

describe('parseLenientJson', () => {
  it('reads plain JSON exactly as JSON.parse does', () => {
    const text = '{"a":[1,2,{"b":"c"}],"d":null,"e":true,"f":-1.5e3}';
    expect(parseLenientJson(text)).toEqual(JSON.parse(text));
  });

  it('skips a UTF-8 byte-order mark', () => {
    expect(parseLenientJson('\uFEFF{"Success":"true"}')).toEqual({ Success: 'true' });
  });

  it('drops trailing commas before } and ] across whitespace and newlines', () => {
    const text = '{\n "a": [1, 2,\n ],\n "b": {"c": "d",\r\n\t},\n}';
    expect(parseLenientJson(text)).toEqual({ a: [1, 2], b: { c: 'd' } });
  });

  it('keeps commas and braces that are inside strings', () => {
    const text = '{"Message":"a,}b,]","Url":"http://x/?a=1,2,"}';
    expect(parseLenientJson(text)).toEqual({ Message: 'a,}b,]', Url: 'http://x/?a=1,2,' });
  });

  it('handles escaped quotes and backslashes inside strings', () => {
    const text = '{"a":"say \\"hi\\",}","b":"c:\\\\","b":"second",}';
    expect(parseLenientJson(text)).toEqual({
      a: 'say "hi",}',
      b: 'c:\\',
      [duplicateKeyName('b', 2)]: 'second',
    });
  });

  it('keeps the first of a duplicated key under its name and the next ones numbered', () => {
    const text = '{"OrderNo":"R800001605230003","OrderNo":"CSREFNO","OrderNo":"THIRD"}';
    expect(parseLenientJson(text)).toEqual({
      OrderNo: 'R800001605230003',
      'OrderNo~2': 'CSREFNO',
      'OrderNo~3': 'THIRD',
    });
  });

  it('counts duplicates per object, not across sibling objects', () => {
    const text = '[{"a":1,"b":2},{"a":3,"a":4}]';
    expect(parseLenientJson(text)).toEqual([
      { a: 1, b: 2 },
      { a: 3, 'a~2': 4 },
    ]);
  });

  it('does not take string values for keys', () => {
    // "x" appears as a value and then as a key: not a duplicate.
    expect(parseLenientJson('{"k":"x","x":1,"l":["x","x"]}')).toEqual({
      k: 'x',
      x: 1,
      l: ['x', 'x'],
    });
  });

  it("with duplicates 'last' keeps the last value, and still repairs trailing commas", () => {
    expect(parseLenientJson('{"OrderNo":"R1","OrderNo":"REF"}', 'last')).toEqual({
      OrderNo: 'REF',
    });
    expect(parseLenientJson('\uFEFF{"a":[1,],"a":2,}', 'last')).toEqual({ a: 2 });
    expect(() => parseLenientJson('{"a":', 'last')).toThrow(NotJsonError);
  });

  it('names the duplicate the way the InvalidOrder schema reads it', () => {
    expect(duplicateKeyName('OrderNo', 2)).toBe(SECOND_ORDER_NO);
  });

  it('throws NotJsonError for an HTML page, truncated JSON and an empty body', () => {
    for (const text of [
      '<html><body>Server Error</body></html>',
      '{"Labels":[{"Label":"JVBE',
      '',
    ]) {
      expect(() => parseLenientJson(text)).toThrow(NotJsonError);
    }
  });

  it('is not fooled by an unterminated string into changing the text', () => {
    expect(() => parseLenientJson('{"a":"b,}')).toThrow(NotJsonError);
  });

  it('reads a body of large base64 labels exactly as JSON.parse does', () => {
    const label = 'QUJD'.repeat(20_000);
    const body = JSON.stringify({
      Success: 'true',
      Labels: Array.from({ length: 100 }, (_, i) => ({ LabelBase64: label, Tracknumber: `T${i}` })),
    });
    expect(parseLenientJson(body)).toEqual(JSON.parse(body));
  });
});
