/** The lab SSH host's shell: how its answers are cut into SSH packets. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type ClientChannel } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../../src/lab/lab';
import { SSH_EXPECT_TIMEOUT_MS } from './ssh-shell';

let dir: string;
let lab: Lab;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hp-ssh-host-'));
  lab = await startLab({ stateDir: dir, sshPortBase: 0, pairIndexBase: 254, stateFile: false, console: false });
});
afterAll(async () => {
  await lab?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A shell that keeps every SSH data packet apart, as it came. */
async function shell(): Promise<{ chunks: string[]; stream: ClientChannel; until(re: RegExp): Promise<void>; close(): void }> {
  const { host, port } = lab.describe().devices[0]!.ssh;
  const c = new Client();
  const stream = await new Promise<ClientChannel>((resolve, reject) => {
    c.on('error', reject);
    c.on('ready', () => c.shell({ term: 'vt100', cols: 200, rows: 50 }, (err, s) => (err ? reject(err) : resolve(s))));
    c.connect({ host, port, username: LAB_USERNAME, password: LAB_PASSWORD, algorithms: { serverHostKey: ['ssh-rsa'] }, readyTimeout: SSH_EXPECT_TIMEOUT_MS });
  });
  const chunks: string[] = [];
  stream.on('data', (b: Buffer) => chunks.push(b.toString('utf8')));
  const until = async (re: RegExp) => {
    const t0 = Date.now();
    while (!re.test(chunks.join(''))) {
      if (Date.now() - t0 > SSH_EXPECT_TIMEOUT_MS) throw new Error(`no ${re} within ${SSH_EXPECT_TIMEOUT_MS} ms; got ${JSON.stringify(chunks.join('').slice(-300))}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { chunks, stream, until, close: () => c.end() };
}

describe('lab SSH shell packets', () => {
  it('answers a line sent in one packet with one packet: echo, output and prompt together', async () => {
    const sh = await shell();
    try {
      await sh.until(/<[^<>\r\n]+>$/);
      sh.chunks.length = 0;
      sh.stream.write('display clock\r');
      await sh.until(/<[^<>\r\n]+>$/);
      expect(sh.chunks).toHaveLength(1);
      expect(sh.chunks[0]).toMatch(/^display clock\r\n[\s\S]*\d{2}:\d{2}:\d{2}[\s\S]*\r\n<[^<>\r\n]+>$/);
    } finally {
      sh.close();
    }
  });

  it('echoes each key typed on its own as it comes (an engineer typing by hand)', async () => {
    const sh = await shell();
    try {
      await sh.until(/<[^<>\r\n]+>$/);
      sh.chunks.length = 0;
      for (const key of 'dis') {
        sh.stream.write(key);
        await sh.until(new RegExp(`${key}$`));
      }
      expect(sh.chunks).toEqual(['d', 'i', 's']);
    } finally {
      sh.close();
    }
  });
});
