import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { comware7 } from '../../src/core/platforms/comware7';
import { portIdentity, waitForCableMove } from '../../src/core/provision/one-cable/node/replug';
import type { OneCableEvent } from '../../src/core/provision/one-cable/types';
import { runOneCable } from '../../src/core/provision/one-cable/workflow';
import { examplePair, fast, memoryJournal } from './lab-pair';
import { startCableLab, type CableLab } from './one-cable-lab';

describe('one cable whose USB adapter stays plugged in: only the RJ45 end moves', () => {
  let lab: CableLab | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('nobody confirms: the device on the unchanged port is tried and refused while it is A; the engineer’s word after the move: B answers', async () => {
    lab = await startCableLab(221);
    const l = lab;
    // The adapter's device node: it never goes away nor changes, whatever its far end is plugged into.
    dir = mkdtempSync(join(tmpdir(), 'hotpair-1c-adapter-'));
    const adapter = join(dir, 'ttyUSB0');
    writeFileSync(adapter, '');
    const node = await portIdentity(adapter);
    let asked = 0;
    const events: OneCableEvent[] = [];
    const journal = memoryJournal();
    const r = await runOneCable({
      pair: examplePair('lab', fast),
      pack: comware7,
      open: l.open,
      // First time the engineer is slow: the presumption runs out with the cable still on A. Second
      // time they move the RJ45 end and press Enter.
      waitForCable: (_to, signal) => (asked++ === 0 ? waitForCableMove(adapter, node, { signal, pollMs: 50, presumeAfterMs: 400 }) : waitForCableMove(adapter, node, { signal, pollMs: 50, confirm: () => l.lab.cable('b', 100).then(() => undefined) })),
      journal,
      emit: (e) => events.push(e),
      timeouts: { verifyMs: 20_000, cableMs: 20_000, cablePresumeMs: 400 },
      meta: { runId: 'one-cable-adapter', target: `serial://${l.port}?baud=9600`, tool: 'test' },
    });
    expect(r.error).toBeUndefined();
    expect(r.outcome).toBe('success');
    const steps = events.flatMap((e) => (e.kind === 'step' ? [e.step] : []));
    expect(steps).toEqual(['on-a', 'on-b', 'move-cable', 'wrong-device', 'move-cable', 'done']);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'message', level: 'warn', text: expect.stringMatching(/the port never went away in 0.4 s: trying the device on it; its identity decides whether it is B/) }));
    // The plan named the presumption before anything was pushed.
    expect(events).toContainEqual(expect.objectContaining({ kind: 'message', text: expect.stringMatching(/a port that stays put 0.4 s \(only the far end moved\) is tried anyway/) }));
    expect(journal.records.flatMap((x) => (x.type === 'cable' ? [`${x.phase}:${x.to}`] : []))).toEqual(['wait:b', 'presumed:b', 'wait:b', 'confirmed:b']);
    expect(journal.records.flatMap((x) => (x.type === 'answered' ? [`${x.expected}:${x.device ?? '?'}`] : []))).toEqual(['a:a', 'b:a', 'b:b']);
    expect(l.lab.engine('b').runningStatus()).toBe('Standby');
    expect(l.lab.member('b').device.saved.rbm?.role).toBe('secondary');
  }, 120_000);
});
