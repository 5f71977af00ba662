/**
 * The probe against the lab appliance over real transports: the lab speaks a changed dialect
 * (its pack renames one keyword), HotPair plans with the built-in pack, and the devices' own `?`
 * help flags exactly the lines that use it — on both devices, over SSH and over the serial
 * console — and nothing else. The devices' configuration is the same before and after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectTarget } from '../../src/core/model/connect';
import type { DeviceKey } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import type { PlatformPack } from '../../src/core/platforms/pack';
import { summarizeJournal } from '../../src/core/provision/journal';
import { planDevice } from '../../src/core/provision/plan';
import { readRunning } from '../../src/core/provision/push';
import type { Session } from '../../src/core/provision/types';
import { probePair } from '../../src/core/probe/pair';
import { unconfirmed } from '../../src/core/probe/types';
import { openSession } from '../../src/core/session/node/open';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../src/lab/lab';
import { CliSession } from '../../src/lab/cli/engine';
import { examplePair, memoryJournal } from './lab-pair';

/** The release in this lab says `keepalive period N` where the built-in pack says `keepalive interval N`. */
function labDialect(): PlatformPack {
  const p = structuredClone(comware7);
  p.commands.keepaliveInterval = { ...p.commands.keepaliveInterval!, template: 'keepalive period {seconds}' };
  return p;
}

const pair = examplePair('as-vrrp');
let lab: Lab;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hotpair-probe-lab-'));
  // 127.10.76.0/24: a network no other suite uses (see lab-pair.ts)
  lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, pairIndexBase: 76, stateFile: false, pair, pack: labDialect() });
}, 30_000);
afterAll(async () => {
  await lab?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const config = (i: number) => (new CliSession(lab.members[i]!.device).execute('display current-configuration').lines ?? []).join('\n');

async function open(k: DeviceKey, via: 'ssh' | 'console'): Promise<Session> {
  const i = k === 'a' ? 0 : 1;
  const target: ConnectTarget =
    via === 'ssh'
      ? { kind: 'ssh', host: '127.0.0.1', port: lab.members[i]!.ssh.port, username: LAB_USERNAME }
      : { kind: 'serial', path: lab.describe().devices[i]!.serial!, baud: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' };
  const o = await openSession({
    target,
    credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
    hostKeyPolicy: { acceptNew: true },
    transcriptDir: join(dir, 'transcripts'),
    signal: AbortSignal.timeout(20_000),
  });
  return o.session;
}

describe.each(['ssh', 'console'] as const)('hotpair probe against the lab over %s', (via) => {
  it('flags exactly the lines of the changed keyword on both devices, with what the devices offer', async () => {
    const before = [config(0), config(1)];
    const sessions = { a: await open('a', via), b: await open('b', via) };
    const journal = memoryJournal();
    try {
      const signal = AbortSignal.timeout(120_000);
      const running = { a: await readRunning(sessions.a, signal), b: await readRunning(sessions.b, signal) };
      const plans = { a: planDevice(pair, comware7, 'a', running.a), b: planDevice(pair, comware7, 'b', running.b) };
      const r = await probePair({ pair, pack: comware7, plans, sessions, signal, journal });
      const bad = unconfirmed(r).map((u) => ({ device: u.device, line: u.verdict.line, status: u.verdict.status, position: u.verdict.position, offered: u.verdict.offered }));
      const interval = `keepalive interval ${pair.controlChannel.keepalive.intervalSeconds}`;
      expect(bad).toEqual([
        { device: 'a', line: interval, status: 'unknown', position: 2, offered: ['count', 'period'] },
        { device: 'b', line: interval, status: 'unknown', position: 2, offered: ['count', 'period'] },
      ]);
      for (const k of ['a', 'b'] as const) expect(r[k].lines.filter((l) => l.status === 'confirmed').length).toBe(r[k].lines.length - 1);
      // a view created to reach its lines was removed again: nothing is left for a recovery
      expect(summarizeJournal(journal.text()).applied).toEqual({ a: [], b: [] });
    } finally {
      await Promise.all([sessions.a.close(), sessions.b.close()]);
    }
    expect([config(0), config(1)]).toEqual(before);
  }, 180_000);
});
