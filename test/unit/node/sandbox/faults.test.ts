import { describe, expect, it } from 'vitest';
import { createFaultSwitch } from '../../../../src/sandbox/faults';

describe('fault switch', () => {
  it('hands out nothing until a fault is set, and nothing after it is cleared', () => {
    const faults = createFaultSwitch();
    expect(faults.take('GetLabel')).toEqual({});
    faults.set({ latencyMs: 50 });
    expect(faults.take('GetLabel')).toEqual({ latencyMs: 50 });
    faults.clear();
    expect(faults.take('GetLabel')).toEqual({});
  });

  it('applies to listed endpoints only and counts only those against times', () => {
    const faults = createFaultSwitch();
    faults.set({ status5xx: 503, endpoints: ['AddOrder'], times: 2 });

    const seen = ['GetLabel', 'AddOrder', 'GetLabel', 'AddOrder', 'AddOrder'].map(
      (e) => faults.take(e as 'AddOrder' | 'GetLabel').status5xx,
    );
    expect(seen).toEqual([undefined, 503, undefined, 503, undefined]);
  });

  it('replaces the previous faults when set again', () => {
    const faults = createFaultSwitch();
    faults.set({ drop: 'after', times: 1 });
    faults.set({ malformedJson: true });
    expect(faults.take('Inventory')).toEqual({ malformedJson: true });
    expect(faults.take('Inventory')).toEqual({ malformedJson: true });
  });

  it('refuses values that would make no sense', () => {
    const faults = createFaultSwitch();
    expect(() => faults.set({ status5xx: 200 })).toThrow(RangeError);
    expect(() => faults.set({ times: 0 })).toThrow(RangeError);
    expect(() => faults.set({ latencyMs: -1 })).toThrow(RangeError);
  });
});
