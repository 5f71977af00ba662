/**
 * The channel gives the same command results whatever the chunking of the incoming bytes
 * (including UTF-8 characters split between chunks).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../../src/core/channel/transcript';
import { comware7 } from '../../../src/core/platforms/comware7';
import { DeviceSession } from '../../../src/core/session/session';
import { MockTransport } from '../../../src/core/transport/mock';
import { fakeCli, LOG_LINE } from '../session/fake-cli';
import { replayHandwritten } from '../session/replay-helpers';

/** A chunker cutting bytes into pieces of the given sizes, cycling. */
export const chunkerOf = (sizes: number[]) => (bytes: Uint8Array) => {
  const out: Uint8Array[] = [];
  let i = 0;
  let k = 0;
  while (i < bytes.length) {
    const n = sizes.length ? sizes[k++ % sizes.length]! : bytes.length;
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
};
const sizes = fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 12 });

// output lines an appliance prints: no line looks like a prompt, a log line or an error
const char = fc.constantFrom(...'abcxyzABC019 -_/.:,()#=éü中文✓'.split(''), '😀');
const line = fc
  .array(char, { maxLength: 60 })
  .map((cs) => ' ' + cs.join('').trimEnd())
  .filter((l) => !/[<\[]/.test(l));

describe('chunking does not change results', () => {
  it('random outputs with UTF-8 and async log lines, random chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 0, maxLength: 30 }), sizes, fc.integer({ min: 0, max: 3 }), async (lines, cut, logEvery) => {
        const f = fakeCli({ displays: { 'display thing': lines.join('\n') }, logEvery });
        const transport = new MockTransport({ greeting: f.greeting, onWrite: f.onWrite, chunker: chunkerOf(cut) });
        const s = await DeviceSession.connect({ pack: comware7, transport, transcript: new TranscriptRecorder(new MemoryTranscriptSink()), credentials: {}, loginMode: 'shell', timeouts: { idleMs: 2000 } });
        const logs: string[] = [];
        s.onLog((e) => logs.push(e.line));
        const a = await s.exec('display thing');
        const b = await s.exec('display thing');
        await s.close();
        expect(a.output).toBe(lines.join('\n'));
        expect(b.output).toBe(lines.join('\n'));
        expect(a.prompt).toBe('<FW1>');
        for (const l of logs) expect(l).toBe(LOG_LINE);
      }),
      { numRuns: 60 },
    );
  });

  it('the pager: same lines whatever the chunking of marker and erase sequence', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, fc.integer({ min: 25, max: 80 }), async (cut, n) => {
        const f = fakeCli({ longLines: n });
        const transport = new MockTransport({ greeting: f.greeting, onWrite: f.onWrite, chunker: chunkerOf(cut) });
        const s = await DeviceSession.connect({ pack: comware7, transport, transcript: new TranscriptRecorder(new MemoryTranscriptSink()), credentials: {}, loginMode: 'shell', timeouts: { idleMs: 2000 } });
        const r = await s.exec('display long');
        await s.close();
        expect(r.output.split('\n')).toEqual(Array.from({ length: n }, (_, i) => ` line ${i + 1} of the long display`));
      }),
      { numRuns: 40 },
    );
  });

  it('the hand-written console transcript (login, pager, questions, log, error) replays identically in any chunking', async () => {
    const reference = await replayHandwritten();
    const pick = (r: typeof reference) => ({
      config: r.config.output,
      prompt: r.config.prompt,
      save: r.save.output,
      rbm: r.rbmPrompt,
      rejected: r.rejected?.details,
      logs: r.logs,
      finished: r.finished,
    });
    await fc.assert(
      fc.asyncProperty(sizes, async (cut) => {
        expect(pick(await replayHandwritten(chunkerOf(cut)))).toEqual(pick(reference));
      }),
      { numRuns: 40 },
    );
  });
});
