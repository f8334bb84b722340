/**
 * AddOrder: checks the request as MegaWMS does (every field present as a string, required
 * ones filled, pieces matching BILLQTY, a reference number used once) and creates the order.
 */
import { DEMO_CREDENTIALS } from './demo-account';
import { DEMO_WAREHOUSES } from './demo-tables';
import type { ApiContext } from './handlers';
import type { SandboxChannel, SandboxOrder, SandboxProduct } from './model';
import {
  asObject,
  checkAccount,
  readList,
  readNumber,
  readText,
  Refusal,
  type Fields,
} from './request-check';
import type { NewSandboxOrder } from './state';

/** Fields that must be present and not empty. */
const REQUIRED = [
  'CusApiName',
  'Style',
  'ConsigneeName',
  'Country',
  'Base_ChannelInfoID',
  'State',
  'City',
  'Address1',
  'CsRefNo',
  'OrderStatus',
  'Zipcode',
  'StortelID',
  'BILLQTY',
] as const;

/** Fields that must be present but may be `""`, as the document asks. */
const OPTIONAL = [
  'Sender',
  'SendAddress',
  'SendPhone',
  'SendEmail',
  'SendCompany',
  'Address2',
  'Contact',
  'CompanyName',
  'CusRemark',
  'RecipientEmail',
] as const;

type AddOrderFields = Record<(typeof REQUIRED)[number] | (typeof OPTIONAL)[number], string>;

/** Creates the order and answers with its numbers and (once confirmed) PNG labels. */
export async function handleAddOrder(body: Fields, ctx: ApiContext): Promise<object> {
  checkAccount(body, DEMO_CREDENTIALS);
  const f = readFields(body);
  const channel = ctx.state.channels.find((c) => c.id === f.Base_ChannelInfoID);
  checkRules(f, channel);
  const pieces = readPieces(body, Number(f.BILLQTY));
  const products = readProducts(body, f.Style === '1');

  const existing = ctx.state.findByReference(f.CsRefNo);
  if (existing) {
    throw new Refusal(
      `客户参考号 ${f.CsRefNo} 已存在,订单号 ${existing.orderNo} ` +
        `(the reference number ${f.CsRefNo} was already used by order ${existing.orderNo})`,
    );
  }

  const order = ctx.state.createOrder(newOrder(f, channel!, pieces, products));
  return answer(order, f, ctx);
}

function readFields(body: Fields): AddOrderFields {
  const fields = {} as AddOrderFields;
  for (const name of REQUIRED) fields[name] = readText(body, name, { required: true });
  for (const name of OPTIONAL) fields[name] = readText(body, name);
  return fields;
}

function checkRules(f: AddOrderFields, channel: SandboxChannel | undefined): void {
  if (f.Style !== '1' && f.Style !== '2') {
    throw new Refusal(
      `Style 只能是 1 或 2 (Style must be 1 warehouse or 2 transfer, got "${f.Style}")`,
    );
  }
  if (f.OrderStatus !== '1' && f.OrderStatus !== '3') {
    throw new Refusal(
      `OrderStatus 只能是 1 或 3 (OrderStatus must be 1 draft or 3 confirm, got "${f.OrderStatus}")`,
    );
  }
  if (!channel) {
    throw new Refusal(
      `渠道 ${f.Base_ChannelInfoID} 不存在 ` +
        `(no shipping channel ${f.Base_ChannelInfoID} on this account)`,
    );
  }
  if (!/^[A-Za-z]{2}$/.test(f.Country)) {
    throw new Refusal(
      `Country 必须是国家二字码 (Country must be a two-letter code such as US, got "${f.Country}")`,
    );
  }
  if (f.Style === '1' && !DEMO_WAREHOUSES.some((w) => w.id === f.StortelID)) {
    throw new Refusal(
      `仓储 ${f.StortelID} 不存在 ` +
        `(no warehouse ${f.StortelID}: a warehouse order needs one of this account's warehouses)`,
    );
  }
  if (!/^\d+$/.test(f.BILLQTY) || Number(f.BILLQTY) < 1) {
    throw new Refusal(
      `BILLQTY 必须是正整数 (BILLQTY must be a whole number of pieces, got "${f.BILLQTY}")`,
    );
  }
}

