/**
 * jsdom lays nothing out, so a virtualised table sees a scroll box 0 px high and draws no
 * rows. This gives every element the height it has on screen, for one test file.
 */
import { afterAll, beforeAll } from 'vitest';

/** Registers hooks that give elements a `clientHeight` of `height` px while the file runs. */
export function withScrollBoxHeight(height = 600): void {
  let original: PropertyDescriptor | undefined;
  beforeAll(() => {
    original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get: () => height,
    });
  });
  afterAll(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  });
}
