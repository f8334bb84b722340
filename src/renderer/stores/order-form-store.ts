/**
 * The new-order form: a draft of strings as the worker types, checked against the
 * contract's `NewOrderInput` schema on every change. The reference number is made when the
 * form opens and kept until an order is created, so a retry after a timeout cannot create
 * the same order twice.
 */
import { create } from 'zustand';
import type { CreateOrderView, IpcError, NewOrderInput } from '../../shared/contract';
import { NewOrderInput as NewOrderSchema } from '../../shared/contract';
import type { MessageKey, MessageParams } from '../i18n/i18n';
import { generateReferenceNo } from '../lib/reference-no';
import { settle, station } from '../station';

/** One piece (box) row as typed. */
export interface PieceDraft {
  weightKg: string;
  lengthCm: string;
  widthCm: string;
  heightCm: string;
}

/** One customs line as typed. */
export interface ProductDraft {
  sku: string;
  nameEn: string;
  nameCn: string;
  quantity: string;
  unitWeightKg: string;
  unitPriceUsd: string;
  hsCode: string;
  origin: string;
}

/** The whole form as typed: numbers still strings until they are checked. */
export interface OrderDraft extends Omit<NewOrderInput, 'pieces' | 'products'> {
  pieces: PieceDraft[];
  products: ProductDraft[];
}

/** A field's problem, as a message key for the worker's language. */
export interface FieldError {
  key: MessageKey;
  params?: MessageParams;
}

const emptyPiece = (): PieceDraft => ({ weightKg: '', lengthCm: '', widthCm: '', heightCm: '' });

const emptyProduct = (): ProductDraft => ({
  sku: '',
  nameEn: '',
  nameCn: '',
  quantity: '1',
  unitWeightKg: '',
  unitPriceUsd: '',
  hsCode: '',
  origin: '',
});

/** A fresh form with a new reference number. */
export function emptyDraft(referenceNo: string = generateReferenceNo()): OrderDraft {
  return {
    style: 'warehouse',
    sender: { name: '', address: '', phone: '', email: '', company: '' },
    consignee: {
      name: '',
      company: '',
      address1: '',
      address2: '',
      city: '',
      state: '',
      zipcode: '',
      country: 'US',
      phone: '',
      email: '',
    },
    channelId: '',
    referenceNo,
    confirm: true,
    warehouseId: '',
    remark: '',
    pieces: [emptyPiece()],
    products: [emptyProduct()],
  };
}

// An empty number field is NaN, which the schema reports as "enter a number".
const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The draft as the contract's input: numbers parsed, a transfer order in warehouse `0`. */
export function toInput(draft: OrderDraft): NewOrderInput {
  return {
    ...draft,
    warehouseId: draft.style === 'transfer' ? '0' : draft.warehouseId,
    pieces: draft.pieces.map((piece) => ({
      weightKg: toNumber(piece.weightKg),
      lengthCm: toNumber(piece.lengthCm),
      widthCm: toNumber(piece.widthCm),
      heightCm: toNumber(piece.heightCm),
    })),
    products: draft.products.map((product) => ({
      ...product,
      quantity: toNumber(product.quantity),
      unitWeightKg: toNumber(product.unitWeightKg),
      unitPriceUsd: toNumber(product.unitPriceUsd),
    })),
  };
}

interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
}

/** A zod issue in the worker's words. */
function fieldError(issue: SchemaIssue): FieldError {
  const path = issue.path.join('.');
  if (issue.code === 'invalid_type') return { key: 'form.number' };
  if (issue.code === 'invalid_format' && path === 'consignee.country') {
    return { key: 'form.country' };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return { key: 'form.required' };
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return { key: 'form.positive' };
  }
  if (issue.code === 'too_big')
    return { key: 'form.tooBig', params: { max: String(issue.maximum) } };
  if (issue.code === 'invalid_format') return { key: 'form.format' };
  return { key: 'form.invalid' };
}

/** Every problem of the draft by field path (`consignee.name`, `pieces.0.weightKg`). */
export function validateDraft(draft: OrderDraft): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  const parsed = NewOrderSchema.safeParse(toInput(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= fieldError(issue as SchemaIssue);
    }
  }
  // Rules of MegaWMS the schema leaves to the form: a warehouse order needs its warehouse
  // and a SKU on each line (SKU may be empty only for transfer orders).
  if (draft.style === 'warehouse') {
    if (draft.warehouseId === '') errors.warehouseId ??= { key: 'form.required' };
    draft.products.forEach((product, index) => {
      if (product.sku.trim() === '') errors[`products.${index}.sku`] ??= { key: 'form.required' };
    });
  }
  return errors;
}