function readPieces(body: Fields, billQty: number): NewSandboxOrder['pieces'] {
  const bags = readList(body, 'OrderBags');
  if (bags.length !== billQty) {
    throw new Refusal(
      `BILLQTY(${billQty}) 与包裹数(${bags.length})不一致 ` +
        `(BILLQTY says ${billQty} pieces but OrderBags has ${bags.length})`,
    );
  }
  return bags.map((item, i) => {
    const where = `OrderBags[${i}]`;
    const bag = asObject(item, where);
    readNumber(bag, 'Weight', { where, positive: true });
    for (const name of ['Length', 'Width', 'Height']) readNumber(bag, name, { where });
    return {
      weightKg: readText(bag, 'Weight'),
      lengthCm: readText(bag, 'Length'),
      widthCm: readText(bag, 'Width'),
      heightCm: readText(bag, 'Height'),
    };
  });
}

function readProducts(body: Fields, warehouseOrder: boolean): SandboxProduct[] {
  return readList(body, 'Products').map((item, i) => {
    const where = `Products[${i}]`;
    const p = asObject(item, where);
    readNumber(p, 'Qty', { where, integer: true, positive: true });
    readNumber(p, 'Weight', { where });
    readNumber(p, 'Price', { where });
    return {
      // Stock is picked by SKU, so only a warehouse order must name one.
      sku: readText(p, 'SKU', { where, required: warehouseOrder }),
      nameEn: readText(p, 'EnName', { where, required: true }),
      nameCn: readText(p, 'CnName', { where }),
      qty: readText(p, 'Qty'),
      weightKg: readText(p, 'Weight'),
      priceUsd: readText(p, 'Price'),
      hsCode: readText(p, 'Hscode', { where }),
      origin: readText(p, 'ProducingArea', { where }),
    };
  });
}

function newOrder(
  f: AddOrderFields,
  channel: SandboxChannel,
  pieces: NewSandboxOrder['pieces'],
  products: SandboxProduct[],
): NewSandboxOrder {
  return {
    referenceNo: f.CsRefNo,
    statusCode: f.OrderStatus === '1' ? 1 : 3,
    style: f.Style as '1' | '2',
    channel,
    sender: {
      name: f.Sender,
      address: f.SendAddress,
      phone: f.SendPhone,
      email: f.SendEmail,
      company: f.SendCompany,
    },
    consignee: {
      name: f.ConsigneeName,
      company: f.CompanyName,
      address1: f.Address1,
      address2: f.Address2,
      city: f.City,
      state: f.State,
      zipcode: f.Zipcode,
      country: f.Country.toUpperCase(),
      phone: f.Contact,
      email: f.RecipientEmail,
    },
    warehouseId: f.StortelID,
    remark: f.CusRemark,
    pieces,
    products,
  };
}

async function answer(order: SandboxOrder, f: AddOrderFields, ctx: ApiContext): Promise<object> {
  const draft = order.statusCode === 1;
  const labels = await Promise.all(
    order.pieces.map(async (piece) => ({
      // A draft has no tracking number yet, so MegaWMS has no label to give.
      Label: draft ? null : await ctx.labels.pngBase64(order, piece),
      LabelType: draft ? null : 'png',
      Tracknumber: piece.trackingNumber,
      SubOrderNo: piece.pieceNo,
    })),
  );
  return {
    CusApiName: f.CusApiName,
    // MegaWMS pads the order number with a leading space (see the vendor's first example).
    OrderNo: ctx.quirks ? ` ${order.orderNo}` : order.orderNo,
    CsRefNo: order.referenceNo,
    Message: draft
      ? '提交成功,订单已保存到草稿列表 (saved as a draft: submit it in MegaWMS to get tracking numbers)'
      : `提交成功,渠道代码为:${order.channel.name}`,
    Success: 'true',
    OrderID: order.orderId,
    CusCode: DEMO_CREDENTIALS.customerCode,
    Tracknumber: order.trackingNumber,
    PrintUrl: `${ctx.baseUrl}/Manage/PrintPage/PrintOrder.aspx?oid=${order.orderId}`,
    Labels: labels,
  };
}
