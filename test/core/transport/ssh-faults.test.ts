/**
 * SSH faults against the lab SSH server: connection reset mid-command (a TCP relay that resets
 * both sides), a silent device (the relay stops forwarding), wrong password, changed host key,
 * refused connection, a server that never completes the handshake.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../src/core/channel/transcript';
import { KnownHostsStore } from '../../../src/core/known-hosts';
import { openSession } from '../../../src/core/session/node/open';
import { fileStorage, sha256 } from '../../../src/core/transport/node/known-hosts-file';
import { SshTransport } from '../../../src/core/transport/node/ssh';
import { connectSession, rejection } from './contract';
import { startLabEnv, type LabEnv } from './lab-env';

/** A TCP relay to the lab SSH port that can reset or freeze the connections through it. */
async function relay(target: number) {
  const pairs: [Socket, Socket][] = [];
  let frozen = false;
  const server: Server = createServer((client) => {
    const up = connect(target, '127.0.0.1');
    pairs.push([client, up]);
    client.on('data', (d) => frozen || up.write(d));
    up.on('data', (d) => frozen || client.write(d));
    client.on('error', () => undefined);
    up.on('error', () => undefined);
    client.on('close', () => up.destroy());
    up.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    reset: () => pairs.forEach(([a, b]) => (a.resetAndDestroy(), b.resetAndDestroy())),
    freeze: () => (frozen = true),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let env: LabEnv;
let dir: string;
beforeAll(async () => {
  env = await startLabEnv(234, { console: false });
  dir = mkdtempSync(join(tmpdir(), 'hp-sshf-'));
});
afterAll(async () => {
  await env?.stop();
});

const ssh = (port: number, o: { password?: string; known?: string; acceptNew?: boolean; readyTimeoutMs?: number } = {}) =>
  new SshTransport({
    host: '127.0.0.1',
    port,
    username: env.username,
    password: o.password ?? env.password,
    knownHosts: new KnownHostsStore(fileStorage(join(dir, o.known ?? 'known_hosts')), sha256),
    hostKeyPolicy: { acceptNew: o.acceptNew ?? true },
    readyTimeoutMs: o.readyTimeoutMs ?? 5000,
    keepaliveIntervalMs: 1000,
  });

const target = (port: number, password?: string) => ({
  makeTransport: () => ssh(port, password ? { password } : {}),
  credentials: { username: 'admin', password: password ?? env.password },
  loginMode: 'shell' as const,
  sysname: 'FW1',
});

describe('SSH faults', () => {
  it('connection reset mid-command → DISCONNECTED at once', async () => {
    const r = await relay(env.ssh.port);
    try {
      const { session } = await connectSession(target(r.port));
      const pending = session.exec('display current-configuration');
      r.reset();
      const t0 = Date.now();
      const e = await rejection(pending);
      expect(e.code).toBe('DISCONNECTED');
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      await r.close();
    }
  });

  it('device silent (link frozen) → TIMEOUT on silence, transport closed', async () => {
    const r = await relay(env.ssh.port);
    try {
      const { session, transport } = await connectSession(target(r.port));
      r.freeze();
      const t0 = Date.now();
      const e = await rejection(session.exec('display version', { idleTimeoutMs: 800 }));
      expect(e.code).toBe('TIMEOUT');
      expect(e.message).toMatch(/display version.*sent nothing/);
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(transport.isOpen).toBe(false);
    } finally {
      r.reset();
      await r.close();
    }
  });

  it('an idle session on a dead link is noticed by keepalives → DISCONNECTED', async () => {
    const r = await relay(env.ssh.port);
    try {
      const t = new SshTransport({
        host: '127.0.0.1',
        port: r.port,
        username: env.username,
        password: env.password,
        knownHosts: new KnownHostsStore(fileStorage(join(dir, 'known_hosts')), sha256),
        hostKeyPolicy: { acceptNew: true },
        keepaliveIntervalMs: 300,
        keepaliveCountMax: 2,
      });
      await t.open();
      const closed = new Promise<string | undefined>((res) => t.onClose((e) => res(e.error?.code)));
      r.freeze();
      const t0 = Date.now();
      expect(await closed).toBe('DISCONNECTED');
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      r.reset();
      await r.close();
    }
  });

  it('wrong password → AUTH_FAILED', async () => {
    const e = await rejection(ssh(env.ssh.port, { password: 'wrong-password' }).open());
    expect(e.code).toBe('AUTH_FAILED');
  });

  it('a failed connect still leaves its transcript, named by host and port, ending with the reason', async () => {
    const tdir = mkdtempSync(join(tmpdir(), 'hp-sshf-tr-'));
    const e = await rejection(
      openSession({
        target: { kind: 'ssh', host: '127.0.0.1', port: env.ssh.port, username: env.username },
        credentials: { username: env.username, password: 'wrong-password' },
        knownHosts: new KnownHostsStore(fileStorage(join(dir, 'known_hosts')), sha256),
        hostKeyPolicy: { acceptNew: true },
        transcriptDir: tdir,
      }),
    );
    expect(e.code).toBe('AUTH_FAILED');
    const files = readdirSync(tdir);
    expect(files).toEqual([expect.stringMatching(new RegExp(`^127\\.0\\.0\\.1-${env.ssh.port}-\\d{8}T\\d{6}Z\\.jsonl$`))]);
    const notes = parseTranscript(readFileSync(join(tdir, files[0]!), 'utf8')).filter((x) => x.dir === 'note');
    expect(notes.at(-1)?.text).toMatch(/^AUTH_FAILED: /);
    expect(JSON.stringify(notes)).not.toContain('wrong-password');
  });

  it('changed host key → HOST_KEY_MISMATCH with both fingerprints, even with accept-new', async () => {
    const fake = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('ssh-rsa'), Buffer.from([1, 2, 3])]);
    writeFileSync(join(dir, 'kh-changed'), `[127.0.0.1]:${env.ssh.port} ssh-rsa ${fake.toString('base64')}\n`);
    const e = await rejection(ssh(env.ssh.port, { known: 'kh-changed', acceptNew: true }).open());
    expect(e.code).toBe('HOST_KEY_MISMATCH');
    expect(String(e.details?.expected)).toMatch(/^SHA256:/);
    expect(String(e.details?.presented)).toMatch(/^SHA256:/);
    expect(e.details?.expected).not.toBe(e.details?.presented);
  });

  it('first contact without acceptance → HOST_KEY_UNKNOWN before any password is sent', async () => {
    const e = await rejection(ssh(env.ssh.port, { known: 'kh-new', acceptNew: false }).open());
    expect(e.code).toBe('HOST_KEY_UNKNOWN');
    expect(e.message).toMatch(/ssh-rsa key fingerprint is SHA256:/);
  });

  it('refused port → CONNECT_FAILED; a server that never speaks → TIMEOUT within readyTimeout', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect((await rejection(ssh(port).open())).code).toBe('CONNECT_FAILED');
    const mute = createServer(() => undefined);
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', () => r()));
    const t0 = Date.now();
    const e = await rejection(ssh((mute.address() as AddressInfo).port, { readyTimeoutMs: 700 }).open());
    expect(e.code).toBe('TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(2000);
    mute.close();
  });
});
