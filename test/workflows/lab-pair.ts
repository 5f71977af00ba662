/**
 * A lab pair for workflow tests: its own state dir and loopback network, SSH on free ports,
 * keepalive 1 s × 3, sessions opened the way the CLI opens them (real SSH, host keys checked).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnownHostsStore } from '../../src/core/known-hosts';
import { loadPairText } from '../../src/core/model/load';
import type { DeviceKey, Pair, PairInput } from '../../src/core/model/pair';
import type { SessionFactory } from '../../src/core/provision/types';
import { openSession } from '../../src/core/session/node/open';
import { sha256 } from '../../src/core/transport/node/known-hosts-file';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../src/lab/lab';
import { CliSession } from '../../src/lab/cli/engine';

export interface LabPair {
  lab: Lab;
  dir: string;
  port: Record<DeviceKey, number>;
  open: SessionFactory;
  /** What `display current-configuration` prints now, read in-process (independent of the tool's sessions). */
  config(k: DeviceKey): string;
  stop(): Promise<void>;
}

export function examplePair(name: string, edit?: (p: PairInput) => void): Pair {
  const text = readFileSync(join(import.meta.dirname, '../../resources/examples', `${name}.yaml`), 'utf8');
  const first = loadPairText(text, name);
  if (!first.ok) throw new Error(`${name}: ${first.errors.map((e) => e.message).join('; ')}`);
  if (!edit) return first.pair;
  const input = structuredClone(first.pair) as unknown as PairInput;
  edit(input);
  const again = loadPairText(JSON.stringify(input), name);
  if (!again.ok) throw new Error(`${name} (edited): ${again.errors.map((e) => e.message).join('; ')}`);
  return again.pair;
}

/** Keepalive 1 s × 3 so channel loss is seen in 3 s (the lab runs the file's timing). */
export const fast = (p: PairInput) => void (p.controlChannel = { ...p.controlChannel, keepalive: { intervalSeconds: 1, count: 3 } });

/**
 * `net` picks the lab's 127.10.<net>.0/24 loopback network; this suite uses 64–79. Other suites and
 * the benchmarks run labs on 0, 40–63, 83, 100–219 (bench: 100/120 + 100 pairs) and 230–244, and a
 * shared network means a shared RBM port: the channel would connect to someone else's device.
 */
export async function startLabPair(net: number, pair?: Pair): Promise<LabPair> {
  const dir = mkdtempSync(join(tmpdir(), 'hotpair-wf-'));
  const lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, console: false, stateFile: false, pairIndexBase: net, keepalive: { intervalMs: 1000, count: 3 }, ...(pair ? { pair } : {}) });
  const port = { a: lab.members[0]!.ssh.port, b: lab.members[1]!.ssh.port };
  let known = '';
  const knownHosts = new KnownHostsStore({ location: 'memory', read: async () => known, write: async (t) => void (known = t) }, sha256);
  const open: SessionFactory = async (k, signal) =>
    (
      await openSession({
        target: { kind: 'ssh', host: '127.0.0.1', port: port[k], username: LAB_USERNAME },
        credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
        knownHosts,
        hostKeyPolicy: { acceptNew: true },
        transcriptDir: join(dir, 'transcripts'),
        signal,
      })
    ).session;
  return {
    lab,
    dir,
    port,
    open,
    config: (k) => (new CliSession(lab.members[k === 'a' ? 0 : 1]!.device).execute('display current-configuration').lines ?? []).join('\n'),
    async stop() {
      await lab.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function memoryJournal() {
  const records: import('../../src/core/provision/journal').JournalRecord[] = [];
  return { records, append: (r: (typeof records)[number]) => void records.push(r), text: () => records.map((r) => JSON.stringify(r)).join('\n') };
}
