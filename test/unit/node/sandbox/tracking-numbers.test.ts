import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../../src/sandbox/prng';
import {
  isValidTrackingNumber,
  makeTrackingNumber,
  makeUpsShipper,
} from '../../../../src/sandbox/tracking-numbers';

describe('carrier check digits', () => {
  it.each([
    ['UPS', '1ZW412E60395468239'],
    ['UPS', '1ZW412E60397119844'],
    ['UPS', '1Z2VW9220390136006'],
    ['FedEx', '787249009461'],
    ['FedEx', '786388330311'],
    ['USPS', '9374869903503316619479'],
    ['USPS', '9374869903503057883580'],
  ] as const)('accepts the vendor document number %s %s', (carrier, number) => {
    expect(isValidTrackingNumber(carrier, number)).toBe(true);
  });

  it.each([
    ['UPS', '1ZW412E60395468238'],
    ['FedEx', '787249009462'],
    ['USPS', '9374869903503316619478'],
    ['USPS', '937486990350331661947'],
    ['UPS', '1ZW412E6039546823'],
  ] as const)('rejects %s %s (wrong check digit or length)', (carrier, number) => {
    expect(isValidTrackingNumber(carrier, number)).toBe(false);
  });

  it('issues numbers of each carrier format that pass their own check', () => {
    const prng = createPrng(42);
    const shipper = makeUpsShipper(prng);
    for (let i = 0; i < 200; i++) {
      const ups = makeTrackingNumber('UPS', prng, shipper);
      const fedex = makeTrackingNumber('FedEx', prng, shipper);
      const usps = makeTrackingNumber('USPS', prng, shipper);
      expect(ups).toMatch(new RegExp(`^1Z${shipper}\\d{10}$`));
      expect(fedex).toMatch(/^\d{12}$/);
      expect(usps).toMatch(/^(9374|9400)\d{18}$/);
      expect(
        [ups, fedex, usps].map((n, k) =>
          isValidTrackingNumber((['UPS', 'FedEx', 'USPS'] as const)[k]!, n),
        ),
      ).toEqual([true, true, true]);
    }
  });
});
