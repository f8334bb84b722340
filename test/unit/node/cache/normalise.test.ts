import { describe, expect, it } from 'vitest';
import { foldIdentifier, normaliseScan } from '../../../../src/main/core/cache/normalise';
import {
  isFedExGroundNumber15,
  isFedExTrackingNumber12,
  isUpsTrackingNumber,
  isUspsTrackingNumber,
} from '../../../../src/main/core/cache/check-digits';

describe('normaliseScan', () => {
  it('reduces a FedEx 34-digit label barcode to the 12-digit tracking number it carries', () => {
    for (const [barcode, tracking] of [
      ['9622001900000000000000776632517510', '776632517510'],
      ['9632001560123456789900794808390594', '794808390594'],
      ['1001921334250001000300779017972697', '779017972697'],
    ] as const) {
      const scan = normaliseScan(barcode);
      expect(scan).toMatchObject({ value: tracking, kind: 'fedex' });
      expect(isFedExTrackingNumber12(scan.value)).toBe(true);
      // The whole barcode stays a lookup key: a cache that stored it is still found.
      expect(scan.lookupKeys).toEqual([tracking, barcode]);
    }
  });

  it('reduces the 22-digit FedEx Ground 96 barcode to its 15-digit tracking number', () => {
    const scan = normaliseScan('9611020987654312345672');
    expect(scan).toMatchObject({ value: '987654312345672', kind: 'fedex' });
    expect(isFedExGroundNumber15(scan.value)).toBe(true);
  });

  it('keeps a 12-digit FedEx tracking number as it is', () => {
    expect(normaliseScan(' 799531274483 ')).toMatchObject({ value: '799531274483', kind: 'fedex' });
  });

  it('strips the USPS 420 + 5-digit ZIP routing prefix', () => {
    expect(normaliseScan('420221539101026837331000039521')).toMatchObject({
      value: '9101026837331000039521',
      kind: 'usps',
    });
  });

  it('strips the USPS 420 + ZIP+4 routing prefix, choosing the split by the check digit', () => {
    expect(normaliseScan('4201002334249200190132607600833457').value).toBe(
      '9200190132607600833457',
    );
    expect(normaliseScan('4201028200009261290113185417468510').value).toBe(
      '9261290113185417468510',
    );
  });

  it('splits a USPS GS1-128 scan at the group separator a scanner sends for FNC1', () => {
    const scan = normaliseScan(']C142022153\x1d9400111201080805483016\r\n');
    expect(scan).toMatchObject({ value: '9400111201080805483016', kind: 'usps' });
    expect(isUspsTrackingNumber(scan.value)).toBe(true);
  });

  it('recognises a bare USPS IMpb number', () => {
    expect(normaliseScan('9400 1112 0108 0805 4830 16')).toMatchObject({
      value: '9400111201080805483016',
      kind: 'usps',
    });
  });

  it('upper-cases a UPS 1Z number and keeps it whole', () => {
    const scan = normaliseScan('1z879e930346834440\n');
    expect(scan).toMatchObject({ value: '1Z879E930346834440', kind: 'ups' });
    expect(isUpsTrackingNumber(scan.value)).toBe(true);
  });

  it('upper-cases an international S10 postal number', () => {
    expect(normaliseScan('rb123456785gb')).toMatchObject({ value: 'RB123456785GB', kind: 's10' });
  });

  it('recognises a piece number whatever the case of its x', () => {
    expect(normaliseScan('R800001707210005_001X002')).toMatchObject({
      value: 'R800001707210005_001x002',
      kind: 'piece-no',
    });
  });

  it('keeps the case of a reference number but looks it up case-folded', () => {
    const scan = normaliseScan('\x02csrefno\x03');
    expect(scan).toEqual({ value: 'csrefno', lookupKeys: ['CSREFNO'] });
  });

  it('removes a trailing CR/LF and an AIM prefix from an order number', () => {
    expect(normaliseScan(']C0HTFLY8291890540YQ\r\n').value).toBe('HTFLY8291890540YQ');
  });

  it('leaves a 34-digit number starting 420 alone when no split has a valid check digit', () => {
    const scan = normaliseScan('4201002334249200190132607600833458');
    expect(scan.kind).toBeUndefined();
    expect(scan.value).toBe('4201002334249200190132607600833458');
  });

  it('gives an empty value for a scan of only control characters', () => {
    expect(normaliseScan('\r\n\x1d').value).toBe('');
  });
});

describe('check digits', () => {
  it('accepts real-format numbers and refuses the same numbers with one digit changed', () => {
    expect(isFedExTrackingNumber12('986578788855')).toBe(true);
    expect(isFedExTrackingNumber12('996578788855')).toBe(false);
    expect(isFedExGroundNumber15('568283610012000')).toBe(true);
    expect(isFedExGroundNumber15('568283610012732')).toBe(false);
    expect(isUspsTrackingNumber('9505511069605048600624')).toBe(true);
    expect(isUspsTrackingNumber('9505511069605048600625')).toBe(false);
    expect(isUspsTrackingNumber('92748931507708513018050063')).toBe(true);
    expect(isUspsTrackingNumber('03071790000523483741')).toBe(true);
    expect(isUspsTrackingNumber('03071790000523483742')).toBe(false);
    expect(isUpsTrackingNumber('1Z5R89390357567127')).toBe(true);
    expect(isUpsTrackingNumber('1Z879E930346834441')).toBe(false);
  });

  it('folds identifiers by trimming and upper-casing', () => {
    expect(foldIdentifier(' r800001707210005_001x002 ')).toBe('R800001707210005_001X002');
  });
});
