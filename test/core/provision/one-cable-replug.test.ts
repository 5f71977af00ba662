import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { portIdentity, waitForCableMove } from '../../../src/core/provision/one-cable/node/replug';

describe('waitForCableMove: the cable move seen on the port, by the engineer, or presumed', () => {
  let dir: string;
  let port: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hotpair-replug-'));
    writeFileSync(join(dir, 'ttyA'), '');
    writeFileSync(join(dir, 'ttyB'), '');
    port = join(dir, 'console');
    symlinkSync(join(dir, 'ttyA'), port);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a port that goes away and comes back on the other device is a move, even with the presumption armed', async () => {
    const since = await portIdentity(port);
    let gone = 0;
    const seen = waitForCableMove(port, since, { signal: AbortSignal.timeout(5000), pollMs: 20, presumeAfterMs: 300, onGone: () => gone++ });
    setTimeout(() => rmSync(port), 50);
    // Away longer than the presumption: once the port went, only its return counts.
    setTimeout(() => symlinkSync(join(dir, 'ttyB'), port), 600);
    expect(await seen).toBe('plugged');
    expect(gone).toBe(1);
  });

  it('a port that never goes away (only the far end moved): the engineer’s word, or the presumption when nobody can give it', async () => {
    const since = await portIdentity(port);
    const t0 = Date.now();
    expect(await waitForCableMove(port, since, { signal: AbortSignal.timeout(5000), pollMs: 20, confirm: () => new Promise((r) => setTimeout(r, 100)) })).toBe('confirmed');
    expect(await waitForCableMove(port, since, { signal: AbortSignal.timeout(5000), pollMs: 20, presumeAfterMs: 200 })).toBe('presumed');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('without a word or a presumption it waits until the signal ends it', async () => {
    const since = await portIdentity(port);
    await expect(waitForCableMove(port, since, { signal: AbortSignal.timeout(300), pollMs: 20, confirm: () => Promise.reject(new Error('stdin closed')) })).rejects.toThrow();
  });
});
