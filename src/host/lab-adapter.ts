import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { abortError, throwIfAborted } from '../core/base/abort';
import { appRoot } from './app-root';
import type { PlatformPack } from '../core/platforms/pack';
import type { LabAdapter } from './types';

/**
 * The one place the tool loads the lab simulator (the eslint zones allow src/lab here and nowhere
 * else in the host): `hotpair serve`, browser mode and Electron main all inject this adapter. The
 * lab code is imported on the first start, so a run that never uses it does not pay for it.
 */
export interface LabAdapterOptions {
  stateDir?: string;
  examplesDir?: string;
  /** Tests: 0 = any free SSH ports, and a loopback network (127.10.<n>.x) no other lab uses. */
  sshPortBase?: number;
  pairIndexBase?: number;
  /** Tests: the dialect the lab devices speak, to see the tool's lines judged by another release. */
  pack?: PlatformPack;
}

/** The SSH ports resources/examples/lab.yaml names for devices A and B. */
const LAB_PAIR_FILE_PORTS = { a: 2201, b: 2202 } as const;

export function createLabAdapter(opts: LabAdapterOptions = {}): LabAdapter {
  let running: { stop(): Promise<void> } | undefined;
  // Host-side only (the monitor logs in with it); lab.status never carries the password.
  let access: ReturnType<NonNullable<LabAdapter['access']>>;
  return {
    access: () => access,
    async start({ baud, oneCable, signal, progress }) {
      progress('loading the lab simulator');
      const [{ startLab }, { describeLab }] = await Promise.all([import('../lab/lab'), import('../lab/lab-description')]);
      throwIfAborted(signal);
      progress('starting devices A and B');
      const defaults = [LAB_PAIR_FILE_PORTS.a, LAB_PAIR_FILE_PORTS.b];
      const starting = startLab({
        // The lab resolves its own folder, as `hotpair lab` does: one host key per device, whichever starts it.
        ...(opts.stateDir ? { stateDir: opts.stateDir } : {}),
        // The lab pair file names 127.0.0.1:2201/2202; any free ports when those are taken.
        sshPortBase: opts.sshPortBase ?? ((await portsFree(defaults)) ? LAB_PAIR_FILE_PORTS.a : 0),
        ...(opts.pairIndexBase !== undefined ? { pairIndexBase: opts.pairIndexBase } : {}),
        ...(opts.pack ? { pack: opts.pack } : {}),
        console: onPath('socat'), // serial consoles on PTYs need socat
        ...(baud ? { baud } : {}),
        ...(oneCable ? { oneCable: 'a' as const } : {}),
      });
      // Cancel answers at once; a lab that still comes up afterwards is stopped, never left running.
      const aborted = new Promise<never>((_, reject) => {
        if (signal.aborted) reject(abortError(signal));
        else signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
      });
      void aborted.catch(() => starting.then((l) => l.stop(), () => {}));
      const lab = await Promise.race([starting, aborted]);
      running = lab;
      const description = describeLab(lab);
      const described = description.devices;
      const cablePath = description.oneCable?.path;
      const devices = described.map((d) => ({
        key: d.key === 'b' ? ('b' as const) : ('a' as const),
        sysname: d.sysname,
        ssh: { host: d.ssh.host, port: d.ssh.port, username: d.ssh.username },
        ...(d.serial ? { serialPath: d.serial } : {}),
      }));
      const pairText = labPairText(opts.examplesDir ?? join(appRoot(), 'resources', 'examples'), devices);
      const login = described[0]?.ssh;
      const consoles = [...devices.flatMap((d) => (d.serialPath ? [d.serialPath] : [])), ...(cablePath ? [cablePath] : [])];
      access = pairText && login ? { pairText, username: login.username, password: login.password, consoles } : undefined;
      return { devices, pairText, ...(cablePath ? { cablePath } : {}) };
    },
    async stop() {
      const lab = running;
      running = undefined;
      access = undefined;
      await lab?.stop();
    },
  };
}

/** resources/examples/lab.yaml with the SSH ports the lab actually got. */
function labPairText(examplesDir: string, devices: { key: 'a' | 'b'; ssh: { port: number } }[]): string | undefined {
  try {
    let text = readFileSync(join(examplesDir, 'lab.yaml'), 'utf8');
    // Every occurrence: the header comment names the default ports too, and a first-only replace hit it instead of `connect:`.
    for (const d of devices) text = text.replaceAll(`127.0.0.1:${LAB_PAIR_FILE_PORTS[d.key]}`, `127.0.0.1:${d.ssh.port}`);
    return text;
  } catch {
    return undefined;
  }
}

function portsFree(ports: number[]): Promise<boolean> {
  return Promise.all(
    ports.map(
      (port) =>
        new Promise<boolean>((resolve) => {
          const s = createServer();
          s.once('error', () => resolve(false));
          s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
        }),
    ),
  ).then((all) => all.every(Boolean));
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, cmd)));
}
