import { describe, expect, it } from 'vitest';
import { loadPairText } from '../../../src/core/model/load';
import type { Pair } from '../../../src/core/model/pair';
import { comware7 } from '../../../src/core/platforms/comware7';
import { configDifferences } from '../../../src/core/provision/config-text';
import { summarizeJournal } from '../../../src/core/provision/journal';
import { isEmptyPlan, planDevice } from '../../../src/core/provision/plan';
import { pushSteps, readRunning, typeUndo } from '../../../src/core/provision/push';
import { recover } from '../../../src/core/provision/rollback';
import { LabDevice } from '../../../src/lab/device/index';
import { EXAMPLES } from '../render/examples';
import { InProcessSession } from './in-process-session';

const signal = new AbortController().signal;
const noop = () => undefined;

/** A device that already runs other values: RBM settings, descriptions, an address, a track and a VRRP group. */
function busyDevice(sysname: string, vrrp = true): LabDevice {
  const d = new LabDevice({ key: sysname, sysname });
  const s = new InProcessSession(d);
  for (const line of [
    'system-view',
    'interface GigabitEthernet1/0/1',
    'description old text',
    'ip address 10.77.1.1 255.255.255.0',
    ...(vrrp ? ['vrrp vrid 1 virtual-ip 10.77.1.254 standby'] : []),
    'quit',
    'interface GigabitEthernet1/0/2',
    'ip address 10.77.2.1 255.255.255.0',
    'quit',
    'track 1 interface GigabitEthernet1/0/5',
    'quit',
    'remote-backup group',
    'device-role secondary',
    'keepalive count 7',
    'delay-time 30',
    'configuration auto-sync enable',
    'undo hot-backup enable',
    'quit',
    'info-center loghost 192.0.2.99 port 514',
    'return',
  ])
    if (s.cli.execute(line).failed) throw new Error(`setup refused: ${line}`);
  return d;
}

async function applyAll(pair: Pair, k: 'a' | 'b', d: LabDevice) {
  const s = new InProcessSession(d);
  const before = await readRunning(s, signal);
  const plan = planDevice(pair, comware7, k, before);
  const records: string[] = [];
  const ctx = { journal: { append: (r: unknown) => void records.push(JSON.stringify(r)) }, emit: noop, signal, stopped: () => undefined, applied: [] as typeof plan.steps, uncertain: [] as typeof plan.steps };
  for (const st of ['prepare', 'channel', 'sync', 'local'] as const) await pushSteps(s, plan.steps.filter((x) => x.stage === st), st, ctx);
  return { s, before, plan, ctx, records };
}

describe('plan steps and their undo against a device that already runs other values', () => {
  for (const [name, pair] of Object.entries(EXAMPLES)) {
    it(`${name}: applied → plans nothing more; the undo of the applied steps, newest first, restores the configuration text`, async () => {
      for (const k of ['a', 'b'] as const) {
        // Mirroring refuses to start on a device with VRRP (preflight stops that case before a push).
        const d = busyDevice(pair.devices[k].sysname, pair.mode !== 'mirroring');
        const { s, before, ctx } = await applyAll(pair, k, d);
        expect(isEmptyPlan(planDevice(pair, comware7, k, await readRunning(s, signal)))).toBe(true);
        const r = await typeUndo(s, ctx.applied.map((x) => x.undo).reverse(), signal);
        expect(r.errors).toEqual([]);
        expect(configDifferences(before, await readRunning(s, signal))).toEqual([]);
      }
    });
  }

  it('a replaced setting is undone by typing the old value, not by its template undo', () => {
    const text = loadPairText(`name: t\nmode: active-standby\ndevices:\n  a: { sysname: A, role: primary, connect: "ssh://x", controlChannel: { localIp: 10.2.1.1 }, dataChannel: { interface: GigabitEthernet1/0/3, address: 10.2.1.1/24 }, interfaces: [{ name: GigabitEthernet1/0/1, description: new text }] }\n  b: { sysname: B, role: secondary, connect: "ssh://y", controlChannel: { localIp: 10.2.1.2 }, dataChannel: { interface: GigabitEthernet1/0/3, address: 10.2.1.2/24 } }\n`);
    if (!text.ok) throw new Error('pair');
    const plan = planDevice(text.pair, comware7, 'a', '#\ninterface GigabitEthernet1/0/1\n description old text\n#\ntrack 3 interface GigabitEthernet1/0/4\n#\nremote-backup group\n keepalive count 7\n track 3\n undo hot-backup enable\n#\nreturn\n');
    const undo = (line: string) => plan.steps.find((x) => x.line === line)?.undo;
    expect(undo('description new text')).toEqual(['interface GigabitEthernet1/0/1', 'description old text', 'quit']);
    expect(undo('keepalive count 10')).toEqual(['remote-backup group', 'keepalive count 7', 'quit']);
    expect(undo('hot-backup enable')).toEqual(['remote-backup group', 'undo hot-backup enable', 'quit']);
    // A setting the file does not want in the RBM view is removed first, and restored by typing it back.
    expect(plan.plan.remove).toEqual(['remote-backup group', 'undo track 3', 'quit']);
    expect(undo('undo track 3')).toEqual(['remote-backup group', 'track 3', 'quit']);
    // A new setting is undone by its template's undo form; navigation has nothing to undo.
    expect(undo('local-ip 10.2.1.1')).toEqual(['remote-backup group', 'undo local-ip', 'quit']);
    expect(plan.steps.filter((x) => x.line === 'quit').every((x) => x.undo.length === 0)).toBe(true);
  });
});

describe('recover', () => {
  it('finishes a push killed after line N: applied and in-flight lines undone, run-end recovered', async () => {
    const pair = EXAMPLES['as-vrrp'] as Pair;
    const devices = { a: busyDevice('FW-A'), b: busyDevice('FW-B') };
    const lines: string[] = [];
    const journal = { append: (r: unknown) => void lines.push(JSON.stringify(r)) };
    const before = { a: '', b: '' };
    for (const k of ['a', 'b'] as const) {
      const s = new InProcessSession(devices[k]);
      before[k] = await readRunning(s, signal);
      const plan = planDevice(pair, comware7, k, before[k]);
      journal.append({ type: 'pre-config', device: k, text: before[k] });
      // The "kill": the session drops right after the device ran line 6, before its `done` was written.
      const cut = plan.steps.filter((x) => x.stage !== 'prepare')[6]?.line as string;
      s.hangUp = { line: cut, when: 'after' };
      const ctx = { journal, emit: noop, signal, stopped: () => undefined, applied: [] as typeof plan.steps, uncertain: [] as typeof plan.steps };
      await expect(pushSteps(s, plan.steps, 'channel', ctx)).rejects.toThrow(/connection was lost/);
    }
    // A crash leaves no `failed` record: drop them, as SIGKILL would have.
    const text = lines.filter((l) => !l.includes('"phase":"failed"')).join('\n');
    const summary = summarizeJournal(text);
    expect(summary.interrupted).toBe(true);
    expect(summary.inFlight.map((f) => f.device)).toEqual(['a', 'b']);
    const out: string[] = [];
    const r = await recover(summary, { open: async (k) => new InProcessSession(devices[k]), journal: { append: (x) => void out.push(JSON.stringify(x)) }, emit: noop, timeoutMs: 10_000 });
    expect(r.rollback.a.differences).toEqual([]);
    expect(r.rollback.b.differences).toEqual([]);
    expect(r.outcome).toBe('recovered');
    expect(summarizeJournal([text, ...out].join('\n')).outcome).toBe('recovered');
  });
});
