/**
 * Turns what a scanner (or a worker's keyboard) typed into the number the cache and
 * MegaWMS know: control characters and symbology prefixes removed, carrier barcodes
 * reduced to the tracking number they carry.
 */
import {
  isFedExGroundNumber15,
  isFedExTrackingNumber12,
  isUspsTrackingNumber,
} from './check-digits';

/** Which format the normaliser recognised; absent for order and reference numbers. */
export type ScanKind = 'fedex' | 'usps' | 'ups' | 's10' | 'piece-no';

export interface NormalisedScan {
  /** The number to ask MegaWMS for; case kept, as customers' reference numbers may need it. */
  value: string;
  kind?: ScanKind;
  /** Case-folded forms to look up in the cache, `value`'s first (a barcode's full digits too). */
  lookupKeys: string[];
}

/** How every identifier is compared in the cache: trimmed and upper-cased. */
export function foldIdentifier(value: string): string {
  return value.trim().toUpperCase();
}

const GS = '\x1d';
// AIM symbology identifier a scanner may send first: `]C1` (GS1-128), `]E0` (EAN), `]L2`…
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\x00-\x1f\x7f]/g;
const PIECE_NO = /^(.+)_(\d{3})[xX](\d{3})$/;

/** Normalises one scanned or typed number (see the file comment); never throws. */
export function normaliseScan(raw: string): NormalisedScan {
  const withGs = raw.trim().replace(AIM_PREFIX, '');
  const uspsByGs = splitUspsAtGroupSeparator(withGs);
  const cleaned = withGs.replace(CONTROL_CHARS, '').trim();
  if (uspsByGs) return scan(uspsByGs, 'usps', cleaned);

  const compact = cleaned.replace(/\s+/g, '').toUpperCase();
  const carrier = reduceCarrierBarcode(compact);
  if (carrier) return scan(carrier.value, carrier.kind, compact);

  const piece = PIECE_NO.exec(cleaned);
  if (piece) return scan(`${piece[1]}_${piece[2]}x${piece[3]}`, 'piece-no', cleaned);
  return scan(cleaned, undefined, cleaned);
}

function scan(value: string, kind: ScanKind | undefined, whole: string): NormalisedScan {
  const keys = [foldIdentifier(value)];
  const wholeKey = foldIdentifier(whole);
  if (wholeKey !== keys[0] && wholeKey !== '') keys.push(wholeKey);
  return kind ? { value, kind, lookupKeys: keys } : { value, lookupKeys: keys };
}

/** `420` + ZIP, a GS (FNC1), then the tracking number: the separator says where it starts. */
function splitUspsAtGroupSeparator(text: string): string | null {
  const match = new RegExp(`^420(?:\\d{5}|\\d{9})${GS}(\\d{20,34})$`).exec(text);
  return match && isUspsTrackingNumber(match[1]!) ? match[1]! : null;
}

function reduceCarrierBarcode(c: string): { value: string; kind: ScanKind } | null {
  if (/^1Z[0-9A-Z]{16}$/.test(c)) return { value: c, kind: 'ups' };
  if (/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(c)) return { value: c, kind: 's10' };
  if (!/^\d+$/.test(c)) return null;

  if (c.startsWith('420') && c.length >= 28) {
    const tracking = uspsAfterZip(c);
    if (tracking) return { value: tracking, kind: 'usps' };
  }
  // FedEx's 34-digit label barcode (96… or 100…): the tracking number is its last 12 digits.
  if (c.length === 34 && !c.startsWith('420')) return { value: c.slice(-12), kind: 'fedex' };
  // The older 22-digit `96` Ground barcode: AI, class, service, then the 15-digit number.
  if (c.length === 22 && c.startsWith('96') && isFedExGroundNumber15(c.slice(7))) {
    return { value: c.slice(7), kind: 'fedex' };
  }
  if (isFedExTrackingNumber12(c) || isFedExGroundNumber15(c)) return { value: c, kind: 'fedex' };
  if (isUspsTrackingNumber(c) && /^9[1-5]/.test(c)) return { value: c, kind: 'usps' };
  return null;
}

/**
 * `420` + 5- or 9-digit ZIP, then the tracking number. Both splits can give a valid length
 * (34 digits: ZIP+4 and 22, or ZIP and 26), so the check digit decides; IMpb numbers start
 * with 92–95, which breaks the rare tie.
 */
function uspsAfterZip(c: string): string | null {
  const options = [c.slice(12), c.slice(8)].filter(isUspsTrackingNumber);
  return options.find((t) => /^9[1-5]/.test(t)) ?? options[0] ?? null;
}
