/** Starts the lab (src/lab) for a test file: two devices, SSH on free ports, PTY consoles. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../../src/lab/lab';

export interface LabEnv {
  lab: Lab;
  dir: string;
  ssh: { host: string; port: number };
  console: string;
  username: string;
  password: string;
  sysname: string;
  stop(): Promise<void>;
}

/** `net` keeps parallel test files on different 127.10.<n>.0/24 loopback networks. */
export async function startLabEnv(net: number, o: { baud?: number; console?: boolean } = {}): Promise<LabEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'hotpair-transport-lab-'));
  const lab = await startLab({ stateDir: dir, sshPortBase: 0, pairIndexBase: net, stateFile: false, ...(o.baud ? { baud: o.baud } : {}), ...(o.console === false ? { console: false } : {}) });
  const a = lab.describe().devices[0]!;
  return {
    lab,
    dir,
    ssh: { host: a.ssh.host, port: a.ssh.port },
    console: a.serial ?? '',
    username: LAB_USERNAME,
    password: LAB_PASSWORD,
    sysname: a.sysname,
    async stop() {
      await lab.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
