/**
 * The answers of the lookup service: one per number asked, in the order asked. A success
 * says where it came from and how old it is; a failure says why in plain words.
 */
import { MegaWmsError } from '../megawms/errors';
import type { Shipment } from '../../../shared/domain';
import type { CachedLabel, CachedOrder, InventorySnapshot } from './types';

/** Why one number could not be answered. */
export type LookupFailureCode =
  /** MegaWMS does not know the number. */
  | 'not-found'
  /** MegaWMS cannot be reached (or was not to be asked) and the cache has nothing. */
  | 'offline-not-cached'
  /** MegaWMS answered with a refusal (wrong key, bad request…); `message` is its reason. */
  | 'refused'
  /** The scan held no number at all. */
  | 'invalid'
  /** Anything else the client reported (bad answer, timeout on a non-network error…). */
  | 'error';

export interface LookupFailure {
  query: string;
  ok: false;
  code: LookupFailureCode;
  message: string;
}

/** Where a success came from: `offline` is true when MegaWMS was unreachable or not asked. */
export interface LookupOrigin {
  query: string;
  ok: true;
  source: 'cache' | 'network';
  offline: boolean;
  /** When the data shown was fetched from MegaWMS (the oldest part of it). */
  fetchedAt: Date;
}

export type LabelLookup =
  (LookupOrigin & { labels: CachedLabel[]; orders: CachedOrder[] }) | LookupFailure;
export type OrderLookup = (LookupOrigin & { orders: CachedOrder[] }) | LookupFailure;
export type TrackingLookup = (LookupOrigin & { shipment: Shipment }) | LookupFailure;
export type InventoryLookup = (LookupOrigin & InventorySnapshot) | LookupFailure;

/** A failed lookup. */
export function lookupFailure(
  query: string,
  code: LookupFailureCode,
  message: string,
): LookupFailure {
  return { query, ok: false, code, message };
}

/** The failure for a number the cache lacks when MegaWMS is out of reach or not to be asked. */
export function notCached(query: string, reason: MegaWmsError | 'offline-mode'): LookupFailure {
  const why =
    reason === 'offline-mode'
      ? 'offline mode does not ask MegaWMS'
      : `MegaWMS cannot be reached: ${reason.message}`;
  return lookupFailure(
    query,
    'offline-not-cached',
    `Offline, not in cache: ${query} has not been (fully) fetched on this station yet (${why}). ` +
      'Nothing was lost: ask again when MegaWMS can be reached.',
  );
}

/** The failure for every number of a call that MegaWMS refused or answered badly. */
export function callFailure(query: string, error: MegaWmsError): LookupFailure {
  return lookupFailure(query, error.code === 'refused' ? 'refused' : 'error', error.message);
}

/** The oldest of some times (when the oldest part of an answer was fetched). */
export function oldest(dates: readonly Date[], fallback: Date): Date {
  return dates.reduce((min, d) => (d < min ? d : min), dates[0] ?? fallback);
}
