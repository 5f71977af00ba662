/**
 * A lab pair reached through one console cable (`hotpair lab --one-cable`), and an engineer who
 * moves it when the run asks: the run's own `waitForCable` watches the port's name, as the CLI does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceKey } from '../../src/core/model/pair';
import { portIdentity, waitForReplug } from '../../src/core/provision/one-cable/node/replug';
import type { Session } from '../../src/core/provision/types';
import { openSession } from '../../src/core/session/node/open';
import { CliSession } from '../../src/lab/cli/engine';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../src/lab/lab';
import { cablePath, type CableEnd } from '../../src/lab/one-cable';

export interface CableLab {
  lab: Lab;
  port: string;
  open(signal: AbortSignal): Promise<Session>;
  waitForCable(to: DeviceKey, signal: AbortSignal): Promise<void>;
  config(k: DeviceKey): string;
  stop(): Promise<void>;
}

/** `net`: this suite's 127.10.<net>.0/24 network (220–224 and 254–255; fake RBM pairs use 200–249). */
export async function startCableLab(net: number, at: CableEnd = 'a'): Promise<CableLab> {
  const dir = mkdtempSync(join(tmpdir(), 'hotpair-1c-'));
  const lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, stateFile: false, pairIndexBase: net, keepalive: { intervalMs: 1000, count: 3 }, oneCable: at });
  const port = cablePath(join(dir, 'lab'));
  let since: string | undefined;
  return {
    lab,
    port,
    async open(signal) {
      const o = await openSession({ target: { kind: 'serial', path: port, baud: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' }, credentials: { username: LAB_USERNAME, password: LAB_PASSWORD }, transcriptDir: join(dir, 'transcripts'), signal });
      since = await portIdentity(port);
      return o.session;
    },
    waitForCable: (_to, signal) => waitForReplug(port, since, { signal, pollMs: 100 }),
    config: (k) => (new CliSession(lab.member(k).device).execute('display current-configuration').lines ?? []).join('\n'),
    async stop() {
      await lab.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
