/**
 * Console faults on real PTYs: wrong speed, auto-baud, silence — against a scripted peer that
 * reads the client's line speed — and, against the lab console paced at 9600 baud, the cable
 * pulled mid-command (socat killed), replug, power-off (silent), wrong password, lockout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../../src/core/channel/transcript';
import { compilePack } from '../../../src/core/channel/patterns';
import { comware7 } from '../../../src/core/platforms/comware7';
import { DeviceSession } from '../../../src/core/session/session';
import { autoBaud } from '../../../src/core/transport/autobaud';
import { SerialTransport } from '../../../src/core/transport/node/serial';
import { connectSession, rejection } from './contract';
import { startLabEnv, type LabEnv } from './lab-env';
import { clientSpeed, startPtyPeer } from './pty-peer';

const consoleSession = (path: string, baud: number, password = 'x', idleMs = 3000) =>
  DeviceSession.connect({
    pack: comware7,
    transport: new SerialTransport({ path, baud }),
    transcript: new TranscriptRecorder(new MemoryTranscriptSink()),
    credentials: { username: 'admin', password },
    loginMode: 'console',
    baud,
    timeouts: { loginMs: 8000, idleMs, commandMs: 20_000 },
  });

describe('console speed (scripted PTY peer)', () => {
  it('auto-baud tries 9600, 115200, 38400 … and keeps the one that yields a prompt', async () => {
    const peer = await startPtyPeer({ deviceBaud: 38400 });
    const t = new SerialTransport({ path: peer.clientPath, baud: 9600 });
    try {
      await t.open();
      const r = await autoBaud(t, compilePack(comware7), { perTryMs: 500 });
      expect(r).toEqual({ baud: 38400, tried: [ { baud: 9600, outcome: 'garbage' }, { baud: 115200, outcome: 'garbage' }, { baud: 38400, outcome: 'readable' } ] });
      expect(clientSpeed(peer.clientPath)).toBe(38400);
    } finally {
      await t.close();
      await peer.stop();
    }
  });

  it('garbage at a fixed wrong speed → WRONG_BAUD naming the speed, within the login time', async () => {
    const peer = await startPtyPeer({ deviceBaud: 115200 });
    const t0 = Date.now();
    try {
      const e = await rejection(consoleSession(peer.clientPath, 9600));
      expect(e.code).toBe('WRONG_BAUD');
      expect(e.message).toContain('9600 baud');
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      await peer.stop();
    }
  });

  it('send break: a NUL shifted out at a low speed, then the line speed is restored', async () => {
    const peer = await startPtyPeer({ deviceBaud: 9600 });
    const t = new SerialTransport({ path: peer.clientPath, baud: 9600 });
    try {
      await t.open();
      await t.sendBreak();
      await t.write('\r');
      const t0 = Date.now();
      while (!peer.received().includes('\r') && Date.now() - t0 < 2000) await new Promise((r) => setTimeout(r, 20));
      expect(peer.received()).toBe('\0\r');
      expect(clientSpeed(peer.clientPath)).toBe(9600);
      expect(t.baud).toBe(9600);
    } finally {
      await t.close();
      await peer.stop();
    }
  });

  it('a silent line at every speed → TIMEOUT stating the limit', async () => {
    const peer = await startPtyPeer({ deviceBaud: 9600 });
    peer.silence();
    const t = new SerialTransport({ path: peer.clientPath, baud: 9600 });
    const t0 = Date.now();
    try {
      await t.open();
      const e = await rejection(autoBaud(t, compilePack(comware7), { perTryMs: 200 }));
      expect(e.code).toBe('TIMEOUT');
      expect(e.message).toContain('within 1.0 s');
      expect(Date.now() - t0).toBeLessThan(2500);
    } finally {
      await t.close();
      await peer.stop();
    }
  });
});

describe('lab console at 9600 baud', () => {
  let env: LabEnv;
  beforeAll(async () => {
    env = await startLabEnv(233, { baud: 9600 });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('wrong password → AUTH_FAILED after one try', async () => {
    const e = await rejection(consoleSession(env.console, 9600, 'not-the-password'));
    expect(e.code).toBe('AUTH_FAILED');
    expect(e.message).toMatch(/AAA authentication failed/);
  });

  it('first-login password change on the lab console: a weak new password is refused with the reason, a good one completes', async () => {
    const device = env.lab.member('a').device;
    const login = (newPassword: string) =>
      DeviceSession.connect({
        pack: comware7,
        transport: new SerialTransport({ path: env.console, baud: 9600 }),
        transcript: new TranscriptRecorder(new MemoryTranscriptSink()),
        credentials: { username: env.username, password: env.password, newPassword },
        loginMode: 'console',
        timeouts: { loginMs: 8000, idleMs: 3000 },
      });
    device.mustChangePassword.add(env.username);
    try {
      const e = await rejection(login('short'));
      expect(e.code).toBe('AUTH_FAILED');
      expect(e.message).toContain('at least 10 characters');
      const s = await login('Fresh-Passw0rd-42');
      expect(s.prompt.view).toBe('user');
      await s.close();
      expect(device.authenticate(env.username, 'Fresh-Passw0rd-42', 'terminal')).toBe('ok');
    } finally {
      device.mustChangePassword.delete(env.username);
      device.changePassword(env.username, env.password);
    }
  });

  it('cable pulled mid-command → DISCONNECTED at once; after replug the port is reopened', async () => {
    const s = await consoleSession(env.console, 9600, env.password);
    const transport = s.channel.transport as SerialTransport;
    const member = env.lab.member('a');
    const pending = s.exec('display current-configuration');
    // the cable: socat owns the PTY pair; killing its process group removes the client's device
    const group = member.console!.socatGroup;
    expect(group).toBeGreaterThan(0);
    setTimeout(() => process.kill(-group!, 'SIGKILL'), 200);
    const t0 = Date.now();
    const e = await rejection(pending);
    expect(e.code).toBe('DISCONNECTED');
    expect(e.message).toMatch(/went away|closed/);
    expect(Date.now() - t0).toBeLessThan(3000);
    // replug: the console comes back on the same path; the session logs in again and goes on
    await member.console!.stop();
    const back = member.console!.start();
    await s.reconnect({ timeoutMs: 8000 });
    await back;
    expect(transport.isOpen).toBe(true);
    expect((await s.exec('display version')).output).toContain('Comware');
    await s.close();
  });

  it('lockout after repeated wrong passwords → LOCKED_OUT, also for the right password then (device b)', async () => {
    const path = env.lab.member('b').console!.path;
    let last;
    for (let i = 0; i < 3; i++) last = await rejection(consoleSession(path, 9600, `wrong-${i}`));
    expect(last!.code).toBe('LOCKED_OUT');
    expect(last!.message).toContain('has been locked');
    const e = await rejection(connectSession({ makeTransport: () => new SerialTransport({ path, baud: 9600 }), credentials: { username: env.username, password: env.password }, loginMode: 'console', sysname: 'FW2' }));
    expect(e.code).toBe('LOCKED_OUT');
  });
  it('a powered-off device (silent console) → TIMEOUT on silence, transport closed', async () => {
    const s = await consoleSession(env.console, 9600, env.password, 1000);
    await env.lab.inject('a', 'power-off');
    const t0 = Date.now();
    const e = await rejection(s.exec('display version'));
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toContain('sent nothing for 1 s');
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(s.closed).toBe(true);
    await env.lab.inject('a', 'power-on');
  });
});
