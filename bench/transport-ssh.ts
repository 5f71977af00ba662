/**
 * Issue 4: the same 150-line configuration plus save over SSH to the lab — HotPair's session
 * against Netmiko's send_config_set + save_config (Debian python3-netmiko), same lab, same run.
 * Goal: HotPair ≤ 0.33 × Netmiko (the row's bound is that goal, so ratio ≤ 1 meets it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTranscriptSink, TranscriptRecorder } from '../src/core/channel/transcript';
import { KnownHostsStore } from '../src/core/known-hosts';
import { comware7 } from '../src/core/platforms/comware7';
import { DeviceSession } from '../src/core/session/session';
import { fileStorage, sha256 } from '../src/core/transport/node/known-hosts-file';
import { SshTransport } from '../src/core/transport/node/ssh';
import { LAB_PASSWORD, LAB_USERNAME, startLab } from '../src/lab/lab';
import { benchConfig } from './_transport-common';

const GOAL = 0.33;
const PYTHON = '/usr/bin/python3';

async function hotpair(host: string, port: number, dir: string, lines: string[]): Promise<number> {
  const session = await DeviceSession.connect({
    pack: comware7,
    transport: new SshTransport({
      host,
      port,
      username: LAB_USERNAME,
      password: LAB_PASSWORD,
      knownHosts: new KnownHostsStore(fileStorage(join(dir, 'known_hosts')), sha256),
      hostKeyPolicy: { acceptNew: true },
    }),
    transcript: new TranscriptRecorder(new MemoryTranscriptSink()),
    credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
    loginMode: 'shell',
  });
  const t0 = performance.now();
  await session.sendConfig(lines);
  await session.save();
  const s = (performance.now() - t0) / 1000;
  await session.close();
  return s;
}

/** Async on purpose: the lab's SSH server runs in this process and must keep answering. */
function netmiko(host: string, port: number, lines: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [join(import.meta.dirname, '_netmiko-push.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.on('error', (e) => reject(new Error(`cannot run ${PYTHON}: ${e.message}`)));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`netmiko failed: ${err.slice(-500)}`));
      resolve((JSON.parse(out) as { seconds: number }).seconds);
    });
    child.stdin.end(JSON.stringify({ host, port, username: LAB_USERNAME, password: LAB_PASSWORD, lines }));
  });
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'hp-bench-ssh-'));
  const lab = await startLab({ stateDir: dir, sshPortBase: 0, pairIndexBase: 121, stateFile: false, console: false });
  try {
    const { host, port } = lab.describe().devices[0]!.ssh;
    const lines = benchConfig();
    const ref = await netmiko(host, port, lines);
    const ours = await hotpair(host, port, dir, lines);
    return [
      {
        name: `ssh: 150-line push + save, HotPair vs Netmiko send_config_set + save_config (Netmiko ${ref.toFixed(2)} s; bound = ${GOAL} × Netmiko; HotPair/Netmiko ${(ours / ref).toFixed(3)})`,
        measured: ours,
        bound: GOAL * ref,
        unit: 's',
      },
    ];
  } finally {
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
