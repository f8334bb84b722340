import { describe, expect, it } from 'vitest';

import { MegaWmsError } from '../../../../src/main/core/megawms/errors';
import {
  Envelope,
  formatPath,
  GetLabelResponse,
  GetTrackResponse,
  InventoryResponse,
  parseWire,
  TrackEnvelope,
} from '../../../../src/main/core/megawms/wire';

function failure(fn: () => unknown): MegaWmsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MegaWmsError) return error;
    throw error;
  }
  throw new Error('expected a MegaWmsError');
}

const label = (over: Record<string, unknown> = {}) => ({
  LabelHtml: '',
  LabelBase64: '',
  LabelType: 'pdf',
  TracknumberMain: 'M',
  Tracknumber: 'T',
  SubOrderNo: 'R1_001x001',
  OrderNo: 'R1',
  CsRefNo: 'C1',
  ...over,
});

describe('Success', () => {
  it.each([
    ['true', true],
    [' true', true],
    [' TRUE ', true],
    [true, true],
    ['false', false],
    [false, false],
    [' false\n', false],
  ])('reads %j as %s', (value, expected) => {
    expect(parseWire('GetLabel', Envelope, { Success: value, Message: '' }).Success).toBe(expected);
  });

  it.each([['yes'], [1], [null], [undefined]])('refuses %j and names the field', (value) => {
    const error = failure(() => parseWire('GetLabel', Envelope, { Success: value }));
    expect(error.code).toBe('bad-response');
    expect(error.call).toBe('GetLabel');
    expect(error.detail).toBe('GetLabel: Success: expected "true" or "false"');
  });

  it('reads GetTrack in lower case, and a capitalised Success too', () => {
    expect(parseWire('GetTrack', TrackEnvelope, { success: 'false', error: 'key error' })).toEqual({
      success: false,
      message: '',
      error: 'key error',
    });
    expect(
      parseWire('GetTrack', GetTrackResponse, { Success: 'true', Message: 'OK' }),
    ).toMatchObject({
      success: true,
      message: 'OK',
      TrackingNos: [],
    });
  });
});

describe('mismatches name the call and the field path', () => {
  it('GetLabel: Labels[3].Tracknumber: expected string', () => {
    const body = {
      Success: 'true',
      Labels: [label(), label(), label(), label({ Tracknumber: 786388330311 })],
    };
    const error = failure(() => parseWire('GetLabel', GetLabelResponse, body));
    expect(error.detail).toBe('GetLabel: Labels[3].Tracknumber: expected string, got number');
    expect(error.message).toContain('GetLabel: Labels[3].Tracknumber: expected string');
    expect(error.message).toMatch(/Try again/);
  });

  it('a list that is not a list', () => {
    const error = failure(() =>
      parseWire('GetLabel', GetLabelResponse, { Success: 'true', Labels: 'none' }),
    );
    expect(error.detail).toBe('GetLabel: Labels: expected array, got string');
  });

  it('a body that is not an object', () => {
    expect(failure(() => parseWire('GetLabel', GetLabelResponse, [1])).detail).toBe(
      'GetLabel: expected an object, got a list',
    );
    expect(failure(() => parseWire('GetLabel', GetLabelResponse, 'x')).detail).toBe(
      'GetLabel: expected an object, got string',
    );
    expect(failure(() => parseWire('GetLabel', GetLabelResponse, null)).detail).toBe(
      'GetLabel: expected an object, got null',
    );
  });

  it('a label file that is not base64', () => {
    const body = { Success: 'true', Labels: [label({ LabelBase64: '%PDF-1.7 not encoded' })] };
    expect(failure(() => parseWire('GetLabel', GetLabelResponse, body)).detail).toBe(
      'GetLabel: Labels[0].LabelBase64: expected a base64 file',
    );
  });

  it('a count that is not a number', () => {
    const body = { Success: 'true', TotalRows: '1', Detail: [{ SKU: 'A', StockNum: 'many' }] };
    expect(failure(() => parseWire('Inventory', InventoryResponse, body)).detail).toBe(
      'Inventory: Detail[0].StockNum: expected a number',
    );
  });

  it('a time that is not a time', () => {
    const body = { success: 'true', TrackingNos: [{ Track: [{ OccurTime: 'yesterday' }] }] };
    expect(failure(() => parseWire('GetTrack', GetTrackResponse, body)).detail).toBe(
      'GetTrack: TrackingNos[0].Track[0].OccurTime: expected a time like 2017-12-27 11:23:53',
    );
  });

  it('formats nested paths', () => {
    expect(formatPath(['OrderList', 12, 'BILLQTY'])).toBe('OrderList[12].BILLQTY');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('');
  });
});

