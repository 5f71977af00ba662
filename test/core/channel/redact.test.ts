import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordRedactor, LiteralRedactor, redactAll, REDACTED, StreamRedactor } from '../../../src/core/channel/redact';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../../src/core/channel/transcript';

/** Feeds `text` in pieces cut at `cuts` (positions), returns the joined output. */
function feedSplit(r: { feed(t: string): string; flush(): string }, text: string, cuts: number[]): string {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let out = '';
  let last = 0;
  for (const p of points) {
    out += r.feed(text.slice(last, p));
    last = p;
  }
  return out + r.feed(text.slice(last)) + r.flush();
}

const secretArb = fc.string({ unit: fc.constantFrom(...'abcdefXYZ0189!#$%-'.split('')), minLength: 4, maxLength: 16 });
const filler = fc.string({ unit: fc.constantFrom(...'abcdefxyz 019\r\n<>[]:'.split('')), maxLength: 40 });

describe('streaming redaction', () => {
  it('a literal secret split across any number of feeds never reaches the output, and chunking does not change it', () => {
    fc.assert(
      fc.property(fc.array(secretArb, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(filler, fc.nat(2)), { maxLength: 8 }), fc.array(fc.nat(400), { maxLength: 10 }), (secrets, parts, cuts) => {
        const text = parts.map(([f, k]) => f + secrets[k % secrets.length]!).join('') + 'end';
        const make = () => {
          const r = new LiteralRedactor();
          for (const s of secrets) r.add(s);
          return r;
        };
        const whole = feedSplit(make(), text, []);
        const split = feedSplit(make(), text, cuts);
        expect(split).toBe(whole);
        for (const s of secrets) expect(whole).not.toContain(s);
      }),
      { numRuns: 400 },
    );
  });

  it('the argument of simple/cipher/hash is redacted wherever the reads split', () => {
    fc.assert(
      fc.property(secretArb, fc.constantFrom('password simple', 'password cipher', 'password hash', 'vrrp vrid 1 authentication-mode simple', 'pre-shared-key cipher'), fc.array(fc.nat(80), { maxLength: 8 }), (secret, cmd, cuts) => {
        const text = `[FW1-luser-manage-a]${cmd} ${secret}\r\n[FW1-luser-manage-a]`;
        const out = feedSplit(new KeywordRedactor(), text, cuts);
        expect(out).toBe(`[FW1-luser-manage-a]${cmd} ${REDACTED}\r\n[FW1-luser-manage-a]`);
        expect(out).not.toContain(secret);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves ordinary text alone and does not hold prompts back', () => {
    const r = new StreamRedactor();
    expect(r.feed('<FW1>')).toBe('<FW1>');
    expect(r.feed('display version\r\n')).toBe('display version\r\n');
    expect(redactAll('simple\r\nnext line', [])).toBe('simple\r\nnext line');
    expect(redactAll('a hashtable 1', [])).toBe('a hashtable 1');
  });

  it('the recorder redacts a password written in two pieces in the transcript', async () => {
    const sink = new MemoryTranscriptSink();
    const rec = new TranscriptRecorder(sink, () => 0);
    rec.addSecret('Sup3r-Secret');
    rec.record('out', 'Sup3r-');
    rec.record('in', 'Password: ');
    rec.record('out', 'Secret\r');
    await rec.close();
    expect(sink.text('out')).toBe(`${REDACTED}\r`);
    expect(JSON.stringify(sink.entries)).not.toContain('Sup3r');
  });
});
