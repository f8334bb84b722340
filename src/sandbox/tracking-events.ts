/**
 * Tracking histories for demo orders, written the way GetTrack returns them: newest first
 * but not reliably so, US carrier scans repeated in `DescriptionCN`, Chinese texts for the
 * China leg, an unknown time as `1900-01-01 00:00:00`, and two time formats.
 */
import { DEMO_WAREHOUSES } from './demo-tables';
import type { SandboxOrder, SandboxTrackEvent } from './model';
import type { Prng } from './prng';
import { formatDashTime, formatSlashTime, NO_TIME } from './wire-time';

interface Step {
  en: string;
  cn: string;
}

/** How far a shipped parcel got; weighted towards delivered, as an older account looks. */
const SHIPPED_STAGES = [
  ['DELIVERED', 60],
  ['IN TRANSIT', 20],
  ['OUT FOR DELIVERY', 12],
  ['EXCEPTION', 8],
] as const;

/** A status and history for the order as it stands now (status code, carrier, route). */
export function makeTracking(
  order: Readonly<SandboxOrder>,
  prng: Prng,
): { trackStatus: string; events: SandboxTrackEvent[] } {
  if (order.statusCode === 1) return { trackStatus: '', events: [] };
  const format = prng.chance(0.25) ? formatSlashTime : formatDashTime;
  const labelCreated: Step = {
    en: 'Shipment information sent to carrier',
    cn: '已生成运单,等待承运商揽收',
  };
  if (order.statusCode !== 6) {
    const steps = order.statusCode === 8 ? [labelCreated, VOIDED] : [labelCreated];
    const status = order.statusCode === 8 ? 'VOIDED' : 'LABEL CREATED';
    return { trackStatus: status, events: timed(steps, order.createdAt, prng, format) };
  }

  const stage = prng.weighted(SHIPPED_STAGES);
  const steps = [...(order.style === '2' ? chinaLeg() : []), ...usLeg(order, stage, prng)];
  const start = order.shippedAt ?? order.createdAt;
  return { trackStatus: stage, events: timed(steps, start, prng, format) };
}

/** The event a cancel adds, newest first like the rest. */
export function voidEvent(now: Date): SandboxTrackEvent {
  return { occurTime: formatDashTime(now), descriptionEn: VOIDED.en, descriptionCn: VOIDED.cn };
}

const VOIDED: Step = { en: 'Shipment voided by shipper', cn: '订单已取消' };

function chinaLeg(): Step[] {
  return [
    { en: 'ARRIVAL AT DISTRIBUTION CENTER', cn: '收取包裹(Shipment picked up)' },
    { en: 'DEPARTURE SCAN FROM CN', cn: '交运发往目的地(Shipment sent to destination)' },
    { en: 'DEPARTURE SCAN,TENDERED TO DELIVERY SERVICE PROVIDER', cn: '货物扫描出库启运' },
  ];
}

function usLeg(order: Readonly<SandboxOrder>, stage: string, prng: Prng): Step[] {
  const origin = originCity(order);
  const hub = prng.pick([
    'Chino, CA',
    'Secaucus, NJ',
    'Addison, IL',
    'Mesquite, TX',
    'Atlanta, GA',
  ]);
  const dest = `${titleCase(order.consignee.city)}, ${order.consignee.state}`;
  const carrier = order.channel.carrier;
  const all = [
    `${origin}, US PROCESSED`,
    `${origin}, US TENDERED TO DELIVERY SERVICE PROVIDER`,
    `${hub}, US ARRIVED ${carrier.toUpperCase()} SORT FACILITY`,
    `${hub}, US DEPARTED ${carrier.toUpperCase()} SORT FACILITY`,
    `${dest}, US ARRIVAL AT POST OFFICE`,
    `${dest}, US SORTING COMPLETE`,
    `${dest}, US OUT FOR DELIVERY`,
    `${dest}, US DELIVERED`,
  ];
  const upTo: Record<string, number> = {
    'IN TRANSIT': 4,
    'OUT FOR DELIVERY': 7,
    DELIVERED: 8,
    EXCEPTION: 6,
  };
  const lines = all.slice(0, upTo[stage] ?? all.length);
  if (stage === 'EXCEPTION')
    lines.push(`${dest}, US DELIVERY EXCEPTION - ADDRESS INFORMATION NEEDED`);
  return lines.map((line) => ({ en: line, cn: line }));
}

/** Spaces steps out from `start`, then orders them newest first with the vendor's slips. */
function timed(
  steps: Step[],
  start: Date,
  prng: Prng,
  format: (date: Date) => string,
): SandboxTrackEvent[] {
  let t = start.getTime();
  const events = steps.map((step) => {
    t += prng.int(20, 600) * 60_000 + prng.int(0, 59) * 1000;
    // MegaWMS loses the time of some China-leg scans and sends its "no time" stamp instead.
    const unknown = step.en.startsWith('DEPARTURE SCAN FROM') && prng.chance(0.5);
    const occurTime = unknown ? NO_TIME : format(new Date(t));
    return { occurTime, descriptionEn: step.en, descriptionCn: step.cn };
  });
  events.reverse();

  // Newest first "but not reliably": now and then two neighbours come swapped.
  if (events.length > 2 && prng.chance(0.3)) {
    const i = prng.int(0, events.length - 2);
    [events[i], events[i + 1]] = [events[i + 1]!, events[i]!];
  }
  return events;
}

function originCity(order: Readonly<SandboxOrder>): string {
  const warehouse = DEMO_WAREHOUSES.find((w) => w.id === order.warehouseId);
  return warehouse && !warehouse.city.endsWith('CN') ? warehouse.city : 'Compton, CA';
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}
