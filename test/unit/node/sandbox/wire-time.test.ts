import { describe, expect, it } from 'vitest';
import {
  formatDashTime,
  formatOrderDate,
  formatSlashTime,
} from '../../../../src/sandbox/wire-time';

describe('MegaWMS time stamps', () => {
  // 2017-12-27 14:20:43 UTC is 22:20:43 in China Standard Time.
  const date = new Date(Date.UTC(2017, 11, 27, 14, 20, 43));

  it('writes yyyy-MM-dd HH:mm:ss in China Standard Time', () => {
    expect(formatDashTime(date)).toBe('2017-12-27 22:20:43');
  });

  it('writes the .NET yyyy/M/d H:mm:ss form without padding month, day and hour', () => {
    expect(formatSlashTime(new Date(Date.UTC(2017, 11, 27, 16, 20, 43)))).toBe(
      '2017/12/28 0:20:43',
    );
    expect(formatSlashTime(new Date(Date.UTC(2018, 0, 4, 1, 5, 9)))).toBe('2018/1/4 9:05:09');
  });

  it('writes the yyMMdd of an R order number', () => {
    expect(formatOrderDate(new Date(Date.UTC(2017, 6, 20, 16, 30)))).toBe('170721');
  });
});
