import { afterEach, describe, expect, it } from 'vitest';
import { comware7 } from '../../src/core/platforms/comware7';
import { summarizeJournal } from '../../src/core/provision/journal';
import { runPair } from '../../src/core/provision/workflow';
import { examplePair, fast, memoryJournal, startLabPair, type LabPair } from './lab-pair';

const meta = { runId: 'test', targets: { a: 'lab-a', b: 'lab-b' }, tool: 'test' };

describe('a failed push is rolled back on both devices', () => {
  let lab: LabPair | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
  });

  it('device B rejects a line: both running configurations afterwards equal the ones before, as text', async () => {
    // B gets an extra service port with a /32 address, which the appliance refuses on a physical port
    // ("Invalid mask"): a line that only B's script has, late in the local stage.
    const pair = examplePair('lab', (p) => {
      p.devices.a.interfaces = [...(p.devices.a.interfaces ?? []), { name: 'GigabitEthernet1/0/5', address: '10.9.9.1/24', description: 'spare' }];
      p.devices.b.interfaces = [...(p.devices.b.interfaces ?? []), { name: 'GigabitEthernet1/0/5', address: '10.9.9.2/32', description: 'spare' }];
    });
    lab = await startLabPair(65);
    const before = { a: lab.config('a'), b: lab.config('b') };
    const j = memoryJournal();
    const r = await runPair({ pair, pack: comware7, open: lab.open, journal: j, timeouts: { verifyMs: 15_000 }, meta });
    expect(r.outcome).toBe('rolled-back');
    expect(r.error).toMatchObject({ code: 'COMMAND_REJECTED' });
    expect(r.error?.message).toMatch(/device B, local line \d+\/\d+ "ip address 10\.9\.9\.2 255\.255\.255\.255"/);
    expect(r.rollback?.a.differences).toEqual([]);
    expect(r.rollback?.b.differences).toEqual([]);
    // Independent of the tool's own comparison: the devices' configuration text, byte for byte.
    expect(lab.config('a')).toBe(before.a);
    expect(lab.config('b')).toBe(before.b);
    const s = summarizeJournal(j.text());
    expect(s.outcome).toBe('rolled-back');
    expect(s.applied.a.length).toBeGreaterThan(9);
    expect(s.rolledBack).toEqual({ a: 'done', b: 'done' });
    const failed = j.records.find((x) => x.type === 'step' && x.phase === 'failed');
    expect(failed).toMatchObject({ device: 'b', stage: 'local', line: 'ip address 10.9.9.2 255.255.255.255' });
    // Nothing left pending: the commit-delay windows were closed after the complete rollback.
    expect(lab.lab.members[0]!.device.commitPending()).toBe(false);
    expect(lab.lab.members[1]!.device.commitPending()).toBe(false);
  }, 60_000);

  it('control channel cut during verify: verification fails naming the expectation, rollback performed', async () => {
    lab = await startLabPair(66);
    const l = lab;
    const before = { a: l.config('a'), b: l.config('b') };
    let injected = '';
    const r = await runPair({
      pair: examplePair('lab'),
      pack: comware7,
      open: l.open,
      journal: memoryJournal(),
      emit: (e) => {
        if (e.kind === 'stage' && e.stage === 'verify' && e.phase === 'begin') void l.lab.inject('a', 'cut-control-channel').then((m) => (injected = m));
      },
      timeouts: { verifyMs: 8_000, pollMs: 500 },
      meta,
    });
    expect(injected).toMatch(/cut/);
    expect(r.outcome).toBe('rolled-back');
    expect(r.error?.code).toBe('VERIFY_FAILED');
    expect(r.verifyFailures).toEqual(expect.arrayContaining([expect.objectContaining({ expectation: 'control channel', expected: 'Connected', seen: 'Disconnected' })]));
    expect(r.error?.message).toMatch(/control channel expected Connected, seen Disconnected/);
    expect(lab.config('a')).toBe(before.a);
    expect(lab.config('b')).toBe(before.b);
  }, 60_000);

  it('mirroring, a line refused in the synchronised stage: configuration backup rewrote the other device, the second pass restores it', async () => {
    // Same address on both (mirroring), a /32 the appliance refuses: the primary refuses it in stage 2,
    // after the synchronised addresses (and users) already overwrote the other device's.
    const extra = { name: 'GigabitEthernet1/0/5', address: '10.9.9.1/32' };
    const pair = examplePair('mirroring-track', (p) => {
      fast(p);
      for (const k of ['a', 'b'] as const) p.devices[k].interfaces = [...(p.devices[k].interfaces ?? []), extra];
    });
    const bare = examplePair('mirroring-track', (p) => {
      fast(p);
      for (const k of ['a', 'b'] as const) p.devices[k].interfaces = (p.devices[k].interfaces ?? []).map((i) => (i.name === 'GigabitEthernet1/0/0' ? i : { name: i.name }));
    });
    lab = await startLabPair(75, bare);
    const before = { a: lab.config('a'), b: lab.config('b') };
    const r = await runPair({ pair, pack: comware7, open: lab.open, timeouts: { verifyMs: 20_000, syncMs: 15_000 }, meta });
    expect(r.error?.message).toMatch(/sync line \d+\/\d+ "ip address 10\.9\.9\.1 255\.255\.255\.255"/);
    expect(r.outcome).toBe('rolled-back');
    expect(lab.config('a')).toBe(before.a);
    expect(lab.config('b')).toBe(before.b);
  }, 60_000);
});
