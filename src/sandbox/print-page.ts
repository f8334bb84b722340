/**
 * The HTML print pages MegaWMS links to (`PrintApiLabel.aspx?orderList=…` from GetLabel,
 * `PrintOrder.aspx?oid=…` from AddOrder): one 4×6 in label per piece, barcodes as SVG.
 */
import bwipjs from 'bwip-js/node';
import type { SandboxOrder } from './model';
import type { SandboxState } from './state';

const PAGES = ['/manage/printpage/printapilabel.aspx', '/manage/printpage/printorder.aspx'];

/** True for the two print-page paths (case-insensitive, as on IIS). */
export function isPrintPagePath(pathname: string): boolean {
  return PAGES.includes(pathname.toLowerCase());
}

/** The orders a print-page address names, by their internal ids; drafts and deleted skipped. */
export function findPrintPageOrders(state: SandboxState, url: URL): SandboxOrder[] {
  const params = new Map([...url.searchParams].map(([k, v]) => [k.toLowerCase(), v]));
  const ids = (params.get('orderlist') ?? params.get('oid') ?? '').split(',');
  return ids
    .map((id) => state.findByOrderId(id))
    .filter((o): o is SandboxOrder => !!o && o.statusCode !== 8 && !!o.trackingNumber);
}

/** A page printing every piece of `orders`, one label a sheet. */
export function renderPrintPage(orders: readonly SandboxOrder[]): string {
  const sheets = orders.flatMap((order) =>
    order.pieces.map((piece, i) => sheet(order, piece.trackingNumber, piece.pieceNo, i + 1)),
  );
  const body = sheets.length ? sheets.join('\n') : '<p>没有可打印的标签 (nothing to print)</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MegaWMS sandbox - labels</title>
<style>
@page { size: 4in 6in; margin: 0 }
body { margin: 0; font-family: Arial, Helvetica, sans-serif }
.label { width: 4in; height: 6in; box-sizing: border-box; padding: 0.15in; border: 1px solid #000;
  page-break-after: always; display: flex; flex-direction: column; gap: 0.08in }
.carrier { font-size: 22pt; font-weight: bold } .to { font-size: 12pt } .small { font-size: 8pt }
.barcode svg { width: 100%; height: 1.2in }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function sheet(
  order: SandboxOrder,
  trackingNumber: string,
  pieceNo: string,
  index: number,
): string {
  const c = order.consignee;
  const svg = bwipjs.toSVG({
    bcid: 'code128',
    text: trackingNumber,
    height: 18,
    includetext: true,
  });
  const to = [c.name, c.company, `${c.address1} ${c.address2}`].map(esc).join('<br>');
  return `<section class="label">
  <div class="carrier">${esc(order.channel.carrier)}
    <span class="small">${esc(order.channel.name)}</span></div>
  <div class="small">FROM: ${esc(order.sender.name)} ${esc(order.sender.address)}</div>
  <div class="to"><b>SHIP TO:</b><br>${to}<br>
  <b>${esc(c.city)} ${esc(c.state)} ${esc(c.zipcode)}</b><br>${esc(c.country)}</div>
  <div><b>PIECE ${index} / ${order.pieces.length}</b></div>
  <div class="barcode">${svg}</div>
  <div class="small">ORDER NO ${esc(order.orderNo)} · REF NO ${esc(order.referenceNo)}
    · ${esc(pieceNo)}</div>
  <div class="small"><b>SANDBOX LABEL - NOT VALID FOR SHIPPING</b></div>
</section>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