describe('tolerated quirks', () => {
  it('null and empty labels, null lists and missing fields', () => {
    const body = {
      Success: 'true',
      Labels: [label({ LabelBase64: null, LabelType: null, LabelHtml: null })],
    };
    const res = parseWire('GetLabel', GetLabelResponse, body);
    expect(res.Labels[0]).toMatchObject({ LabelBase64: null, LabelType: '', LabelHtml: '' });
    expect(
      parseWire('GetLabel', GetLabelResponse, { Success: 'true', Labels: null }).Labels,
    ).toEqual([]);
    expect(parseWire('GetLabel', GetLabelResponse, { Success: 'true' })).toMatchObject({
      Message: '',
      Labels: [],
    });
  });

  it('base64 with line breaks or a data: prefix', () => {
    const pdf = Buffer.from('%PDF-1.7 label').toString('base64');
    for (const LabelBase64 of [
      `${pdf.slice(0, 8)}\r\n${pdf.slice(8)}`,
      `data:application/pdf;base64,${pdf}`,
    ]) {
      const res = parseWire('GetLabel', GetLabelResponse, {
        Success: 'true',
        Labels: [label({ LabelBase64 })],
      });
      expect(new TextDecoder().decode(res.Labels[0]!.LabelBase64!)).toBe('%PDF-1.7 label');
    }
  });

  it('decodes every file of a batch right, empty, wrapped and data: ones among them', () => {
    const files = ['%PDF-1.7 one', '%PDF-1.7 label two', '\x89PNG three'].map((t) =>
      Buffer.from(t, 'latin1').toString('base64'),
    );
    const LabelBase64 = [
      files[0],
      null,
      `${files[1]!.slice(0, 4)}\n${files[1]!.slice(4)}`,
      '',
      `data:image/png;base64,${files[2]}`,
    ];
    const body = { Success: 'true', Labels: LabelBase64.map((b) => label({ LabelBase64: b })) };
    const res = parseWire('GetLabel', GetLabelResponse, body);
    const text = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('latin1') : null);
    expect(res.Labels.map((l) => text(l.LabelBase64))).toEqual([
      '%PDF-1.7 one',
      null,
      '%PDF-1.7 label two',
      null,
      '\x89PNG three',
    ]);
  });

  it('numbers with spaces, real numbers and blank counts', () => {
    const body = {
      Success: 'true',
      PageNow: ' 2 ',
      TotalRows: 1200,
      Detail: [{ SKU: ' A1 ', StockNum: ' 5 ', HoldNum: '' }],
    };
    const res = parseWire('Inventory', InventoryResponse, body);
    expect(res).toMatchObject({ PageNow: 2, TotalRows: 1200 });
    expect(res.Detail[0]).toMatchObject({ SKU: 'A1', StockNum: 5, HoldNum: 0, OosNum: 0 });
  });

  it('drops unknown extra fields', () => {
    const res = parseWire('Inventory', InventoryResponse, {
      Success: 'true',
      Extra: { deep: 1 },
      Detail: [{ SKU: 'A', New: 1 }],
    });
    expect(res).not.toHaveProperty('Extra');
    expect(res.Detail[0]).not.toHaveProperty('New');
  });

  it('keeps Message verbatim, spaces included', () => {
    expect(
      parseWire('GetLabel', Envelope, { Success: 'false', Message: ' 单号不存在 ' }).Message,
    ).toBe(' 单号不存在 ');
  });
});
