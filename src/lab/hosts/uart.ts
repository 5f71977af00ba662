import { execFile } from 'node:child_process';

/** A console line speed the lab reads from the engineer's end of the PTY pair (stty), bounded so a stuck stty cannot hold the console. */
const STTY_TIMEOUT_MS = 2_000;

/**
 * What a UART reading at `rxBaud` makes of bytes sent back to back at `txBaud`, both 8N1. The
 * receiver waits for a low level (a start bit), samples the middle of each of its own bit times and
 * keeps what it sampled whether or not the stop bit was high: with INPCK off (raw mode, as consoles
 * are opened) Linux passes framing-error bytes on unchanged, and a frame of zeros (a break) reads
 * as NUL. So a faster reader sees the sender's long low bits as NULs and 0x80/0xC0/0xF0-like bytes,
 * and a slower one samples bits of several characters into one high-bit byte, fewer bytes than
 * were sent. Pure and deterministic: the same bytes at the same two speeds give the same garbage.
 */
export function misread(bytes: Uint8Array, txBaud: number, rxBaud: number): Buffer {
  if (txBaud === rxBaud) return Buffer.from(bytes);
  const bit = txBaud / rxBaud; // one receiver bit time, in sender bit times
  const end = bytes.length * 10;
  const level = (t: number): number => {
    if (t >= end) return 1; // idle after the last stop bit
    const i = Math.floor(t);
    const j = i % 10;
    if (j === 0) return 0;
    if (j === 9) return 1;
    return ((bytes[(i - j) / 10] as number) >> (j - 1)) & 1;
  };
  const out: number[] = [];
  let t = 0;
  while (t < end) {
    // The line only changes on whole sender bit times: the next low level is at t or on one of them.
    let start = t;
    if (level(start) !== 0) {
      start = Math.floor(t) + 1;
      while (start < end && level(start) !== 0) start++;
      if (start >= end) break;
    }
    // A low level gone by the middle of the start bit is a glitch, not a character.
    if (level(start + bit / 2) !== 0) {
      t = start + bit / 2;
      continue;
    }
    let v = 0;
    for (let k = 0; k < 8; k++) v |= level(start + (1.5 + k) * bit) << k;
    out.push(v);
    // After sampling the stop bit the receiver hunts again at once (a low stop bit resynchronises on the spot).
    t = start + 9.5 * bit;
  }
  return Buffer.from(out);
}

/** Sets a terminal device's line speed (the lab's consoles start at the device's speed, so output before any client reads clean). */
export function setTtySpeed(path: string, baud: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('stty', ['-F', path, String(baud)], { timeout: STTY_TIMEOUT_MS }, (err, _out, stderr) => (err ? reject(new Error(`stty -F ${path} ${baud}: ${String(stderr).trim() || err.message}`)) : resolve()));
  });
}

/** The line speed set on a terminal device (on a PTY, what the program holding it asked for); undefined when it cannot be read. */
export function ttySpeed(path: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    execFile('stty', ['-F', path, 'speed'], { timeout: STTY_TIMEOUT_MS }, (err, stdout) => {
      const n = Number(String(stdout).trim());
      resolve(err || !Number.isInteger(n) || n <= 0 ? undefined : n);
    });
  });
}
