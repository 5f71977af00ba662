/**
 * One lab device, one SSH identity: `hotpair lab` and the app's "Start the lab pair" (the lab
 * adapter) resolve the same lab folder from the tool's state folder (HOTPAIR_STATE_DIR here), so a
 * client that trusted device A from one is not told its host key CHANGED when it meets the other.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ssh2';
import { afterAll, expect, it } from 'vitest';
import { createLabAdapter } from '../../../src/host/lab-adapter';

const ROOT = join(import.meta.dirname, '../../..');
/** tsx compiles the CLI on start: generous on a loaded 2-core machine. */
const CLI_START_MS = 30_000;

const dir = mkdtempSync(join(tmpdir(), 'hotpair-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The SHA-256 fingerprint of the host key an SSH server presents (the handshake is stopped there). */
function fingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = new Client();
    c.on('error', () => undefined);
    c.on('close', () => reject(new Error(`no host key from port ${port}`)));
    c.connect({
      host: '127.0.0.1',
      port,
      username: 'nobody',
      readyTimeout: 10_000,
      hostVerifier: (key: Buffer) => {
        resolve(createHash('sha256').update(key).digest('base64'));
        return false;
      },
    });
  });
}

/** `hotpair lab --json` as an engineer runs it; resolves with the SSH ports it printed and a stop function. */
async function cliLab(env: NodeJS.ProcessEnv): Promise<{ ports: number[]; stateDir: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), 'lab', '--json', '--no-console', '--ssh-port-base', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hotpair lab printed nothing in ${CLI_START_MS} ms: ${err}`)), CLI_START_MS);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.split('\n')[0]!);
      }
    });
    void exited.then(() => reject(new Error(`hotpair lab exited: ${err}`)));
  });
  const d = JSON.parse(line) as { stateDir: string; devices: { ssh: { port: number } }[] };
  return {
    ports: d.devices.map((x) => x.ssh.port),
    stateDir: d.stateDir,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

it('hotpair lab and the app lab adapter serve devices A and B with the same host keys', async () => {
  const stateHome = join(dir, 'state');
  const cli = await cliLab({ ...process.env, HOTPAIR_STATE_DIR: stateHome });
  let fromCli: string[];
  const saved = process.env.HOTPAIR_STATE_DIR;
  process.env.HOTPAIR_STATE_DIR = stateHome;
  try {
    expect(cli.stateDir).toBe(join(stateHome, 'lab'));
    fromCli = await Promise.all(cli.ports.map(fingerprint));
    // The same devices cannot be started twice: the second start says where the first one runs.
    const second = createLabAdapter({ sshPortBase: 0, pairIndexBase: 89 });
    await expect(second.start({ signal: new AbortController().signal, progress: () => undefined })).rejects.toThrow(/already running from .*lab/);
  } finally {
    await cli.stop();
  }
  try {
    const app = createLabAdapter({ sshPortBase: 0, pairIndexBase: 89 });
    const r = await app.start({ signal: new AbortController().signal, progress: () => undefined });
    try {
      const fromApp = await Promise.all(r.devices.map((d) => fingerprint(d.ssh!.port)));
      expect(fromApp).toHaveLength(2);
      expect(fromApp).toEqual(fromCli);
      expect(new Set(fromApp).size).toBe(2); // A and B are different devices
    } finally {
      await app.stop();
    }
  } finally {
    if (saved === undefined) delete process.env.HOTPAIR_STATE_DIR;
    else process.env.HOTPAIR_STATE_DIR = saved;
  }
}, 90_000);
