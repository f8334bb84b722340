/**
 * Check digits of the carrier numbers a station scans. They let the normaliser tell a
 * carrier barcode from a customer's number of the same length instead of guessing.
 */

/** GS1 mod 10 check digit of `digits` (no check digit included): weights 3,1,… from the right. */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[digits.length - 1 - i]);
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

function hasGs1CheckDigit(number: string): boolean {
  return /^\d{2,}$/.test(number) && gs1CheckDigit(number.slice(0, -1)) === Number(number.at(-1));
}

/** True for a 12-digit FedEx Express/Ground number whose mod-11 check digit is right. */
export function isFedExTrackingNumber12(number: string): boolean {
  if (!/^\d{12}$/.test(number)) return false;
  const weights = [1, 3, 7];
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(number[10 - i]) * weights[i % 3]!;
  return (sum % 11) % 10 === Number(number[11]);
}

/** True for a 15-digit FedEx Ground number (7-digit shipper, 7-digit package, GS1 check). */
export function isFedExGroundNumber15(number: string): boolean {
  return /^\d{15}$/.test(number) && hasGs1CheckDigit(number);
}

const USPS_LENGTHS = new Set([20, 22, 26, 30, 34]);

/**
 * True for a USPS tracking number with a valid mod 10 check digit. IMpb numbers of 20
 * digits leave out their `91` application identifier, which the check still counts.
 */
export function isUspsTrackingNumber(number: string): boolean {
  if (!/^\d+$/.test(number) || !USPS_LENGTHS.has(number.length)) return false;
  if (hasGs1CheckDigit(number)) return true;
  return number.length === 20 && hasGs1CheckDigit('91' + number);
}

/** True for an 18-character UPS `1Z…` number whose check digit is right. */
export function isUpsTrackingNumber(number: string): boolean {
  const match = /^1Z([0-9A-Z]{15})([0-9])$/.exec(number);
  if (!match) return false;
  let sum = 0;
  [...match[1]!].forEach((c, i) => {
    // UPS maps letters to digits by their character code: A→2, B→3, … I→0, J→1, …
    const value = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 0 ? value : value * 2;
  });
  return (10 - (sum % 10)) % 10 === Number(match[2]);
}
