import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyslogFrameDecoder } from '../../../src/core/monitor/syslog-frames';

const enc = new TextEncoder();
const octet = (m: string) => `${enc.encode(m).length} ${m}`;

describe('RFC 6587 framing', () => {
  it('decodes octet-counted and LF-terminated frames, mixed, byte-counted (UTF-8)', () => {
    const d = new SyslogFrameDecoder();
    const out = d.push(enc.encode(`${octet('<190>héllo\nwith newline inside')}<190>plain line\r\n${octet('<14>x')}`));
    expect(out).toEqual(['<190>héllo\nwith newline inside', '<190>plain line', '<14>x']);
  });

  it('keeps an incomplete frame until the rest arrives, and flushes a last unterminated line at end', () => {
    const d = new SyslogFrameDecoder();
    expect(d.push(enc.encode('19 <190>abc'))).toEqual([]);
    expect(d.push(enc.encode('defghijklmn<1>tail'))).toEqual(['<190>abcdefghijklmn']);
    expect(d.end()).toEqual(['<1>tail']);
  });

  it('gives the same messages whatever the chunking', () => {
    const msg = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/[\n\0]/.test(s) && !/^\d/.test(s) && s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(msg, fc.boolean()), { minLength: 1, maxLength: 10 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), (msgs, cuts) => {
        const bytes = enc.encode(msgs.map(([m, counted]) => (counted ? octet(m) : `${m}\n`)).join(''));
        const d = new SyslogFrameDecoder();
        const got: string[] = [];
        let i = 0;
        let k = 0;
        while (i < bytes.length) {
          const n = cuts[k++ % cuts.length]!;
          got.push(...d.push(bytes.subarray(i, i + n)));
          i += n;
        }
        got.push(...d.end());
        expect(got).toEqual(msgs.map(([m]) => m));
      }),
      { numRuns: 300 },
    );
  });
});
