/**
 * The lab pair in its own process (`hotpair lab --json`), for benchmarks that compare a client
 * with a peer tool: the peer runs in another process while the lab answers, so HotPair's client
 * must not share its event loop with the lab either.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** The lab comes up in about a second; far above that, something is wrong. */
const LAB_START_TIMEOUT_MS = 30_000;
const LAB_STOP_TIMEOUT_MS = 15_000;

export interface LabProcess {
  devices: { key: string; ssh: { host: string; port: number; username: string; password: string } }[];
  stop(): Promise<void>;
}

export function startLabProcess(stateDir: string): Promise<LabProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), 'lab', '--json', '--no-console', '--state-dir', stateDir, '--ssh-port-base', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), LAB_STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the lab did not start within ${LAB_START_TIMEOUT_MS} ms: ${err.slice(-300)}`));
    }, LAB_START_TIMEOUT_MS);
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      resolve({ devices: (JSON.parse(out.slice(0, nl)) as { devices: LabProcess['devices'] }).devices, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the lab exited (${code}) before it was up: ${err.slice(-300)}`));
    });
  });
}
