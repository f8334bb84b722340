// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  emptyDraft,
  type OrderDraft,
  toInput,
  useOrderFormStore,
  validateDraft,
} from '../../../src/renderer/stores/order-form-store';
import { generateReferenceNo } from '../../../src/renderer/lib/reference-no';
import { createStationDouble, type Handlers } from './station-double';
import { piece } from './samples';

function install(handlers: Handlers) {
  const double = createStationDouble(handlers);
  window.station = double.api;
  return double;
}

function filled(): OrderDraft {
  const draft = emptyDraft('LS-20240501-093000-abcd');
  return {
    ...draft,
    channelId: '201',
    warehouseId: '381',
    consignee: {
      ...draft.consignee,
      name: 'Maria Lopez',
      address1: '1 Main St',
      city: 'Austin',
      zipcode: '78701',
    },
    pieces: [{ weightKg: '1.5', lengthCm: '30', widthCm: '20', heightCm: '10' }],
    products: [
      {
        ...draft.products[0]!,
        sku: 'SKU-1',
        nameEn: 'T-shirt',
        unitWeightKg: '0.2',
        unitPriceUsd: '9.5',
      },
    ],
  };
}

const created = {
  outcome: 'created' as const,
  orderNo: 'R800001707210099',
  referenceNo: 'LS-20240501-093000-abcd',
  trackingNumber: '1Z999AA10123456799',
  message: '提交成功',
  pieces: [piece({ trackingNumber: '1Z999AA10123456799' })],
};

beforeEach(() => {
  useOrderFormStore.setState(useOrderFormStore.getInitialState(), true);
});

describe('order form', () => {
  it('opens with a generated reference number in the LS-date-time-random form', () => {
    expect(useOrderFormStore.getState().draft.referenceNo).toMatch(/^LS-\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(generateReferenceNo(new Date(2024, 0, 31, 14, 25, 1))).toMatch(
      /^LS-20240131-142501-[0-9a-f]{4}$/,
    );
  });

  it('names the missing required fields of an empty form', () => {
    const errors = validateDraft(emptyDraft());
    expect(errors['consignee.name']).toEqual({ key: 'form.required' });
    expect(errors['consignee.zipcode']).toEqual({ key: 'form.required' });
    expect(errors['channelId']).toEqual({ key: 'form.required' });
    expect(errors['warehouseId']).toEqual({ key: 'form.required' });
    expect(errors['pieces.0.weightKg']).toEqual({ key: 'form.number' });
    expect(errors['products.0.sku']).toEqual({ key: 'form.required' });
  });

  it('explains a bad country code, a zero weight and an over-long field', () => {
    const draft = filled();
    draft.consignee.country = 'usa';
    draft.pieces[0]!.weightKg = '0';
    draft.remark = 'x'.repeat(501);
    const errors = validateDraft(draft);
    expect(errors['consignee.country']).toEqual({ key: 'form.country' });
    expect(errors['pieces.0.weightKg']).toEqual({ key: 'form.positive' });
    expect(errors['remark']).toEqual({ key: 'form.tooBig', params: { max: '500' } });
  });

  it('accepts a complete form, and a transfer order without warehouse or SKU goes to warehouse 0', () => {
    expect(validateDraft(filled())).toEqual({});
    const transfer = { ...filled(), style: 'transfer' as const, warehouseId: '' };
    transfer.products = [{ ...transfer.products[0]!, sku: '' }];
    expect(validateDraft(transfer)).toEqual({});
    expect(toInput(transfer).warehouseId).toBe('0');
    expect(toInput(filled()).pieces).toEqual([
      { weightKg: 1.5, lengthCm: 30, widthCm: 20, heightCm: 10 },
    ]);
  });

  it('lets the piece count follow the rows, never below one', () => {
    const store = useOrderFormStore.getState();
    store.addPiece();
    store.addPiece();
    expect(useOrderFormStore.getState().draft.pieces).toHaveLength(3);
    store.removePiece(0);
    store.removePiece(0);
    store.removePiece(0);
    expect(useOrderFormStore.getState().draft.pieces).toHaveLength(1);
  });

  it('does not call MegaWMS while the form has problems', async () => {
    const double = install({ 'orders.create': () => created });
    await useOrderFormStore.getState().submit();
    expect(double.callsOf('orders.create')).toHaveLength(0);
    expect(useOrderFormStore.getState().attempted).toBe(true);
  });

  it('sends a double submit once and reuses the reference number for a retry after a failure', async () => {
    let answers = 0;
    const double = install({
      'orders.create': () => {
        answers += 1;
        return answers === 1
          ? { error: { code: 'timeout', message: 'MegaWMS did not answer' } }
          : created;
      },
    });
    useOrderFormStore.getState().change(() => filled());

    await Promise.all([
      useOrderFormStore.getState().submit(),
      useOrderFormStore.getState().submit(),
    ]);
    expect(double.callsOf('orders.create')).toHaveLength(1);
    expect(useOrderFormStore.getState().error?.code).toBe('timeout');

    await useOrderFormStore.getState().submit();
    const refs = double.callsOf('orders.create').map((input) => input.referenceNo);
    expect(refs).toEqual(['LS-20240501-093000-abcd', 'LS-20240501-093000-abcd']);
    expect(useOrderFormStore.getState().result?.orderNo).toBe('R800001707210099');
  });

  it('gives an emptied reference field a new number at submit, and a new order a new one', async () => {
    const double = install({
      'orders.create': (input) => ({ ...created, referenceNo: input.referenceNo }),
    });
    useOrderFormStore.getState().change(() => ({ ...filled(), referenceNo: '' }));
    await useOrderFormStore.getState().submit();
    const sent = double.callsOf('orders.create')[0]?.referenceNo ?? '';
    expect(sent).toMatch(/^LS-/);

    useOrderFormStore.getState().startNew();
    expect(useOrderFormStore.getState().draft.referenceNo).toMatch(/^LS-/);
    expect(useOrderFormStore.getState().result).toBeNull();
  });

  it('prints the new order’s labels by their tracking numbers', async () => {
    const double = install({
      'orders.create': () => created,
      'labels.print': () => ({
        rows: [],
        jobIds: [31],
        rowJobIds: [],
        duplicates: [],
        needsConfirmation: false,
      }),
    });
    useOrderFormStore.getState().change(() => filled());
    await useOrderFormStore.getState().submit();
    await useOrderFormStore.getState().printLabels();
    expect(double.callsOf('labels.print')[0]?.numbers).toEqual(['1Z999AA10123456799']);
    expect(useOrderFormStore.getState().printedJobIds).toEqual([31]);
  });
});
