import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TerminalText } from '../../../src/core/channel/terminal';

const render = (chunks: string[]) => {
  const t = new TerminalText();
  for (const c of chunks) t.feed(c);
  return t.textFrom(0);
};

describe('TerminalText', () => {
  it.each([
    ['backspaces', '  ---- More ----' + '\b'.repeat(16) + ' '.repeat(16) + '\b'.repeat(16) + 'next\r\n'],
    ['ANSI cursor left', '  ---- More ----\x1b[16D                \x1b[16Dnext\r\n'],
    ['carriage return', '  ---- More ----\r                \rnext\r\n'],
    ['erase line', '  ---- More ----\x1b[16D\x1b[Knext\r\n'],
  ])('erases the pager marker drawn with %s', (_, text) => {
    expect(render(['line 1\r\n', text])).toBe('line 1\nnext\n');
  });

  it('keeps trailing blanks of lines that were not redrawn, strips NUL and colours', () => {
    expect(render(['a  \r\n\x00<FW1>\x1b[0m\x1b[1mok\x07'])).toBe('a  \n<FW1>ok');
  });

  it('typing correction with backspace', () => {
    expect(render(['<FW1>displ\b \bay'])).toBe('<FW1>dispay');
  });

  it('the same text whatever the chunking (escape sequences and surrogate pairs split)', () => {
    const pieces = fc.constantFrom('abc', ' ', '\r\n', '\r', '\b', '\x1b[3D', '\x1b[K', '\x1b[1;31m', '中', '😀', '\t', '\x1b(B', '  ---- More ----');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.array(fc.nat(300), { maxLength: 10 }), (ps, cuts) => {
        const text = ps.join('');
        const codeUnits = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let last = 0;
        for (const c of codeUnits) {
          chunks.push(text.slice(last, c));
          last = c;
        }
        chunks.push(text.slice(last));
        // splitting a surrogate pair in a JS string is not a real case (the decoder never does it)
        if (chunks.some((c) => /[\uD800-\uDBFF]$/.test(c))) return;
        expect(render(chunks)).toBe(render([text]));
      }),
      { numRuns: 500 },
    );
  });

  it('tail() cuts at a line boundary so anchors match only real line starts', () => {
    const t = new TerminalText();
    t.feed('x'.repeat(1000) + '\r\nabc\r\n<FW1>');
    expect(t.tail(20)).toBe('abc\n<FW1>');
    t.feed('y'.repeat(600));
    expect(t.tail(100).startsWith('\u0001')).toBe(true);
  });
});
