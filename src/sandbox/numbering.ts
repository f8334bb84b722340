/**
 * Issues the numbers MegaWMS hands out: internal order ids, order numbers in both of the
 * document's styles (`R800001707210005`, `HTFLY8291890540YQ`), piece numbers and unique
 * carrier tracking numbers.
 */
import type { Carrier } from './model';
import type { Prng } from './prng';
import { makeTrackingNumber, makeUpsShipper } from './tracking-numbers';
import { formatOrderDate } from './wire-time';

/** One sandbox's numbering; every number it issues is unique within the sandbox. */
export interface Numbering {
  /** The next internal order id; other accounts' orders leave gaps between ours. */
  nextOrderId(): string;
  /** `R` + customer code + yyMMdd + daily sequence, or the `HTFLY…YQ` style. */
  nextOrderNo(createdAt: Date, orderId: string, style: 'R' | 'HTFLY'): string;
  /** Tracking numbers for the pieces of one shipment (UPS pieces share a shipper code). */
  trackingNumbers(carrier: Carrier, count: number): string[];
  /** Takes `number` (a reference, say) if nobody has it yet; false when already taken. */
  claim(number: string): boolean;
}

/** `R800001707210005_001x002`: piece `index` (1-based) of `count`. */
export function pieceNo(orderNo: string, index: number, count: number): string {
  return `${orderNo}_${String(index).padStart(3, '0')}x${String(count).padStart(3, '0')}`;
}

/** Numbering for the account `customerCode`, drawing from `prng`. */
export function createNumbering(prng: Prng, customerCode: string): Numbering {
  const taken = new Set<string>();
  const perDay = new Map<string, number>();
  const upsShipper = makeUpsShipper(prng);
  let orderId = 1_090_000 + prng.int(0, 9999);

  const unique = (make: () => string): string => {
    for (;;) {
      const number = make();
      if (!taken.has(number)) {
        taken.add(number);
        return number;
      }
    }
  };

  return {
    nextOrderId() {
      orderId += prng.int(1, 37);
      return String(orderId);
    },
    nextOrderNo(createdAt, id, style) {
      if (style === 'HTFLY') return unique(() => `HTFLY${prng.digits(3)}${id}YQ`);
      const day = formatOrderDate(createdAt);
      return unique(() => {
        const seq = (perDay.get(day) ?? 0) + 1;
        perDay.set(day, seq);
        return `R${customerCode}${day}${String(seq).padStart(4, '0')}`;
      });
    },
    trackingNumbers(carrier, count) {
      return Array.from({ length: count }, () =>
        unique(() => makeTrackingNumber(carrier, prng, upsShipper)),
      );
    },
    claim(number) {
      if (taken.has(number)) return false;
      taken.add(number);
      return true;
    },
  };
}
