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

let nextPair = 200;

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
  const net = new PairNet(nextPair++ % 250);
  const a = new FakeDevice('a', 'FW1', { 'GigabitEthernet1/0/3': '10.2.1.1/24', 'GigabitEthernet1/0/1': '10.1.1.1/24' });
  const b = new FakeDevice('b', 'FW2', { 'GigabitEthernet1/0/3': '10.2.1.2/24', 'GigabitEthernet1/0/1': '10.1.1.2/24' });
  net.add(a);
  net.add(b);
  const ea = new RbmEngine(a, net, opts);
  const eb = new RbmEngine(b, net, opts);
  const port = 61000 + (net.pairIndex % 250) * 2;
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
