/** Replays of the transcripts in test/fixtures/transcripts, shared by the replay and chunking tests. */
import { readFileSync } from 'node:fs';
import type { AppError } from '../../../src/core/base/errors';
import { MemoryTranscriptSink, parseTranscript, TranscriptRecorder } from '../../../src/core/channel/transcript';
import { comware7 } from '../../../src/core/platforms/comware7';
import { DeviceSession } from '../../../src/core/session/session';
import { ReplayTransport } from '../../../src/core/transport/replay';

export const fixture = (name: string) => parseTranscript(readFileSync(new URL(`../../fixtures/transcripts/${name}`, import.meta.url), 'utf8'));

export async function replayHandwritten(chunker?: (b: Uint8Array) => Uint8Array[]) {
  const transport = new ReplayTransport(fixture('handwritten-rbm-console.jsonl'), 'replay', chunker);
  const sink = new MemoryTranscriptSink();
  const session = await DeviceSession.connect({
    pack: comware7,
    transport,
    transcript: new TranscriptRecorder(sink),
    credentials: { username: 'admin', password: 'admin', newPassword: 'Fresh-Passw0rd' },
    loginMode: 'console',
    timeouts: { loginMs: 5000, idleMs: 2000, commandMs: 5000 },
  });
  const logs: string[] = [];
  session.onLog((e) => logs.push(e.line));
  const config = await session.exec('display current-configuration');
  const save = await session.exec('save');
  await session.enterView('remote-backup group');
  const rbmPrompt = session.prompt;
  let rejected: AppError | undefined;
  await session.exec('keepalive interval 0').catch((e: AppError) => (rejected = e));
  await session.returnToUser();
  await session.close();
  return { config, save, rbmPrompt, rejected, logs, finished: transport.finished, sink };
}