interface OrderFormState {
  draft: OrderDraft;
  /** The draft's problems by field path, checked on every change. */
  errors: Record<string, FieldError>;
  /** Fields the worker has left: their errors show; all show after a submit attempt. */
  touched: ReadonlySet<string>;
  attempted: boolean;
  submitting: boolean;
  result: CreateOrderView | null;
  error: IpcError | null;
  /** The print job(s) of the new order's labels, once sent. */
  printedJobIds: number[] | null;
  printing: boolean;
  change: (update: (draft: OrderDraft) => OrderDraft) => void;
  touch: (path: string) => void;
  setLineField: (kind: 'pieces' | 'products', index: number, field: string, value: string) => void;
  addPiece: () => void;
  removePiece: (index: number) => void;
  addProduct: () => void;
  removeProduct: (index: number) => void;
  submit: () => Promise<void>;
  printLabels: () => Promise<void>;
  startNew: () => void;
}

/** The Orders screen's create form. */
export const useOrderFormStore = create<OrderFormState>()((set, get) => {
  const fresh = emptyDraft();
  return {
    draft: fresh,
    errors: validateDraft(fresh),
    touched: new Set(),
    attempted: false,
    submitting: false,
    result: null,
    error: null,
    printedJobIds: null,
    printing: false,

    change: (update) => {
      const draft = update(get().draft);
      set({ draft, errors: validateDraft(draft) });
    },

    touch: (path) => {
      if (!get().touched.has(path)) set({ touched: new Set([...get().touched, path]) });
    },

    setLineField: (kind, index, field, value) =>
      get().change((draft) =>
        kind === 'pieces'
          ? {
              ...draft,
              pieces: draft.pieces.map((line, i) =>
                i === index ? { ...line, [field]: value } : line,
              ),
            }
          : {
              ...draft,
              products: draft.products.map((line, i) =>
                i === index ? { ...line, [field]: value } : line,
              ),
            },
      ),

    addPiece: () =>
      get().change((draft) => ({ ...draft, pieces: [...draft.pieces, emptyPiece()] })),

    removePiece: (index) =>
      get().change((draft) =>
        draft.pieces.length <= 1
          ? draft
          : { ...draft, pieces: draft.pieces.filter((_, i) => i !== index) },
      ),

    addProduct: () =>
      get().change((draft) => ({ ...draft, products: [...draft.products, emptyProduct()] })),

    removeProduct: (index) =>
      get().change((draft) =>
        draft.products.length <= 1
          ? draft
          : { ...draft, products: draft.products.filter((_, i) => i !== index) },
      ),

    submit: async () => {
      if (get().submitting) return;
      // An emptied reference field gets a new number now, kept for every retry of this order.
      if (get().draft.referenceNo.trim() === '') {
        get().change((draft) => ({ ...draft, referenceNo: generateReferenceNo() }));
      }
      set({ attempted: true, error: null });
      if (Object.keys(get().errors).length > 0) return;

      set({ submitting: true });
      const input = toInput(get().draft);
      const result = await settle(() => station().orders.create(input));
      if (!result.ok) return set({ submitting: false, error: result.error });
      set({ submitting: false, result: result.value });
    },

    printLabels: async () => {
      const created = get().result;
      if (!created || get().printing) return;
      const withFile = created.pieces.filter((piece) => piece.hasFile);
      const numbers =
        withFile.length > 0 ? withFile.map((piece) => piece.trackingNumber) : [created.orderNo];
      set({ printing: true, error: null });
      const result = await settle(() =>
        station().labels.print({ numbers, merge: true, confirmDuplicates: true }),
      );
      if (!result.ok) return set({ printing: false, error: result.error });
      const refused = result.value.rows.find((row) => !row.ok)?.failure;
      set({
        printing: false,
        printedJobIds: result.value.jobIds,
        error: refused && result.value.jobIds.length === 0 ? refused : null,
      });
    },

    startNew: () => {
      const draft = emptyDraft();
      set({
        draft,
        errors: validateDraft(draft),
        touched: new Set(),
        attempted: false,
        result: null,
        error: null,
        printedJobIds: null,
      });
    },
  };
});
