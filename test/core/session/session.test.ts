import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/base/errors';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../../src/core/channel/transcript';
import { comware7 } from '../../../src/core/platforms/comware7';
import { DeviceSession } from '../../../src/core/session/session';
import { MockTransport, type MockOptions } from '../../../src/core/transport/mock';
import { fakeCli, LOG_LINE, type FakeCliOptions } from './fake-cli';

async function connect(cli: FakeCliOptions = {}, creds = { username: 'admin', password: 'Secret#123' }, extra: Partial<MockOptions> = {}, loginMode?: 'console' | 'shell') {
  const f = fakeCli(cli);
  const transport = new MockTransport({ greeting: f.greeting, onWrite: f.onWrite, ...extra });
  const sink = new MemoryTranscriptSink();
  const session = await DeviceSession.connect({
    pack: comware7,
    transport,
    transcript: new TranscriptRecorder(sink),
    credentials: creds,
    loginMode: loginMode ?? (cli.auth ? 'console' : 'shell'),
    timeouts: { idleMs: 1000, loginMs: 3000, commandMs: 3000 },
  });
  return { session, transport, sink };
}

async function rejects(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('DeviceSession over a scripted Comware CLI', () => {
  it('logs in over SSH shell, disables paging, runs a display', async () => {
    const { session, transport } = await connect({ displays: { 'display clock': '14:00:00 UTC Wed 11/25/2026' } });
    expect(transport.written[0]).toBe('screen-length disable\r');
    const r = await session.exec('display clock');
    expect(r).toMatchObject({ command: 'display clock', output: '14:00:00 UTC Wed 11/25/2026', prompt: '<FW1>' });
    expect(session.prompt).toMatchObject({ view: 'user', hostname: 'FW1' });
    await session.close();
  });

  it('keeps the RBM prefix in the prompt and tracks views', async () => {
    const { session } = await connect({ rbm: 'RBM_P' });
    await session.enterView('remote-backup group');
    expect(session.prompt).toMatchObject({ text: 'RBM_P[FW1-remote-backup-group]', rbmPrefix: 'RBM_P', view: 'subview', subview: 'remote-backup-group' });
    await session.returnToUser();
    expect(session.prompt.view).toBe('user');
    await session.close();
  });

  it('answers the pager and removes its marker', async () => {
    const { session, transport } = await connect({ longLines: 60 });
    const r = await session.exec('display long');
    const lines = r.output.split('\n');
    expect(lines).toHaveLength(60);
    expect(lines[24]).toBe(' line 25 of the long display');
    expect(r.output).not.toContain('More');
    expect(transport.written.filter((w) => w === ' ')).toHaveLength(2);
    await session.close();
  });

  it('turns a % error into COMMAND_REJECTED with the caret line', async () => {
    const { session } = await connect();
    const e = await rejects(session.exec('dispaly version'));
    expect(e.code).toBe('COMMAND_REJECTED');
    expect(e.details).toMatchObject({ command: 'dispaly version', message: "% Unrecognized command found at '^' position.", kind: 'unrecognized' });
    expect(String(e.details?.caret)).toMatch(/^ +\^$/);
    // the channel stays in step: the next command works
    expect((await session.exec('screen-length disable')).output).toBe('');
    await session.close();
  });

  it('keeps async log lines out of results but in the transcript, and reports them', async () => {
    const { session, sink } = await connect({ logEvery: 2, displays: { 'display clock': '14:00:00' } });
    const logs: string[] = [];
    session.onLog((e) => logs.push(e.line));
    const r = await session.exec('display clock');
    expect(r.output).toBe('14:00:00');
    expect(logs).toEqual([LOG_LINE]);
    await session.close();
    expect(sink.text('in')).toContain('RBM/6/RBM_CHANNEL');
  });

  it('refuses a line over 511 characters before sending it', async () => {
    const { session, transport } = await connect();
    const before = transport.written.length;
    const e = await rejects(session.exec('description ' + 'x'.repeat(500)));
    expect(e.code).toBe('LINE_TOO_LONG');
    expect(transport.written.length).toBe(before);
    await session.close();
  });

  it('pushes config line by line with progress, stops at the first rejected line', async () => {
    const { session } = await connect();
    const seen: number[] = [];
    const lines = ['interface GigabitEthernet1/0/1', 'ip address 10.1.1.1 255.255.255.0', 'quit', 'remote-backup group', 'device-role primary', 'quit'];
    const rs = await session.sendConfig(lines, { onProgress: (p) => seen.push(p.index) });
    expect(rs.map((r) => r.prompt)).toEqual(['[FW1-GigabitEthernet1/0/1]', '[FW1-GigabitEthernet1/0/1]', '[FW1]', '[FW1-remote-backup-group]', '[FW1-remote-backup-group]', '[FW1]']);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(session.prompt.view).toBe('user');
    const e = await rejects(session.sendConfig(['interface GigabitEthernet1/0/1', 'ip adress 1.1.1.1 24', 'description never sent']));
    expect(e.code).toBe('COMMAND_REJECTED');
    expect(e.message).toMatch(/^Line 2 of 3/);
    await session.close();
  });

  it('answers save questions from the pack table and checks the saved text', async () => {
    const { session } = await connect();
    expect((await session.save()).output).toContain('successfully');
    const r = await session.exec('save');
    expect(r.output).toContain('Saved the current configuration');
    await session.close();
  });

  it('never answers yes to a reboot question (abort entry)', async () => {
    const { session, transport } = await connect();
    const e = await rejects(session.exec('reboot'));
    expect(e.code).toBe('COMMAND_REJECTED');
    expect(e.message).toContain('never answers');
    expect(transport.written).toContain('N\r');
    await session.close();
  });

  it('logs in on a console: banner, Press ENTER, login, password; password redacted in the transcript', async () => {
    const { session, sink } = await connect({ auth: { user: 'admin', password: 'Secret#123' }, banner: '* Copyright (c) 2004-2026 New H3C Technologies Co., Ltd. All rights reserved.*' });
    expect(session.prompt.text).toBe('<FW1>');
    await session.close();
    expect(sink.text('out')).not.toContain('Secret#123');
    expect(sink.text('out')).toContain('***');
  });

  it('completes a first-login password change with the new password', async () => {
    const { session, sink } = await connect({ auth: { user: 'admin', password: 'admin', firstLoginNewPassword: true } }, { username: 'admin', password: 'admin', newPassword: 'N3w-Passw0rd!' } as never);
    expect(session.prompt.text).toBe('<FW1>');
    await session.close();
    expect(JSON.stringify(sink.entries)).not.toContain('N3w-Passw0rd!');
  });

  it.each([
    ['Your password will expire in 30 days. Do you want to change it? [Y/N]:', 'N'],
    ['Press Y or ENTER to continue, N to exit.', 'Y'],
  ])('answers the login question %j from the pack (%s) and reaches the prompt', async (question, answer) => {
    const { session, transport } = await connect({ auth: { user: 'admin', password: 'Secret#123' }, afterLogin: question });
    expect(session.prompt.text).toBe('<FW1>');
    expect(transport.written).toContain(`${answer}\r`);
    await session.close();
  });

  it('wrong password → AUTH_FAILED after one try; lockout → LOCKED_OUT', async () => {
    const e = await rejects(connect({ auth: { user: 'admin', password: 'right' } }, { username: 'admin', password: 'wrong' }));
    expect(e.code).toBe('AUTH_FAILED');
    const l = await rejects(connect({ auth: { user: 'admin', password: 'right', lockAfter: 1 } }, { username: 'admin', password: 'wrong' }));
    expect(l.code).toBe('LOCKED_OUT');
  });

  it('a silent device → TIMEOUT naming the wait, and the transport is closed', async () => {
    const { session, transport } = await connect();
    (transport as unknown as { opts: { onWrite: unknown } }).opts.onWrite = () => undefined;
    const t0 = Date.now();
    const e = await rejects(session.exec('display version', { idleTimeoutMs: 300 }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toContain('display version');
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(transport.isOpen).toBe(false);
  });

  it('link drop mid-command → DISCONNECTED', async () => {
    const { session, transport } = await connect();
    (transport as unknown as { opts: { onWrite: unknown } }).opts.onWrite = (_t: string, m: MockTransport) => m.drop('cable pulled');
    const e = await rejects(session.exec('display version'));
    expect(e.code).toBe('DISCONNECTED');
    expect(e.message).toContain('cable pulled');
  });

  it('abort cancels a running command and closes the transport', async () => {
    const { transport, session } = await connect();
    (transport as unknown as { opts: { onWrite: unknown } }).opts.onWrite = () => undefined;
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const e = await rejects(session.exec('display version', { signal: ac.signal }));
    expect(e.code).toBe('CANCELLED');
    expect(transport.isOpen).toBe(false);
  });

  it('a per-operation limit on a config push → TIMEOUT naming it, transport closed', async () => {
    const f = fakeCli();
    const transport = new MockTransport({ greeting: f.greeting, onWrite: (t, m) => void setTimeout(() => f.onWrite(t, m), 40) });
    const session = await DeviceSession.connect({ pack: comware7, transport, transcript: new TranscriptRecorder(new MemoryTranscriptSink()), credentials: {}, loginMode: 'shell' });
    const lines = Array.from({ length: 20 }, (_, i) => `description line ${i}`);
    const t0 = Date.now();
    const e = await rejects(session.sendConfig(['interface GigabitEthernet1/0/1', ...lines], { timeoutMs: 300 }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toContain('configuration push timeout');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(transport.isOpen).toBe(false);
  });

  it('a 2 MB display in 512-byte chunks: the prompt is looked for on the tail only (linear time)', async () => {
    const big = Array.from({ length: 40_000 }, (_, i) => ` line ${i} ${'x'.repeat(40)}`).join('\n');
    const f = fakeCli({ displays: { 'display big': big } });
    const chunker = (b: Uint8Array) => Array.from({ length: Math.ceil(b.length / 512) }, (_, i) => b.subarray(i * 512, (i + 1) * 512));
    const transport = new MockTransport({ greeting: f.greeting, onWrite: f.onWrite, chunker });
    const session = await DeviceSession.connect({ pack: comware7, transport, transcript: new TranscriptRecorder(new MemoryTranscriptSink()), credentials: {}, loginMode: 'shell' });
    const t0 = Date.now();
    const r = await session.exec('display big');
    expect(r.output.length).toBe(big.length);
    expect(Date.now() - t0).toBeLessThan(1500);
    await session.close();
  });

  it('requests made at the same time queue; a config push is never interleaved', async () => {
    const { session, transport } = await connect({ displays: { 'display clock': '14:00:00' } });
    const before = transport.written.length;
    const [a, push, b] = await Promise.all([
      session.exec('display clock'),
      session.sendConfig(['interface GigabitEthernet1/0/1', 'description x']),
      session.exec('display clock'),
    ]);
    expect(a.output).toBe('14:00:00');
    expect(b.output).toBe('14:00:00');
    expect(push.map((r) => r.prompt)).toEqual(['[FW1-GigabitEthernet1/0/1]', '[FW1-GigabitEthernet1/0/1]']);
    expect(transport.written.slice(before)).toEqual(['display clock\r', 'system-view\r', 'interface GigabitEthernet1/0/1\r', 'description x\r', 'return\r', 'display clock\r']);
    await session.close();
  });

  it('an echo redrawn sideways by a narrow console (backspaces) is still recognised', async () => {
    const cmd = 'description ' + 'uplink-to-core-switch-'.repeat(5);
    const transport = new MockTransport({
      greeting: '\r\n<FW1>',
      onWrite: (t, m) => {
        if (t === 'screen-length disable\r') return m.push('screen-length disable\r\n<FW1>');
        // the device shows the line scrolled: '$' + the last 70 characters, after backspaces
        const shown = '$' + t.slice(0, -1).slice(-70);
        m.push(cmd.slice(0, 79) + '\b'.repeat(79) + shown + ' '.repeat(79 - shown.length) + '\r\n<FW1>');
      },
    });
    const session = await DeviceSession.connect({ pack: comware7, transport, transcript: new TranscriptRecorder(new MemoryTranscriptSink()), credentials: {}, loginMode: 'shell', timeouts: { idleMs: 1000 } });
    const r = await session.exec(cmd);
    expect(r.output).toBe('');
    expect(r.prompt).toBe('<FW1>');
    await session.close();
  });
});
