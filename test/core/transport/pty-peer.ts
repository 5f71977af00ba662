/**
 * A tiny scripted device on a real PTY pair (socat): it answers Enter with a prompt, but only
 * when the client's line speed (read back with stty from the client's side of the pair) equals
 * the device's; at any other speed it sends the kind of bytes a mismatched UART produces.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

export interface PtyPeer {
  clientPath: string;
  /** Bytes the peer received, as text. */
  received(): string;
  /** Stop answering (a silent device). */
  silence(): void;
  stop(): Promise<void>;
}

/** Bytes like those a 115200 device looks like to a 9600 reader: framing garbage, high bits. */
export const GARBAGE = Buffer.from([0xf8, 0x80, 0x00, 0xfe, 0x1e, 0x98, 0xe0, 0x86, 0x06, 0xf0, 0x9c, 0x18, 0x80, 0xfc, 0x03, 0xe6, 0x78, 0x80, 0x1f, 0xc0, 0x0c, 0x98, 0xfe, 0x06]);

export function clientSpeed(path: string): number {
  const r = spawnSync('stty', ['-F', path, 'speed']);
  return Number(r.stdout.toString().trim());
}

export async function startPtyPeer(o: { deviceBaud: number; prompt?: string }): Promise<PtyPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'hp-pty-'));
  const clientPath = join(dir, 'client');
  const peerPath = join(dir, 'peer');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${clientPath}`, `pty,raw,echo=0,link=${peerPath}`], { stdio: 'ignore' });
  const t0 = Date.now();
  while (!(existsSync(clientPath) && existsSync(peerPath))) {
    if (Date.now() - t0 > 5000) throw new Error('socat did not create the PTY pair');
    await new Promise((r) => setTimeout(r, 20));
  }
  const port = new SerialPort({ path: peerPath, baudRate: 9600, autoOpen: false });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  let text = '';
  let silent = false;
  port.on('data', (b: Buffer) => {
    text += b.toString('latin1');
    if (silent || !b.includes(0x0d)) return;
    if (clientSpeed(clientPath) === o.deviceBaud) port.write(`\r\n${o.prompt ?? '<FW1>'}`);
    else port.write(GARBAGE);
  });
  return {
    clientPath,
    received: () => text,
    silence: () => {
      silent = true;
    },
    async stop() {
      if (port.isOpen) await new Promise<void>((r) => port.close(() => r()));
      socat.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
