import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab/lab';

const run = promisify(execFile);
/** Netmiko's default timing sleeps and waits for quiet (~30 s for this script); a loaded CI box gets ample slack. */
const NETMIKO_TIMEOUT_MS = 90_000;
const SCRIPT = join(import.meta.dirname, 'netmiko_hp_comware.py');

let lab: Lab | undefined;
let dir: string | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('interop: Netmiko hp_comware (Debian python3-netmiko, unmodified)', () => {
  it('logs in over SSH, runs display version, pushes a config set and saves', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotpair-netmiko-'));
    lab = await startLab({ stateDir: dir, sshPortBase: 0, console: false, pairIndexBase: 61 });
    const a = lab.describe().devices[0]!;
    const r = await run('/usr/bin/python3', [SCRIPT, a.ssh.host, String(a.ssh.port), a.ssh.username, a.ssh.password], { timeout: NETMIKO_TIMEOUT_MS });
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string>;
    expect(out.prompt).toBe('<FW1>');
    expect(out.version).toMatch(/H3C Comware Software, Version 7\.1\.064/);
    expect(out.config).not.toMatch(/% (Unrecognized|Incomplete|Wrong|Ambiguous|Too many)/);
    expect(out.save).toMatch(/successfully/);
    const dev = lab.devices.a!;
    const ge4 = dev.interfaces().find((i) => i.name === 'GigabitEthernet1/0/4');
    expect(ge4).toMatchObject({ description: 'set-by-netmiko', address: '10.1.4.1/24' });
    expect(dev.loghosts()).toContainEqual({ ip: '10.99.0.9', port: 5514 });
    expect(dev.savedConfig().join('\n')).toMatch(/description set-by-netmiko/);
  }, NETMIKO_TIMEOUT_MS + 10_000);
});
