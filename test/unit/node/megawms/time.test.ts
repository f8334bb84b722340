import { describe, expect, it } from 'vitest';

import { formatMegaWmsTime, parseMegaWmsTime } from '../../../../src/main/core/megawms/time';

describe('MegaWMS times', () => {
  it('reads yyyy-MM-dd HH:mm:ss as the server wall clock in the UTC fields', () => {
    expect(parseMegaWmsTime('2017-12-27 11:23:53')?.toISOString()).toBe('2017-12-27T11:23:53.000Z');
  });

  it('reads yyyy/M/d H:mm:ss with one-digit month, day and hour', () => {
    expect(parseMegaWmsTime('2017/12/28 0:20:43')?.toISOString()).toBe('2017-12-28T00:20:43.000Z');
    expect(parseMegaWmsTime('2018/8/4 9:05:07')?.toISOString()).toBe('2018-08-04T09:05:07.000Z');
  });

  it('accepts padding spaces, a T separator, fractions and a missing time or seconds', () => {
    expect(parseMegaWmsTime(' 2018-08-24 11:27:00 ')?.toISOString()).toBe(
      '2018-08-24T11:27:00.000Z',
    );
    expect(parseMegaWmsTime('2018-08-24T11:27:00.5')?.toISOString()).toBe(
      '2018-08-24T11:27:00.500Z',
    );
    expect(parseMegaWmsTime('2018-08-24')?.toISOString()).toBe('2018-08-24T00:00:00.000Z');
    expect(parseMegaWmsTime('2018-08-24 11:27')?.toISOString()).toBe('2018-08-24T11:27:00.000Z');
  });

  it('treats 1900-01-01 00:00:00, year 1 and blank as no time', () => {
    expect(parseMegaWmsTime('1900-01-01 00:00:00')).toBeNull();
    expect(parseMegaWmsTime('0001-01-01 00:00:00')).toBeNull();
    expect(parseMegaWmsTime('')).toBeNull();
    expect(parseMegaWmsTime('   ')).toBeNull();
  });

  it('rejects text that is not a time, and impossible dates', () => {
    for (const text of [
      '创建时间',
      '2017-13-01 00:00:00',
      '2017-02-30 10:00:00',
      '2017-01-01 24:00:00',
      '27.12.2017',
    ]) {
      expect(parseMegaWmsTime(text)).toBeUndefined();
    }
  });

  it('round-trips naive times whatever the station zone, daylight-saving gaps included', () => {
    // 2018-03-11 02:30 does not exist in New York local time; as a naive time it does.
    for (const text of ['2018-03-11 02:30:00', '2017-12-31 23:59:59', '2020-02-29 00:00:00']) {
      expect(formatMegaWmsTime(parseMegaWmsTime(text)!)).toBe(text);
    }
    expect(formatMegaWmsTime(parseMegaWmsTime('2017/12/28 0:20:43')!)).toBe('2017-12-28 00:20:43');
  });
});
