import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/core/channel/transcript';
import type { HostEvent } from '../../src/contract/index';
import { createHost, type Host } from '../../src/host/index';
import { startLabEnv, type LabEnv } from '../core/transport/lab-env';

let env: LabEnv;
let host: Host;
let dataDir: string;
const events: HostEvent[] = [];

beforeAll(async () => {
  env = await startLabEnv(241, { console: false });
  dataDir = mkdtempSync(join(tmpdir(), 'hp-console-'));
  host = createHost({ version: '1', mode: 'browser', examplesDir: dataDir, dataDir });
  host.onEvent((e) => events.push(e));
}, 30_000);

afterAll(async () => {
  await host?.dispose();
  await env?.stop();
});

const output = (sessionId: string) =>
  events
    .filter((e) => e.event === 'console.output' && e.payload.sessionId === sessionId)
    .map((e) => (e.payload as { data: string }).data)
    .join('');

async function until(f: () => boolean, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('console over the lab SSH', () => {
  let sessionId = '';
  const url = () => `ssh://${env.username}@${env.ssh.host}:${env.ssh.port}`;

  it('asks about an unknown host key, then connects once the fingerprint is confirmed, and shows the prompt', async () => {
    const first = await host.invoke('console.open', { url: url(), password: env.password });
    expect(first).toMatchObject({ ok: false, error: { code: 'HOST_KEY_UNKNOWN' } });
    const fp = !first.ok ? (first.error.details as { fingerprint: string }).fingerprint : '';
    expect(fp).toMatch(/^SHA256:/);
    // a different fingerprint than the one shown is not an acceptance
    expect(await host.invoke('console.open', { url: url(), password: env.password, acceptHostKey: 'SHA256:nope' })).toMatchObject({ ok: false, error: { code: 'HOST_KEY_UNKNOWN' } });

    const r = await host.invoke('console.open', { url: url(), password: env.password, acceptHostKey: fp, cols: 100, rows: 30 });
    expect(r).toMatchObject({ ok: true, data: { kind: 'ssh', prompt: `<${env.sysname}>` } });
    sessionId = r.ok ? (r.data as { sessionId: string }).sessionId : '';
    // the terminal presses Enter once it listens, as the Console screen does
    expect(await host.invoke('console.write', { sessionId, data: '\r' })).toEqual({ ok: true, data: {} });
    await until(() => output(sessionId).includes(`<${env.sysname}>`), 'the prompt');
    // the key is now known: listed in settings
    const kh = await host.invoke('settings.knownHosts', {});
    expect(kh).toMatchObject({ ok: true, data: { hosts: [{ host: env.ssh.host, port: env.ssh.port, fingerprint: fp }] } });
  });

  it('sends keystrokes one by one and receives display version output in batched events', async () => {
    const before = events.length;
    for (const ch of 'display version\r') expect(await host.invoke('console.write', { sessionId, data: ch })).toEqual({ ok: true, data: {} });
    await until(() => /Comware Software, Version 7/.test(output(sessionId)) && output(sessionId).trimEnd().endsWith(`<${env.sysname}>`), 'display version');
    const mine = events.slice(before).filter((e) => e.event === 'console.output');
    // 16 echoed keystrokes plus the output: without batching that is well over 16 messages
    console.log(`console: ${mine.length} console.output events for 16 single-key writes + display version`);
    expect(mine.length).toBeLessThan(16);
    expect(await host.invoke('console.resize', { sessionId, cols: 120, rows: 40 })).toEqual({ ok: true, data: { applied: true } });
  });

  it('keeps a transcript with `password simple X` and typed passwords redacted', async () => {
    for (const line of ['system-view', 'local-user hptest class manage', 'password simple Zq9#secretpw', 'quit', 'quit']) {
      await host.invoke('console.write', { sessionId, data: `${line}\r` });
      await new Promise((r) => setTimeout(r, 100));
    }
    await until(() => output(sessionId).trimEnd().endsWith(`<${env.sysname}>`), 'back in user view');
    const t = await host.invoke('console.transcript', { sessionId });
    expect(t.ok).toBe(true);
    const text = t.ok ? (t.data as { text: string; name: string }).text : '';
    expect(parseTranscript(text).filter((e) => e.dir === 'in').map((e) => e.text).join('')).toContain('password simple ***');
    expect(text).not.toContain('Zq9#secretpw');
    expect(text).not.toContain(env.password); // the login password, registered as a literal secret
    expect(await host.invoke('console.close', { sessionId })).toEqual({ ok: true, data: { closed: true } });
    // the file transcript (always written) is redacted the same way
    const dir = join(dataDir, 'transcripts');
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    const all = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    expect(all).toContain('Comware Software');
    expect(all).not.toContain('Zq9#secretpw');
    expect(all).not.toContain(env.password);
    // writing to a closed console is an error with a fix, not a crash
    expect(await host.invoke('console.write', { sessionId, data: 'x' })).toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } });
  });

  it('logs in with a saved login picked by id: the password never crosses the contract', async () => {
    expect(await host.invoke('settings.unlockCredentials', { passphrase: 'console test pass' })).toMatchObject({ ok: true });
    const saved = await host.invoke('settings.saveCredential', { label: 'lab FW1', username: env.username, password: env.password });
    const id = (saved as { data: { credentials: { id: string }[] } }).data.credentials[0]!.id;
    const r = await host.invoke('console.open', { url: url(), credentialId: id });
    expect(r).toMatchObject({ ok: true, data: { prompt: `<${env.sysname}>` } });
    expect(JSON.stringify(r)).not.toContain(env.password);
    expect(await host.invoke('console.close', { sessionId: (r as { data: { sessionId: string } }).data.sessionId })).toEqual({ ok: true, data: { closed: true } });
    expect(await host.invoke('console.open', { url: url(), credentialId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 20_000);
});

describe('console over the lab serial console (PTY)', () => {
  let serial: LabEnv;
  let h: Host;
  const out: HostEvent[] = [];
  beforeAll(async () => {
    serial = await startLabEnv(244);
    const dir = mkdtempSync(join(tmpdir(), 'hp-console-serial-'));
    h = createHost({ version: '1', mode: 'browser', examplesDir: dir, dataDir: dir });
    h.onEvent((e) => out.push(e));
  }, 30_000);
  afterAll(async () => {
    await h?.dispose();
    await serial?.stop();
  });
  const text = (id: string) =>
    out
      .filter((e) => e.event === 'console.output' && e.payload.sessionId === id)
      .map((e) => (e.payload as { data: string }).data)
      .join('');

  it('redacts a password typed at the console Password: prompt after logging in again', async () => {
    const r = await h.invoke('console.open', { url: `serial://${serial.console}?baud=9600`, username: serial.username, password: serial.password });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, data: { kind: 'serial', prompt: `<${serial.sysname}>` } });
    const id = (r as { data: { sessionId: string } }).data.sessionId;
    const type = async (s: string) => {
      for (const ch of s) await h.invoke('console.write', { sessionId: id, data: ch });
    };
    // A second user whose password the host never learns from a login: only the Password:
    // prompt filter can keep it out of the transcript (the keyword rule covers `password simple`).
    const second = 'Op3rator#Pw';
    for (const line of ['system-view', 'local-user operator class manage', `password simple ${second}`, 'service-type terminal', 'authorization-attribute user-role network-admin', 'return', 'quit']) await type(`${line}\r`);
    await until(() => /Press ENTER/.test(text(id)), 'the console idle screen');
    await type('\r');
    await until(() => /login:\s*$/i.test(text(id)), 'login:');
    await type('operator\r');
    await until(() => /Password:\s*$/i.test(text(id)), 'Password:');
    await type(`${second}\r`);
    await until(() => text(id).trimEnd().endsWith(`<${serial.sysname}>`), 'the prompt after logging in again');
    const t = await h.invoke('console.transcript', { sessionId: id });
    const lines = (t as { data: { text: string } }).data.text;
    // entries are per keystroke or per read: compare each direction's text joined up
    const joined = (dir: string) => parseTranscript(lines).filter((e) => e.dir === dir).map((e) => e.text).join('');
    expect(joined('out')).toContain('password simple ***\r');
    expect(joined('out')).toContain('operator\r***\r');
    expect(lines).not.toContain(second);
    expect(lines).not.toContain(serial.password);

    await h.invoke('console.close', { sessionId: id });
  }, 30_000);
});

describe('console lab login', () => {
  it('uses the lab login only for the lab devices\' own URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-console-lablogin-'));
    const url = `ssh://${env.username}@${env.ssh.host}:${env.ssh.port}`;
    const lab = {
      start: async () => ({ devices: [] }),
      stop: async () => undefined,
      access: () => ({ pairText: `devices:\n  a: { connect: '${url}' }\n`, username: env.username, password: env.password }),
    };
    const h = createHost({ version: '1', mode: 'browser', examplesDir: dir, dataDir: dir, lab });
    try {
      const first = await h.invoke('console.open', { url, labLogin: true });
      const fp = (first as unknown as { error: { details: { fingerprint: string } } }).error.details.fingerprint;
      const r = await h.invoke('console.open', { url, labLogin: true, acceptHostKey: fp });
      expect(r).toMatchObject({ ok: true, data: { prompt: `<${env.sysname}>` } });
      expect(await h.invoke('console.open', { url: 'ssh://admin@203.0.113.9:22', labLogin: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/not a device of the running lab/) } });
    } finally {
      await h.dispose();
    }
  }, 20_000);
});

