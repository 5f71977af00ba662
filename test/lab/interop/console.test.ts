import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab/lab';

/** Waiting for one console prompt; at 9600 baud the banner alone takes about half a second. */
const CONSOLE_EXPECT_TIMEOUT_MS = 8_000;

let lab: Lab | undefined;
let port: SerialPort | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (port?.isOpen) await new Promise<void>((r) => port!.close(() => r()));
  port = undefined;
  await lab?.stop();
  lab = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

class SerialClient {
  buffer = '';
  constructor(readonly port: SerialPort) {
    port.on('data', (b: Buffer) => (this.buffer += b.toString('utf8')));
  }
  async expect(re: RegExp, timeoutMs = CONSOLE_EXPECT_TIMEOUT_MS): Promise<void> {
    const t0 = Date.now();
    while (!re.test(this.buffer)) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`no ${re} within ${timeoutMs} ms on the console; got:\n${this.buffer.slice(-800)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  send(s: string): void {
    this.port.write(s);
  }
}

async function openConsole(path: string): Promise<SerialClient> {
  const p = new SerialPort({ path, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
  await new Promise<void>((resolve, reject) => p.open((e) => (e ? reject(e) : resolve())));
  port = p;
  return new SerialClient(p);
}

describe('interop: serialport client on the lab console PTY', () => {
  it('completes the console login (Press ENTER, login:, Password:) and runs a command, paced at 9600 baud', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotpair-console-'));
    lab = await startLab({ stateDir: dir, sshPortBase: 0, pairIndexBase: 62, baud: 9600 });
    const a = lab.describe().devices[0]!;
    expect(a.serial).toBe(join(dir, 'a.console'));
    const c = await openConsole(a.serial!);
    c.send('\r');
    await c.expect(/login:\s*$/);
    c.send(`${a.ssh.username}\r`);
    await c.expect(/Password:\s*$/);
    c.send(`${a.ssh.password}\r`);
    await c.expect(/<FW1>\s*$/);
    c.buffer = '';
    const t0 = Date.now();
    c.send('display version\r');
    await c.expect(/Version 7\.1\.064[\s\S]*<FW1>\s*$/);
    const took = Date.now() - t0;
    const bytes = Buffer.byteLength(c.buffer);
    expect(bytes).toBeGreaterThan(300); // enough line time for the bound to mean something
    // 9600 baud ≈ 960 bytes/s: the reply cannot arrive faster than the line (less the 100 ms burst allowance).
    expect(took).toBeGreaterThanOrEqual(((bytes - 96) / 960) * 1000 - 50);
    expect(took).toBeLessThan((bytes / 960) * 1000 + 3_000);
  });

  it('a second client finds the console alive after the first one closed (socat stays up)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotpair-console-'));
    lab = await startLab({ stateDir: dir, sshPortBase: 0, pairIndexBase: 63 });
    const path = lab.describe().devices[1]!.serial!;
    const c1 = await openConsole(path);
    c1.send('\r');
    await c1.expect(/login:\s*$/);
    await new Promise<void>((r) => c1.port.close(() => r()));
    const c2 = await openConsole(path);
    c2.send('\r');
    await c2.expect(/(login:|Password:)\s*$/);
  });
});
