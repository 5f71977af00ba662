import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom lays nothing out: gives the timeline's scroller, in each test of the calling file, the size
 * a 1280×800 window gives it, so its virtual window holds rows.
 */
export function timelineLayout(): void {
  const saved = ['clientHeight', 'clientWidth'].map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const);
  const size = (dim: number) =>
    function (this: HTMLElement) {
      return this.dataset.testid === 'timeline-scroll' ? dim : 0;
    };
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: size(420) });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: size(900) });
  });
  afterEach(() => {
    for (const [k, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, k, d);
  });
}
