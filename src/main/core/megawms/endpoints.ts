/** The seven MegaWMS calls and where each lives; shared by the client, the sandbox and tests. */

export const ENDPOINT_NAMES = [
  'AddOrder',
  'InvalidOrder',
  'GetTrackingNo',
  'GetLabel',
  'GetTrack',
  'Inventory',
  'GetOrderMsg',
] as const;

export type EndpointName = (typeof ENDPOINT_NAMES)[number];

/** The path of a call. Inventory sits under `/wsapi`, every other call under `/PubApi`. */
export function endpointPath(name: EndpointName): string {
  return name === 'Inventory' ? '/wsapi/Inventory.aspx' : `/PubApi/${name}.aspx`;
}

/** The most numbers one call may carry, per the vendor document (GetLabel: none stated). */
export const BATCH_LIMITS = {
  GetTrackingNo: 100,
  GetLabel: 100,
  GetTrack: 100,
  GetOrderMsg: 500,
  InventoryPageSize: 1000,
} as const;
