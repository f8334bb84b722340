/** Shared pieces of the client's integration tests: a valid new order, a rejection probe. */
import { MegaWmsError } from '../../src/main/core/megawms/errors';
import type { NewOrder } from '../../src/shared/domain';

let counter = 0;

/** A confirmed two-piece transfer order on channel 201 with a fresh reference number. */
export function demoOrder(overrides: Partial<NewOrder> = {}): NewOrder {
  counter += 1;
  return {
    style: 'transfer',
    sender: {
      name: 'Packing Station 3',
      address: '18 Dock Road',
      phone: '5550100',
      email: 'ops@example.test',
      company: 'Label Station Demo',
    },
    consignee: {
      name: 'Ada Lovelace',
      company: '',
      address1: '12 Analytical Way',
      address2: '',
      city: 'NEW YORK',
      state: 'NY',
      zipcode: '10001',
      country: 'US',
      phone: '2125550123',
      email: '',
    },
    channelId: '201',
    referenceNo: `IT-${process.pid}-${Date.now()}-${counter}`,
    confirm: true,
    warehouseId: '0',
    remark: '',
    pieces: [
      { weightKg: 1.2, lengthCm: 30, widthCm: 20, heightCm: 10 },
      { weightKg: 0.8, lengthCm: 20, widthCm: 20, heightCm: 10 },
    ],
    products: [
      {
        sku: '',
        nameEn: 'Notebook',
        nameCn: '笔记本',
        quantity: 2,
        unitWeightKg: 0.5,
        unitPriceUsd: 3.5,
        hsCode: '',
        origin: 'CN',
      },
    ],
    ...overrides,
  };
}

/** The MegaWMS error a call rejects with; fails the test when it resolves or throws another. */
export async function rejection(promise: Promise<unknown>): Promise<MegaWmsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MegaWmsError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
