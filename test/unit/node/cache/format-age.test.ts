import { describe, expect, it } from 'vitest';
import { formatAge } from '../../../../src/cli/commands/cache';

describe('formatAge', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it('says how long ago something was fetched in the largest whole unit', () => {
    expect(formatAge(ago(5), now)).toBe('just now');
    expect(formatAge(ago(125), now)).toBe('2 min ago');
    expect(formatAge(ago(3 * 3600 + 59), now)).toBe('3 h ago');
    expect(formatAge(ago(91 * 86_400), now)).toBe('91 d ago');
  });

  it('treats a time slightly in the future (a clock off by a little) as just now', () => {
    expect(formatAge(ago(-30), now)).toBe('just now');
  });
});
