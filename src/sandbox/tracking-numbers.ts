/**
 * Carrier-style tracking numbers with valid check digits, so that scanners, validators and
 * carrier look-ups treat sandbox labels like real ones. The algorithms were checked against
 * the numbers printed in the vendor document (1ZW412E60395468239, 787249009461,
 * 9374869903503316619479).
 */
import type { Carrier } from './model';
import type { Prng } from './prng';

/** UPS `1Z` + 6-character shipper + 2-digit service + 7-digit package + check digit. */
export function upsCheckDigit(body15: string): number {
  let sum = 0;
  for (let i = 0; i < body15.length; i++) {
    const c = body15[i]!;
    // UPS maps letters to digits by their position after '?' (A=2, B=3 … wrapping at 10).
    const value = c >= '0' && c <= '9' ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
}

/** FedEx Express/Ground 12 digits: weights 1, 3, 7 from the right, modulo 11. */
export function fedexCheckDigit(first11: string): number {
  const weights = [1, 3, 7];
  let sum = 0;
  for (let i = 0; i < first11.length; i++) {
    sum += Number(first11[first11.length - 1 - i]) * weights[i % 3]!;
  }
  return (sum % 11) % 10;
}

/** USPS 22 digits (IMpb): weights 3, 1 from the right, modulo 10. */
export function uspsCheckDigit(first21: string): number {
  let sum = 0;
  for (let i = 0; i < first21.length; i++) {
    sum += Number(first21[first21.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the number has the shape and check digit of its carrier's format. */
export function isValidTrackingNumber(carrier: Carrier, number: string): boolean {
  if (carrier === 'UPS') {
    return (
      /^1Z[0-9A-Z]{16}$/.test(number) && upsCheckDigit(number.slice(2, 17)) === Number(number[17])
    );
  }
  if (carrier === 'FedEx') {
    return /^\d{12}$/.test(number) && fedexCheckDigit(number.slice(0, 11)) === Number(number[11]);
  }
  return /^9[34]\d{20}$/.test(number) && uspsCheckDigit(number.slice(0, 21)) === Number(number[21]);
}

const UPS_SHIPPER_CHARS = 'ABCDEFGHJKLMNPRSTUVWXY0123456789';

/** A new tracking number of the carrier's format. Pieces of one order share a prefix. */
export function makeTrackingNumber(carrier: Carrier, prng: Prng, shipper: string): string {
  if (carrier === 'UPS') {
    const body = `${shipper}${prng.pick(['03', '02', '01', '12'])}${prng.digits(7)}`;
    return `1Z${body}${upsCheckDigit(body)}`;
  }
  if (carrier === 'FedEx') {
    const first = `7${prng.digits(10)}`;
    return `${first}${fedexCheckDigit(first)}`;
  }
  const first = `${prng.pick(['9374', '9400'])}${prng.digits(17)}`;
  return `${first}${uspsCheckDigit(first)}`;
}

/** A UPS shipper account code, six characters as UPS prints them (W412E6, F60882…). */
export function makeUpsShipper(prng: Prng): string {
  return Array.from({ length: 6 }, () => prng.pick([...UPS_SHIPPER_CHARS])).join('');
}
