/**
 * The TCP connection under the SSH transport is ours, not ssh2's: one SSH packet leaves as one
 * socket write (so one TCP segment with Nagle off), IPv6 literals connect, and a failed or closed
 * session leaves no connection behind.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, connect, Socket, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnownHostsStore } from '../../../src/core/known-hosts';
import { fileStorage, sha256 } from '../../../src/core/transport/node/known-hosts-file';
import { SshTransport } from '../../../src/core/transport/node/ssh';
import { connectSession, rejection } from './contract';
import { startLabEnv, type LabEnv } from './lab-env';

let env: LabEnv;
let dir: string;
beforeAll(async () => {
  env = await startLabEnv(238, { console: false });
  dir = mkdtempSync(join(tmpdir(), 'hp-sshsock-'));
});
afterAll(async () => {
  await env?.stop();
});

const ssh = (host: string, port: number) =>
  new SshTransport({
    host,
    port,
    username: env.username,
    password: env.password,
    knownHosts: new KnownHostsStore(fileStorage(join(dir, 'known_hosts')), sha256),
    hostKeyPolicy: { acceptNew: true },
    readyTimeoutMs: 5000,
  });

/** A plain TCP relay to the lab SSH port, listening on `host`; it counts the connections still up. */
async function relay(host: string, target: number) {
  let live = 0;
  const server: Server = createServer((client) => {
    live++;
    const up = connect(target, env.ssh.host);
    client.pipe(up).pipe(client);
    client.on('error', () => undefined);
    up.on('error', () => undefined);
    client.on('close', () => (live--, up.destroy()));
    up.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    live: () => live,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

type WriteFn = (...a: unknown[]) => unknown;

/**
 * The socket-level writes made while `fn` runs, one entry per write with the number of chunks it
 * carried. Node hands a corked socket's chunks to the kernel in one writev; uncorked, each chunk is
 * its own write. Only the synchronous part of `fn` is observed, so the in-process lab, answering
 * on a later tick, adds nothing.
 */
function socketWrites(fn: () => void): number[] {
  const proto = Socket.prototype as unknown as Record<'_write' | '_writev', WriteFn>;
  const saved = { _write: proto._write, _writev: proto._writev };
  const writes: number[] = [];
  proto._write = function (this: Socket, ...a: unknown[]) {
    writes.push(1);
    return saved._write.apply(this, a);
  };
  proto._writev = function (this: Socket, ...a: unknown[]) {
    writes.push((a[0] as unknown[]).length);
    return saved._writev.apply(this, a);
  };
  try {
    fn();
  } finally {
    proto._write = saved._write;
    proto._writev = saved._writev;
  }
  return writes;
}

describe('SSH transport: its own TCP socket', () => {
  it('one write leaves as one socket write: ssh2 length, ciphertext and MAC corked together', async () => {
    const t = ssh(env.ssh.host, env.ssh.port);
    await t.open();
    try {
      for (const text of ['display version\r', 'x'.repeat(400) + '\r']) {
        let sent: Promise<void> | undefined;
        const writes = socketWrites(() => (sent = t.write(text)));
        await sent;
        // more than one entry means the packet went out in pieces: the cork missed ssh2's socket
        expect(writes, `socket writes for one ${text.length}-byte transport write`).toHaveLength(1);
      }
    } finally {
      await t.close();
    }
  });

  it('an IPv6 literal host connects, and its label brackets the address', async () => {
    const r = await relay('::1', env.ssh.port);
    try {
      const target = {
        makeTransport: () => ssh('::1', r.port),
        credentials: { username: env.username, password: env.password },
        loginMode: 'shell' as const,
        sysname: env.sysname,
      };
      const { session, transport } = await connectSession(target);
      expect(transport.label).toBe(`ssh ${env.username}@[::1]:${r.port}`);
      expect((await session.exec('display version')).output).toMatch(/Comware/);
      await session.close();
      await until(() => r.live() === 0);
    } finally {
      await r.close();
    }
  });

  it('a failed login leaves no TCP connection open', async () => {
    const r = await relay('127.0.0.1', env.ssh.port);
    try {
      const t = new SshTransport({
        host: '127.0.0.1',
        port: r.port,
        username: env.username,
        password: 'wrong-password',
        knownHosts: new KnownHostsStore(fileStorage(join(dir, 'known_hosts')), sha256),
        hostKeyPolicy: { acceptNew: true },
      });
      expect((await rejection(t.open())).code).toBe('AUTH_FAILED');
      await until(() => r.live() === 0);
    } finally {
      await r.close();
    }
  });

  it('abort while the server has not yet spoken → CANCELLED, and the connection is dropped', async () => {
    let live = 0;
    const mute = createServer((s) => {
      live++;
      // read and drop the client's banner, or its FIN would never surface as 'end'
      s.resume();
      s.on('close', () => live--);
    });
    await new Promise<void>((res) => mute.listen(0, '127.0.0.1', () => res()));
    try {
      const ac = new AbortController();
      const opening = ssh('127.0.0.1', (mute.address() as AddressInfo).port).open(ac.signal);
      await until(() => live === 1);
      ac.abort();
      expect((await rejection(opening)).code).toBe('CANCELLED');
      await until(() => live === 0);
    } finally {
      await new Promise<void>((res) => mute.close(() => res()));
    }
  });
});
