import { describe, expect, it } from 'vitest';
import {
  cupsMediaName,
  describeLabelSize,
  LabelSizeError,
  parseLabelSize,
  windowsPaperName,
} from '../../../../src/main/core/printing/label-size';

describe('label sizes', () => {
  it('gives 4x6 in as 288x432 points and the CUPS custom media name', () => {
    const size = parseLabelSize('4x6in');
    expect(size).toMatchObject({ id: '4x6in', widthPt: 288, heightPt: 432 });
    expect(cupsMediaName(size)).toBe('Custom.4x6in');
    expect(windowsPaperName(size)).toBe('4x6');
  });

  it('converts millimetre sizes to points', () => {
    const size = parseLabelSize('100x150mm');
    expect(size.widthPt).toBeCloseTo(283.46, 2);
    expect(size.heightPt).toBeCloseTo(425.2, 2);
    expect(cupsMediaName(size)).toBe('Custom.100x150mm');
    expect(windowsPaperName(size)).toBe('100x150mm');
    expect(parseLabelSize('100x100mm').heightPt).toBeCloseTo(283.46, 2);
  });

  it('reads custom sizes the way people write them', () => {
    expect(parseLabelSize(' 101.6 × 152.4 MM ').id).toBe('101.6x152.4mm');
    expect(describeLabelSize(parseLabelSize('4X6IN'))).toBe('4×6 in');
  });

  it('refuses text that is not a size, and sizes no label has', () => {
    for (const text of ['4x6', 'A4', '4 by 6 in', '-4x6in', '0x6in', '2x900mm', '']) {
      expect(() => parseLabelSize(text), text).toThrow(LabelSizeError);
    }
  });
});
