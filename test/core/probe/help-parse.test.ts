import { describe, expect, it } from 'vitest';
import { compilePack } from '../../../src/core/channel/patterns';
import { comware7 } from '../../../src/core/platforms/comware7';
import { explainRefusal, hintAccepts, isHint, parseHelp, prefixBefore, wordAt } from '../../../src/core/probe/help-parse';
import { judge, withOffered } from '../../../src/core/probe/verdict';

const cp = compilePack(comware7);
/** Help text as Comware prints it between the echo of `…?` and the prompt shown again. */
const text = (...lines: string[]) => lines.join('\n') + '\n';
const PROMPT = '[FW1-remote-backup-group]';

describe('parseHelp reads Comware `?` help', () => {
  const cases: { name: string; out: string; want: unknown }[] = [
    {
      name: 'a complete command: <cr> alone',
      out: text('  <cr>', ''),
      want: { kind: 'list', cr: true, entries: [{ word: '<cr>' }] },
    },
    {
      name: 'an argument hint with its description',
      out: text('  INTEGER<1-10>  Keepalive interval in seconds', ''),
      want: { kind: 'list', cr: false, entries: [{ word: 'INTEGER<1-10>', description: 'Keepalive interval in seconds' }] },
    },
    {
      name: 'keywords with descriptions, a header line skipped',
      out: text('System view commands:', '  count     Set the keepalive count', '  interval  Set the keepalive interval', ''),
      want: { kind: 'list', cr: false, entries: [{ word: 'count', description: 'Set the keepalive count' }, { word: 'interval', description: 'Set the keepalive interval' }] },
    },
    {
      name: 'optional arguments after a complete command',
      out: text('  port  Specify the port number', '  <cr>', ''),
      want: { kind: 'list', cr: true, entries: [{ word: 'port', description: 'Specify the port number' }, { word: '<cr>' }] },
    },
    {
      name: 'a caret and an unrecognized-command error',
      out: text(`${' '.repeat(PROMPT.length + 10)}^`, " % Unrecognized command found at '^' position.", ''),
      want: { kind: 'error', error: 'unrecognized', column: 10, message: "% Unrecognized command found at '^' position." },
    },
    {
      name: 'a wrong parameter',
      out: text(`${' '.repeat(PROMPT.length + 19)}^`, " % Wrong parameter found at '^' position."),
      want: { kind: 'error', error: 'wrong-parameter', column: 19 },
    },
    {
      name: 'a % message the pack does not name',
      out: text(' % The command is not supported in this mode.'),
      want: { kind: 'error', error: 'other', message: '% The command is not supported in this mode.' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parseHelp(cp, c.out, PROMPT.length)).toMatchObject(c.want as object);
    });
  }
});

describe('words, prefixes and argument hints', () => {
  it('finds the word under a caret, and past the end', () => {
    expect(wordAt('keepalive intervl 1 ', 10)).toEqual({ position: 2, keyword: 'intervl' });
    expect(wordAt('keepalive intervl 1 ', 0)).toEqual({ position: 1, keyword: 'keepalive' });
    expect(wordAt('keepalive interval ', 19)).toEqual({ position: 3 });
    expect(wordAt('keepalive  interval ', 10)).toEqual({ position: 2, keyword: 'interval' });
  });

  it('asks again at the words before the failing one', () => {
    expect(prefixBefore('keepalive intervl 1', 2)).toBe('keepalive ');
    expect(prefixBefore('foo bar', 1)).toBe('');
  });

  it('tells hints from keywords', () => {
    for (const h of ['X.X.X.X', 'INTEGER<1-255>', 'STRING<1-31>', '<1-255>', 'X:X::X:X', 'X.X.X.X|INTEGER<0-32>', 'TEXT']) expect(isHint(h), h).toBe(true);
    for (const k of ['interval', 'GigabitEthernet', '<cr>', 'remote-backup', 'dual-active']) expect(isHint(k), k).toBe(false);
  });

  const hints: [string, string, boolean | undefined][] = [
    ['INTEGER<1-10>', '1', true],
    ['INTEGER<1-10>', '10', true],
    ['INTEGER<1-10>', '11', false],
    ['INTEGER<1-10>', 'x', false],
    ['<1-255>', '255', true],
    ['<1-255>', '0', false],
    ['STRING<1-31>', 'FW1', true],
    ['STRING<1-3>', 'FW12', false],
    ['X.X.X.X', '10.2.1.1', true],
    ['X.X.X.X', '10.2.1', false],
    ['X:X::X:X', '2001:db8::1', true],
    ['X.X.X.X|INTEGER<0-32>', '24', true],
    ['TIME<hh:mm>', '12:00', undefined],
  ];
  for (const [hint, value, want] of hints) {
    it(`${value} against ${hint}: ${String(want)}`, () => expect(hintAccepts(hint, value)).toBe(want));
  }

  it('explains a refused value only when the offered hints rule it out', () => {
    expect(explainRefusal('99', [{ word: 'INTEGER<1-10>' }])).toBe('99 does not fit INTEGER<1-10>');
    expect(explainRefusal('intervl', [{ word: 'count' }, { word: 'interval' }])).toBe('intervl is none of: count, interval');
    expect(explainRefusal('5', [{ word: 'INTEGER<1-10>' }])).toBeUndefined();
    expect(explainRefusal('int', [{ word: 'interval' }])).toBeUndefined();
  });
});

describe('the verdict per line', () => {
  it('confirms a line whose help offers <cr>', () => {
    const r = judge('keepalive interval 1', 'remote-backup group', { kind: 'list', entries: [{ word: '<cr>' }], cr: true });
    expect(r).toEqual({ verdict: { line: 'keepalive interval 1', view: 'remote-backup group', status: 'confirmed' } });
  });

  it('calls a line without <cr> incomplete, with what may follow', () => {
    const r = judge('keepalive interval', 'rbm', { kind: 'list', entries: [{ word: 'INTEGER<1-10>' }], cr: false });
    expect(r.verdict).toMatchObject({ status: 'incomplete', position: 3, offered: ['INTEGER<1-10>'] });
    expect(r.askAt).toBeUndefined();
  });

  it('names the failing word and asks again before it', () => {
    const r = judge('keepalive intervl 1', 'rbm', { kind: 'error', error: 'unrecognized', message: "% Unrecognized command found at '^' position.", column: 10 });
    expect(r.verdict).toMatchObject({ status: 'unknown', position: 2, keyword: 'intervl' });
    expect(r.askAt).toBe('keepalive ');
    const v = withOffered(r.verdict, { kind: 'list', entries: [{ word: 'count' }, { word: 'interval' }], cr: false });
    expect(v).toMatchObject({ offered: ['count', 'interval'], reason: 'intervl is none of: count, interval' });
  });

  it('measures a refused value against the offered hint', () => {
    const r = judge('keepalive interval 99', 'rbm', { kind: 'error', error: 'wrong-parameter', message: "% Wrong parameter found at '^' position.", column: 19 });
    expect(r.askAt).toBe('keepalive interval ');
    expect(withOffered(r.verdict, { kind: 'list', entries: [{ word: 'INTEGER<1-10>' }], cr: false })).toMatchObject({ position: 3, keyword: '99', reason: '99 does not fit INTEGER<1-10>' });
  });
});
