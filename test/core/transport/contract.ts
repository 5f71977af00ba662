/**
 * The transport contract: every Transport (mock, serial PTY to the lab console, lab SSH, OpenSSH
 * sshd running the lab CLI) must behave the same under the session. Each *.test.ts that runs it
 * supplies a factory; nothing here knows which transport it drives.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/base/errors';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../../src/core/channel/transcript';
import { comware7 } from '../../../src/core/platforms/comware7';
import type { LoginCredentials } from '../../../src/core/session/login';
import { DeviceSession } from '../../../src/core/session/session';
import type { Transport } from '../../../src/core/transport/types';

export interface ContractTarget {
  makeTransport(): Transport;
  credentials: LoginCredentials;
  loginMode: 'console' | 'shell';
  sysname: string;
}

export async function connectSession(t: ContractTarget, transport = t.makeTransport()) {
  const sink = new MemoryTranscriptSink();
  const session = await DeviceSession.connect({
    pack: comware7,
    transport,
    transcript: new TranscriptRecorder(sink),
    credentials: t.credentials,
    loginMode: t.loginMode,
    timeouts: { loginMs: 10_000, idleMs: 5_000, commandMs: 10_000 },
  });
  return { session, transport, sink };
}

export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the promise to reject');
}

export function transportContract(name: string, target: () => ContractTarget): void {
  describe(`transport contract: ${name}`, () => {
    it('opens, reports its state and carries bytes both ways', async () => {
      const t = target().makeTransport();
      expect(t.isOpen).toBe(false);
      await t.open();
      expect(t.isOpen).toBe(true);
      expect(t.label).not.toBe('');
      const got = new Promise<string>((resolve) => {
        let text = '';
        const d = t.onData((c) => {
          text += new TextDecoder().decode(c);
          if (/[>\]:.]\s*$/.test(text)) {
            d.dispose();
            resolve(text);
          }
        });
      });
      await t.write('\r');
      expect(await got).toMatch(/login:|Password:|<\S+>|\[\S+\]|Press ENTER/);
      await t.close();
    });

    it('runs a session: login, display, prompt with the sysname', async () => {
      const tg = target();
      const { session, sink } = await connectSession(tg);
      const r = await session.exec('display version');
      expect(r.output).toMatch(/Comware Software, Version 7\.1/);
      expect(r.prompt).toBe(`<${tg.sysname}>`);
      expect(r.output).not.toContain('display version');
      await session.close();
      if (tg.credentials.password) expect(JSON.stringify(sink.entries)).not.toContain(tg.credentials.password);
    });

    it('a % error is COMMAND_REJECTED with the caret line, and the session goes on', async () => {
      const { session } = await connectSession(target());
      const e = await rejection(session.exec('display versoin'));
      expect(e.code).toBe('COMMAND_REJECTED');
      expect(e.details).toMatchObject({ command: 'display versoin' });
      expect(String(e.details?.caret)).toContain('^');
      expect(String(e.details?.message)).toMatch(/^% \w+/);
      expect((await session.exec('display version')).output).toContain('Comware');
      await session.close();
    });

    it('pushes configuration through views and saves', async () => {
      const tg = target();
      const { session } = await connectSession(tg);
      const progress: number[] = [];
      const rs = await session.sendConfig(['interface GigabitEthernet1/0/5', 'description contract test', 'quit'], { onProgress: (p) => progress.push(p.index) });
      expect(rs[0]!.prompt).toBe(`[${tg.sysname}-GigabitEthernet1/0/5]`);
      expect(progress).toEqual([0, 1, 2]);
      expect(session.prompt.view).toBe('user');
      const saved = await session.save();
      expect(saved.output).toMatch(/successfully/);
      await session.close();
    });

    it('close: onClose once without error, write afterwards is DISCONNECTED, close is idempotent', async () => {
      const t = target().makeTransport();
      await t.open();
      const events: unknown[] = [];
      t.onClose((e) => events.push(e));
      await t.close();
      await t.close();
      expect(t.isOpen).toBe(false);
      expect(events).toEqual([{}]);
      const e = await rejection(t.write('x'));
      expect(e.code).toBe('DISCONNECTED');
    });

    it('open with an aborted signal is CANCELLED and leaves nothing open', async () => {
      const t = target().makeTransport();
      const ac = new AbortController();
      ac.abort();
      const e = await rejection(t.open(ac.signal));
      expect(e.code).toBe('CANCELLED');
      expect(t.isOpen).toBe(false);
    });

    it('abort during a command closes the transport (never half-read)', async () => {
      const { session, transport } = await connectSession(target());
      const ac = new AbortController();
      const p = session.exec('display current-configuration', { signal: ac.signal });
      ac.abort();
      const e = await rejection(p);
      expect(e.code).toBe('CANCELLED');
      expect(transport.isOpen).toBe(false);
      expect(session.closed).toBe(true);
      await session.close();
    });
  });
}
