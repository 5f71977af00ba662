import { describe, expect, it } from 'vitest';
import { compilePack } from '../../../src/core/channel/patterns';
import { comware7 } from '../../../src/core/platforms/comware7';
import { promptWithTyped } from '../../../src/core/session/typed';
import { MockTransport } from '../../../src/core/transport/mock';
import { LOG, type FakeHelpOptions } from '../probe/fake-help-cli';
import { helpCliSession, shellSession } from '../probe/help-cli-session';

const GRAMMAR = { rbm: ['keepalive interval INTEGER<1-10>', 'keepalive count INTEGER<3-20>'], system: ['remote-backup group'] };

async function connect(o: FakeHelpOptions = { grammar: GRAMMAR }, chunker?: (b: Uint8Array) => Uint8Array[]) {
  const c = await helpCliSession(o, chunker);
  await c.session.enterView('remote-backup group');
  return c;
}

const oneByte = (b: Uint8Array) => [...b].map((x) => Uint8Array.of(x));

describe('typing without Enter: read until the prompt shows the typed text again', () => {
  it('matches a prompt followed by exactly the typed text, and a bare prompt after erasing', () => {
    const cp = compilePack(comware7);
    expect(promptWithTyped(cp, '[FW1-remote-backup-group]keepalive ', 'keepalive ')?.text).toBe('[FW1-remote-backup-group]');
    expect(promptWithTyped(cp, '[FW1-remote-backup-group]keepalive', 'keepalive ')).toBeUndefined();
    expect(promptWithTyped(cp, 'RBM_P[FW1]          ', '')?.rbm).toBe('RBM_P');
    expect(promptWithTyped(cp, '[FW1]keep', '')).toBeUndefined();
  });

  for (const [name, chunker] of [
    ['whole answers', undefined],
    ['one byte at a time', oneByte],
  ] as const) {
    it(`returns the help of "keepalive ?" and erases the typed text (${name})`, async () => {
      const { session, transport, f } = await connect(undefined, chunker);
      const r = await session.help('keepalive ');
      expect(r.output.split('\n').map((l) => l.trim().split(/\s+/)[0])).toEqual(['count', 'interval', '']);
      expect(r.typedStart).toBe('[FW1-remote-backup-group]'.length);
      expect(r.prompt).toBe('[FW1-remote-backup-group]');
      expect(f.state()).toEqual({ view: 'rbm', line: '' });
      expect(transport.written.slice(-2)).toEqual(['keepalive ?', '\b'.repeat('keepalive '.length)]);
      expect(f.executed).not.toContain('keepalive');
      // the session still runs commands normally afterwards
      await session.returnToUser();
      expect(session.prompt.view).toBe('user');
      await session.close();
    });
  }

  it('waits for the cursor to return over the last erased character before the next command (slow line)', async () => {
    const { session, f } = await connect({ grammar: GRAMMAR, slowErase: true });
    await session.help('keepalive count 3 ');
    await session.exec('quit');
    expect(session.prompt.view).toBe('system');
    expect(f.executed.slice(-1)).toEqual(['quit']);
    await session.close();
  });

  it('keeps async log lines out of the help and reports them as logs', async () => {
    const { session } = await connect({ grammar: GRAMMAR, logs: true }, oneByte);
    const logs: string[] = [];
    session.onLog((e) => logs.push(e.line));
    const r = await session.help('keepalive interval 5 ');
    expect(r.output.trim()).toBe('<cr>');
    expect(logs).toContain(LOG);
    await session.close();
  });

  it('returns a caret and error for a word the device does not know', async () => {
    const { session, f } = await connect();
    const r = await session.help('keepalive intervl 1 ');
    const lines = r.output.split('\n');
    expect(lines[0]!.indexOf('^') - r.typedStart).toBe('keepalive '.length);
    expect(lines[1]).toContain("% Unrecognized command found at '^' position.");
    expect(f.state().line).toBe('');
    await session.close();
  });

  it('refuses a text holding "?" before typing anything', async () => {
    const { session, transport } = await connect();
    const before = transport.written.length;
    expect(() => session.help('description a?b ')).toThrow(/help request/);
    expect(transport.written.length).toBe(before);
    await session.close();
  });

  it('times out on a device that never shows the prompt again, closing the transport', async () => {
    const transport = new MockTransport({
      greeting: '<FW1>',
      onWrite: (t, m) => {
        if (t === 'screen-length disable\r') m.push('screen-length disable\r\n<FW1>');
        else m.push(t); // echoes, never answers `?`
      },
    });
    const session = await shellSession(transport, { idleMs: 200, loginMs: 3000, commandMs: 300 });
    await expect(session.help('display ')).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(session.closed).toBe(true);
  });
});
