/**
 * A host with the real lab adapter (as `hotpair serve` injects it) on a private loopback network,
 * its own data dir (known_hosts, transcripts, journals), and every event it emits recorded.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLabAdapter, type LabAdapterOptions } from '../../src/host/lab-adapter';
import type { HostEvent } from '../../src/contract/index';
import { createHost, type Host } from '../../src/host/index';
import { LAB_PASSWORD } from '../../src/lab/lab';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface LabHost {
  host: Host;
  dir: string;
  events: HostEvent[];
  /** The lab pair file with the lab's real SSH ports. */
  pairText: string;
  port: { a: number; b: number };
  /** The lab's serial consoles (PTYs, when socat is installed). */
  serial: { a?: string; b?: string };
  call<T = Record<string, unknown>>(channel: string, input: unknown): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string; fix?: string; details?: Record<string, unknown> } }>;
  /** Connect a device, confirming the fingerprint the host reports on first contact (the wizard's dialog). */
  connect(device: 'a' | 'b'): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export const PASSWORD = LAB_PASSWORD;

/** `labOptions`: more lab options, e.g. the dialect its devices speak. */
export async function startLabHost(net: number, labOptions: Pick<LabAdapterOptions, 'pack'> = {}): Promise<LabHost> {
  const dir = mkdtempSync(join(tmpdir(), 'hp-wizard-host-'));
  const events: HostEvent[] = [];
  const host = createHost({
    version: '0.0.0-test',
    mode: 'browser',
    examplesDir: join(root, 'resources', 'examples'),
    dataDir: join(dir, 'data'),
    lab: createLabAdapter({ stateDir: join(dir, 'lab'), sshPortBase: 0, pairIndexBase: net, ...labOptions }),
  });
  host.onEvent((e) => events.push(e));
  const call = ((channel: string, input: unknown) => host.invoke(channel, input)) as LabHost['call'];
  const lab = await call<{ state: string; pairText: string; devices: { key: 'a' | 'b'; ssh: { port: number }; serialPath?: string }[] }>('lab.start', {});
  if (!lab.ok) throw new Error(`lab.start: ${lab.error.message}`);
  const port = { a: lab.data.devices[0]!.ssh.port, b: lab.data.devices[1]!.ssh.port };
  const url = (k: 'a' | 'b') => `ssh://admin@127.0.0.1:${port[k]}`;
  return {
    host,
    dir,
    events,
    pairText: lab.data.pairText,
    port,
    serial: { a: lab.data.devices[0]!.serialPath, b: lab.data.devices[1]!.serialPath },
    call,
    async connect(device) {
      const first = await call('devices.connect', { device, url: url(device), password: PASSWORD });
      if (first.ok) return first.data;
      if (first.error.code !== 'HOST_KEY_UNKNOWN') throw new Error(`${first.error.code}: ${first.error.message}`);
      const again = await call('devices.connect', { device, url: url(device), password: PASSWORD, acceptHostKey: first.error.details?.fingerprint });
      if (!again.ok) throw new Error(`${again.error.code}: ${again.error.message}`);
      return again.data;
    },
    async close() {
      await host.dispose();
    },
  };
}
