import { PairNet } from '../../../src/lab/rbm/pair-net';
import { RbmEngine, type EngineOptions } from '../../../src/lab/rbm/engine';
import type { RbmConfig } from '../../../src/lab/device/seam';
import { FakeDevice, rbmConfig } from '../fakes/fake-device';

/** Polls until `cond` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(cond: () => boolean, timeoutMs: number, what: string, stepMs = 20): Promise<number> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return Date.now() - t0;
}

/**
 * Fake pairs use 127.10.200–249.x. Test files run in parallel worker processes (maxWorkers 2), and
 * each file starts counting afresh: without a per-worker slice two files opened the same address
 * and port at once, and one file's client talked to the other file's server.
 */
const SLICE = 25;
let nextPair = 200 + ((Number(process.env.VITEST_POOL_ID ?? 1) - 1) % 2) * SLICE;
const sliceStart = nextPair;

export interface FakePair {
  a: FakeDevice;
  b: FakeDevice;
  ea: RbmEngine;
  eb: RbmEngine;
  net: PairNet;
  stop(): void;
}

/** Two fake devices with RBM configured (A primary 10.2.1.1, B secondary 10.2.1.2) on their own loopback pair. */
export function fakePair(over: Partial<RbmConfig> = {}, overB: Partial<RbmConfig> = {}, opts: EngineOptions = {}): FakePair {
  const index = nextPair;
  nextPair = nextPair + 1 < sliceStart + SLICE ? nextPair + 1 : sliceStart;
  return fakePairAt(index, 61000 + (index % 250) * 2, over, overB, opts);
}

/**
 * The same on a given 127.10.<index>.x network and RBM port: also how a test plays a lab in
 * another process that happens to use the same loopback addresses and port.
 */
export function fakePairAt(index: number, port: number, over: Partial<RbmConfig> = {}, overB: Partial<RbmConfig> = {}, opts: EngineOptions = {}): FakePair {
  const net = new PairNet(index);
  const a = new FakeDevice('a', 'FW1', { 'GigabitEthernet1/0/3': '10.2.1.1/24', 'GigabitEthernet1/0/1': '10.1.1.1/24' });
  const b = new FakeDevice('b', 'FW2', { 'GigabitEthernet1/0/3': '10.2.1.2/24', 'GigabitEthernet1/0/1': '10.1.1.2/24' });
  net.add(a);
  net.add(b);
  const ea = new RbmEngine(a, net, opts);
  const eb = new RbmEngine(b, net, opts);
  const base = { port, dataChannelInterface: 'GigabitEthernet1/0/3', ...over };
  b.configure(rbmConfig({ role: 'secondary', localIp: '10.2.1.2', remoteIp: '10.2.1.1', ...base, ...overB }), ['b-only']);
  a.configure(rbmConfig({ role: 'primary', localIp: '10.2.1.1', remoteIp: '10.2.1.2', ...base }), ['acl 3000', ' rule 0 permit ip']);
  a.save();
  b.save();
  return {
    a,
    b,
    ea,
    eb,
    net,
    stop: () => {
      ea.dispose();
      eb.dispose();
    },
  };
}
