/**
 * GetLabel: one label per piece for each number asked (order number, reference number,
 * master or piece tracking number, piece number), with HTML print links and, for
 * LabelType 1, the PDF in base64.
 */
import { BATCH_LIMITS } from '../main/core/megawms/endpoints';
import { DEMO_CREDENTIALS } from './demo-account';
import type { ApiContext } from './handlers';
import type { SandboxOrder, SandboxPiece } from './model';
import { asObject, checkAccount, readList, readText, Refusal, type Fields } from './request-check';
import { key } from './state';

/** Labels in the order asked; numbers without a label are named in `Message`. */
export async function handleGetLabel(body: Fields, ctx: ApiContext): Promise<object> {
  checkAccount(body, DEMO_CREDENTIALS);
  const apiName = readText(body, 'CusApiName');
  const labelType = readText(body, 'LabelType', { required: true });
  if (labelType !== '0' && labelType !== '1') {
    throw new Refusal(`LabelType 只能是 0 或 1 (LabelType must be 0 for HTML or 1 for HTML + PDF)`);
  }
  const numbers = readList(body, 'TrackNumbers', BATCH_LIMITS.GetLabel).map((item, i) =>
    readText(asObject(item, `TrackNumbers[${i}]`), 'TrackNumber', { where: `TrackNumbers[${i}]` }),
  );

  const labels: object[] = [];
  const missing: string[] = [];
  const orderIds: string[] = [];
  for (const number of numbers) {
    const found = findPieces(ctx, number);
    if (typeof found === 'string') {
      missing.push(`${number} ${found}`);
      continue;
    }
    if (!orderIds.includes(found.order.orderId)) orderIds.push(found.order.orderId);
    for (const piece of found.pieces) {
      labels.push(await labelRow(found.order, piece, labelType === '1', ctx));
    }
  }

  return {
    CusApiName: apiName,
    Message: missing.length ? `以下单号没有标签 (no label for): ${missing.join('; ')}` : '',
    Success: 'true',
    CusCode: DEMO_CREDENTIALS.customerCode,
    HtmlPrintUrl: orderIds.length ? printUrl(ctx, orderIds) : '',
    Labels: labels,
  };
}

/**
 * The pieces a number stands for: a piece's own tracking number or piece number gives that
 * piece; the master tracking number (also the first piece's), the order number or the
 * reference gives all of them. A string is the reason there is none.
 */
function findPieces(
  ctx: ApiContext,
  number: string,
): { order: SandboxOrder; pieces: SandboxPiece[] } | string {
  const order = ctx.state.findOrder(number);
  if (!order) return '未找到 (not found)';
  if (order.statusCode === 8) return '订单已删除 (cancelled)';
  if (!order.trackingNumber) return '草稿订单没有标签 (a draft has no label yet)';

  const k = key(number);
  const piece = order.pieces.find(
    (p) => key(p.pieceNo) === k || (key(p.trackingNumber) === k && k !== key(order.trackingNumber)),
  );
  return { order: order as SandboxOrder, pieces: piece ? [piece] : order.pieces };
}

async function labelRow(
  order: SandboxOrder,
  piece: SandboxPiece,
  withPdf: boolean,
  ctx: ApiContext,
): Promise<object> {
  return {
    LabelHtml: printUrl(ctx, [order.orderId]),
    // Without the PDF (LabelType 0) MegaWMS sends no file, as for an account without permission.
    LabelBase64: withPdf ? await ctx.labels.pdfBase64(order, piece) : null,
    LabelType: withPdf ? 'pdf' : null,
    TracknumberMain: order.trackingNumber,
    Tracknumber: piece.trackingNumber,
    SubOrderNo: piece.pieceNo,
    OrderNo: order.orderNo,
    CsRefNo: order.referenceNo,
  };
}

function printUrl(ctx: ApiContext, orderIds: string[]): string {
  return `${ctx.baseUrl}/Manage/PrintPage/PrintApiLabel.aspx?orderList=${orderIds.join(',')}`;
}
