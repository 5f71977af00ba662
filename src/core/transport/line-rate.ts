/**
 * Timeouts derived from the bytes expected at the line rate. A serial line carries 10 bits per
 * byte (start + 8 data + stop), so 9600 baud moves 960 bytes/s: a fixed 10 s limit would kill a
 * 100 KB display that legitimately needs ~105 s.
 */

/** Bytes per second for an asynchronous serial line with the given framing. */
export function serialBytesPerSecond(baud: number, dataBits = 8, parity: 'none' | 'even' | 'odd' = 'none', stopBits = 1): number {
  const bitsPerChar = 1 + dataBits + (parity === 'none' ? 0 : 1) + stopBits;
  return baud / bitsPerChar;
}

/** Seconds the line needs to carry `bytes` at `bytesPerSecond` (0 for unknown/fast links). */
export function transferMs(bytes: number, bytesPerSecond: number | undefined): number {
  if (!bytesPerSecond || bytesPerSecond <= 0) return 0;
  return Math.ceil((bytes / bytesPerSecond) * 1000);
}

/**
 * An overall limit: a base for device processing plus the line time with a 50 % margin
 * (real consoles lose some throughput to flow pauses and the device's own pacing).
 */
export function timeoutForBytes(baseMs: number, bytes: number, bytesPerSecond: number | undefined): number {
  return baseMs + Math.ceil(transferMs(bytes, bytesPerSecond) * 1.5);
}
