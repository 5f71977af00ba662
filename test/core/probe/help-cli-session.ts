import { MemoryTranscriptSink, TranscriptRecorder } from '../../../src/core/channel/transcript';
import { comware7 } from '../../../src/core/platforms/comware7';
import { DeviceSession } from '../../../src/core/session/session';
import { MockTransport } from '../../../src/core/transport/mock';
import type { Transport } from '../../../src/core/transport/types';
import { fakeHelpCli, type FakeHelpOptions } from './fake-help-cli';

/** A real session logged in (shell, admin) over `transport`: with the built-in pack, its transcript kept in memory. */
export function shellSession(transport: Transport, timeouts = { idleMs: 1000, loginMs: 3000, commandMs: 3000 }): Promise<DeviceSession> {
  return DeviceSession.connect({
    pack: comware7,
    transport,
    transcript: new TranscriptRecorder(new MemoryTranscriptSink()),
    credentials: { username: 'admin', password: 'x' },
    loginMode: 'shell',
    timeouts,
  });
}

/** A shell session to a fake device that answers "?" from its grammar; `chunker` splits what it sends. */
export async function helpCliSession(o: FakeHelpOptions, chunker?: (b: Uint8Array) => Uint8Array[]) {
  const f = fakeHelpCli(o);
  const transport = new MockTransport({ greeting: f.greeting, onWrite: f.onWrite, ...(chunker ? { chunker } : {}) });
  const session = await shellSession(transport);
  return { session, transport, f };
}
