import { describe, expect, it } from 'vitest';
import { serialBytesPerSecond, timeoutForBytes, transferMs } from '../../../src/core/transport/line-rate';

describe('line-rate timeouts', () => {
  it('9600 8N1 carries 960 bytes/s; parity and 2 stop bits cost more', () => {
    expect(serialBytesPerSecond(9600)).toBe(960);
    expect(serialBytesPerSecond(9600, 8, 'even', 2)).toBeCloseTo(800);
  });
  it('a 100 KB display at 9600 baud gets minutes, not seconds; SSH gets the base only', () => {
    expect(transferMs(100 * 1024, 960)).toBe(106667);
    expect(timeoutForBytes(30_000, 100 * 1024, 960)).toBeGreaterThan(180_000);
    expect(timeoutForBytes(30_000, 100 * 1024, undefined)).toBe(30_000);
  });
});
