import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../../src/sandbox/prng';

describe('seeded generator', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, createPrng(seed).next);
    const a = createPrng(5);
    const b = createPrng(5);
    const sequenceA = Array.from({ length: 20 }, () => a.next());
    const sequenceB = Array.from({ length: 20 }, () => b.next());

    expect(sequenceA).toEqual(sequenceB);
    expect(sequenceA).not.toEqual(Array.from({ length: 20 }, () => createPrng(6).next()));
    expect(draw(1)).toHaveLength(20);
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const prng = createPrng(1);
    const values = new Set(Array.from({ length: 2000 }, () => prng.int(3, 7)));
    expect([...values].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('follows the weights of a table roughly', () => {
    const prng = createPrng(9);
    const picks = Array.from({ length: 10_000 }, () =>
      prng.weighted([
        ['a', 9],
        ['b', 1],
      ] as const),
    );
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.87);
    expect(share).toBeLessThan(0.93);
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = createPrng(3).shuffle(input);
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect(createPrng(3).digits(8)).toMatch(/^\d{8}$/);
  });
});
