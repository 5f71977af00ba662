import { existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { portIdentity, waitForReplug } from '../../src/core/provision/one-cable/node/replug';
import { openSession } from '../../src/core/session/node/open';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../src/lab/lab';
import { cablePath, moveRunningLabCable, readCable } from '../../src/lab/one-cable';

let lab: Lab | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hotpair-cable-'));
  dirs.push(d);
  return d;
}

/** Logs in over the one console port and reads the sysname the prompt shows. */
async function whoIsThere(path: string): Promise<string | undefined> {
  const o = await openSession({ target: { kind: 'serial', path, baud: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' }, credentials: { username: LAB_USERNAME, password: LAB_PASSWORD }, transcriptDir: join(dirs[0] as string, 'transcripts') });
  try {
    return o.session.prompt.hostname;
  } finally {
    await o.session.close();
  }
}

describe('one console cable (hotpair lab --one-cable)', () => {
  it('one port reaches A, then nothing, then B; a watcher of the name sees it go away and come back', async () => {
    const dir = tempDir();
    lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, pairIndexBase: 251, oneCable: 'a' });
    const port = cablePath(join(dir, 'lab'));
    expect(lab.describe().oneCable).toEqual({ path: port });
    expect(await whoIsThere(port)).toBe('FW1');

    const onA = await portIdentity(port);
    const seen: string[] = [];
    const ctrl = new AbortController();
    const waiting = waitForReplug(port, onA, { signal: ctrl.signal, onGone: () => seen.push('gone'), pollMs: 50 }).then(() => seen.push('back'));
    expect(await lab.cable('none')).toMatch(/unplugged from device A/);
    expect(existsSync(port)).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual(['gone']);
    expect(await lab.cable('b', 100)).toMatch(/to device B/);
    await waiting;
    expect(seen).toEqual(['gone', 'back']);
    expect(await whoIsThere(port)).toBe('FW2');

    // Back to A: the console there is where the last login left it, and answers again.
    await lab.cable('a', 100);
    expect(await whoIsThere(port)).toBe('FW1');
    expect(readCable(join(dir, 'lab'))?.at).toBe('a');
  }, 30_000);

  it('`hotpair lab cable` moves the cable of a running lab through its state dir; the port goes with the lab', async () => {
    const dir = tempDir();
    const stateDir = join(dir, 'lab');
    lab = await startLab({ stateDir, sshPortBase: 0, pairIndexBase: 252, oneCable: 'none' });
    const port = cablePath(stateDir);
    expect(existsSync(port)).toBe(false);
    expect(await moveRunningLabCable(stateDir, 'b', 0)).toMatch(/to device B/);
    expect(readlinkSync(port)).toBe(readCable(stateDir)?.ends.b);
    await expect(moveRunningLabCable(stateDir, 'c')).rejects.toThrow(/a, b or none/);
    await lab.stop();
    lab = undefined;
    expect(existsSync(port)).toBe(false);
    await expect(moveRunningLabCable(stateDir, 'a')).rejects.toThrow(/no running lab/);
  }, 30_000);

  it('a lab without --one-cable has no cable to move', async () => {
    const dir = tempDir();
    lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, console: false, pairIndexBase: 253 });
    await expect(moveRunningLabCable(join(dir, 'lab'), 'a')).rejects.toThrow(/not started with --one-cable/);
    await expect(startLab({ stateDir: join(dir, 'lab2'), sshPortBase: 0, console: false, stateFile: false, pairIndexBase: 253, oneCable: 'a' })).rejects.toThrow(/needs the consoles/);
  }, 30_000);
});
