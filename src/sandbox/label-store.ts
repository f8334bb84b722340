/**
 * Rendered labels, memoised per piece: clients fetch the same labels again and again, and
 * benchmarks measure the client, not the renderer.
 */
import { renderLabelPdf, renderLabelPng, type LabelInfo } from './label-pdf';
import type { SandboxOrder, SandboxPiece } from './model';
import { formatDashTime } from './wire-time';

/** Base64 label files of pieces, rendered on first use. */
export interface LabelStore {
  pdfBase64(order: Readonly<SandboxOrder>, piece: Readonly<SandboxPiece>): Promise<string>;
  pngBase64(order: Readonly<SandboxOrder>, piece: Readonly<SandboxPiece>): Promise<string>;
}

/** An empty store, keyed by piece and tracking number (a re-issued number renders anew). */
export function createLabelStore(): LabelStore {
  const cache = new Map<string, Promise<string>>();

  const memo = (
    kind: string,
    order: Readonly<SandboxOrder>,
    piece: Readonly<SandboxPiece>,
    render: (info: LabelInfo) => Promise<Uint8Array>,
  ): Promise<string> => {
    const id = `${kind}:${piece.pieceNo}:${piece.trackingNumber}`;
    let entry = cache.get(id);
    if (!entry) {
      entry = render(labelInfoOf(order, piece)).then((bytes) =>
        Buffer.from(bytes).toString('base64'),
      );
      // A failed render is not remembered, so the next request tries again.
      entry.catch(() => cache.delete(id));
      cache.set(id, entry);
    }
    return entry;
  };

  return {
    pdfBase64: (order, piece) => memo('pdf', order, piece, renderLabelPdf),
    pngBase64: (order, piece) => memo('png', order, piece, renderLabelPng),
  };
}

/** What the label of one piece shows. */
export function labelInfoOf(
  order: Readonly<SandboxOrder>,
  piece: Readonly<SandboxPiece>,
): LabelInfo {
  const index = order.pieces.indexOf(piece as SandboxPiece);
  return {
    sender: order.sender,
    consignee: order.consignee,
    channel: order.channel.name,
    carrier: order.channel.carrier,
    trackingNumber: piece.trackingNumber,
    pieceIndex: index + 1,
    pieceCount: order.pieces.length,
    orderNo: order.orderNo,
    referenceNo: order.referenceNo,
    pieceNo: piece.pieceNo,
    weightKg: piece.weightKg,
    date: formatDashTime(order.createdAt).slice(0, 10),
    issuedAt: order.createdAt,
  };
}
