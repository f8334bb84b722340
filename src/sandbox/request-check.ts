/**
 * Reading a request body the way MegaWMS does: every value a string, every documented field
 * present, required ones not empty. A failed check is a `Refusal`, which the handlers turn
 * into `Success: "false"` with the message (Chinese first, English in brackets).
 */

/** MegaWMS said no: answered with HTTP 200 and `Success: "false"`. */
export class Refusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

/** A JSON object body or item. */
export type Fields = Record<string, unknown>;

/** The value as an object, or a refusal naming where it sits. */
export function asObject(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Refusal(`${where} 必须是 JSON 对象 (${where} must be a JSON object)`);
  }
  return value as Fields;
}

/** `fields[name]` as a string; refused when missing, not a string, or empty but required. */
export function readText(
  fields: Fields,
  name: string,
  opts: { required?: boolean; optional?: boolean; where?: string } = {},
): string {
  const label = opts.where ? `${opts.where}.${name}` : name;
  const value = fields[name];
  if (value === undefined || value === null) {
    if (opts.optional) return '';
    throw new Refusal(`缺少字段 ${label} (the field ${label} is missing)`);
  }
  if (typeof value !== 'string') {
    throw new Refusal(
      `字段 ${label} 必须是字符串 (${label} must be a string, not ${describe(value)})`,
    );
  }
  if (opts.required && value.trim() === '') {
    throw new Refusal(`${label} 不能为空 (${label} is required)`);
  }
  return value.trim();
}

/** `fields[name]` as a list of at most `max` items; refused when missing, empty or too long. */
export function readList(fields: Fields, name: string, max?: number): unknown[] {
  const value = fields[name];
  if (!Array.isArray(value)) {
    throw new Refusal(`${name} 必须是数组 (${name} must be a list)`);
  }
  if (value.length === 0) throw new Refusal(`${name} 不能为空 (${name} must not be empty)`);
  if (max !== undefined && value.length > max) {
    throw new Refusal(
      `${name} 最多 ${max} 个,收到 ${value.length} 个 (at most ${max} per call, got ${value.length})`,
    );
  }
  return value;
}

/** A decimal number written as a string (`"1"`, `"0.25"`); refused otherwise. */
export function readNumber(
  fields: Fields,
  name: string,
  opts: { where?: string; positive?: boolean; integer?: boolean } = {},
): number {
  const text = readText(fields, name, { required: true, where: opts.where });
  const label = opts.where ? `${opts.where}.${name}` : name;
  const pattern = opts.integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  const value = Number(text);
  if (!pattern.test(text) || (opts.positive && value <= 0)) {
    const kind = opts.integer ? '整数 (a whole number' : '数字 (a number';
    const above = opts.positive ? ' above 0' : '';
    throw new Refusal(`${label} 必须是${kind}${above}, got "${text}")`);
  }
  return value;
}

/**
 * Throws the standard refusal for a wrong customer code or API key (never echoing the key).
 * `CusApiName` is not checked: the vendor's own GetLabel example sends `123` with the demo key.
 */
export function checkAccount(
  fields: Fields,
  account: { customerCode: string; apiKey: string },
): void {
  const cusCode = fields.CusCode;
  const apiKey = fields.ApiKey;
  if (cusCode !== account.customerCode || apiKey !== account.apiKey) {
    throw new Refusal('客户编码或 ApiKey 错误 (wrong CusCode or ApiKey)');
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
