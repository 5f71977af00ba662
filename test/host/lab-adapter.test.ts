import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLabAdapter } from '../../src/host/lab-adapter';

// The real adapter over src/lab, as `hotpair serve` and Electron main inject it into the host.
describe('lab adapter', () => {
  it('starts the lab pair, reports how to reach it, and stops it', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'hp-lab-adapter-'));
    const lab = createLabAdapter({ stateDir, sshPortBase: 0, pairIndexBase: 232 });
    const steps: string[] = [];
    const r = await lab.start({ signal: new AbortController().signal, progress: (s) => steps.push(s) });
    try {
      expect(r.devices.map((d) => d.sysname)).toEqual(['FW1', 'FW2']);
      expect(r.devices[0]!.ssh).toMatchObject({ host: '127.0.0.1', username: 'admin' });
      expect(JSON.stringify(r.devices)).not.toMatch(/password/i); // credentials stay in the host
      expect(r.pairText).toContain(`127.0.0.1:${r.devices[1]!.ssh!.port}`);
      expect(steps).toContain('starting devices A and B');
      expect(existsSync(join(stateDir, 'lab.json'))).toBe(true);
    } finally {
      await lab.stop();
    }
    expect(existsSync(join(stateDir, 'lab.json'))).toBe(false);
  });

  it('answers a cancel at once and never leaves a lab running behind it', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'hp-lab-adapter-'));
    const lab = createLabAdapter({ stateDir, sshPortBase: 0, pairIndexBase: 233 });
    const ctrl = new AbortController();
    const started = lab.start({ signal: ctrl.signal, progress: (s) => s === 'starting devices A and B' && ctrl.abort() });
    await expect(started).rejects.toMatchObject({ code: 'CANCELLED' });
    // The lab that was coming up is stopped as soon as it is up: its state file disappears.
    // (It comes up in well under a second here; give it three.)
    await new Promise((r) => setTimeout(r, 3000));
    expect(existsSync(join(stateDir, 'lab.json'))).toBe(false);
  });
});
