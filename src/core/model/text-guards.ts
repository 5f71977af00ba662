import { CST } from 'yaml';
import type { Message, MessageParams } from '../base/message';
import { MAX_PAIR_FILE_BYTES, MAX_PAIR_NESTING } from './limits';

export { MAX_INVENTORY_BYTES, MAX_PAIR_FILE_BYTES, MAX_PAIR_NESTING } from './limits';

/**
 * Limits a pair file must stay within before it is parsed. A real pair file is a few kilobytes and
 * nests fewer than ten levels; anything far outside that is the wrong file (an image, a log, a
 * generated bomb), and parsing it costs memory and prints hundreds of meaningless problems, or
 * overflows the parser's stack.
 */

/** "30.0 MB", "512 kB", "900 bytes": sizes as a user reads them (decimal units, like file managers). */
export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 10_000) return `${Math.round(n / 1000)} kB`;
  return `${n} byte${n === 1 ? '' : 's'}`;
}

/** A load error's message key (`load.<id>` in the core catalogue) and params, spread beside its English message. */
export const loadSaid = (id: string, params?: MessageParams): { key: string; params?: MessageParams } => ({ key: `load.${id}`, ...(params ? { params } : {}) });

/** The kinds of file the catalogue names in the reader's language; any other `what` is shown as given. */
const KINDS: Record<string, string> = { 'pair file': 'pair', 'platform pack': 'pack', template: 'template', inventory: 'inventory' };
const kindOf = (what: string): string => KINDS[what] ?? 'other';

/** `what` names the kind of file expected, as the user knows it: "pair file", "platform pack". */
export function tooLarge(sourceName: string, size: number, limit = MAX_PAIR_FILE_BYTES, what = 'pair file'): { message: string; key: string; params: MessageParams } {
  const bytes = limit.toLocaleString('en-US');
  const message = `${sourceName} is ${formatBytes(size)}; a ${what} is at most ${formatBytes(limit)} (${bytes} bytes), so this is not a ${what} — check the file name`;
  return { message, key: 'load.too-large', params: { source: sourceName, size: formatBytes(size), limit: formatBytes(limit), bytes, what, kind: kindOf(what) } };
}

/** `why` is a `load.why.…` message: describeControl's, or `{ code: 'load.why.not-utf8' }`. */
export function notText(sourceName: string, why: Message, what = 'pair file'): { message: string; key: string; params: MessageParams } {
  const message = `${sourceName} is not a text file (${whyEnglish(why)}); a ${what} is YAML or JSON text`;
  return { message, key: 'load.not-text', params: { source: sourceName, why: { sep: 'comma', items: [why] }, what, kind: kindOf(what) } };
}

const whyEnglish = (m: Message): string =>
  m.code === 'load.why.nul' ? 'it contains NUL bytes' : m.code === 'load.why.not-utf8' ? 'it is not UTF-8' : `it contains the control character ${String(m.params?.hex ?? '')}`;

/**
 * Characters YAML never allows in a document: C0 controls other than tab, line feed and carriage
 * return, and DEL. Their presence means binary data, not a typo.
 */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Where the first control character is, for the "not a text file" message; undefined when there is none. */
export function findControl(text: string): { line: number; column: number; code: number } | undefined {
  const m = CONTROL.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  return { line, column: m.index - before.lastIndexOf('\n'), code: m[0].charCodeAt(0) };
}

export function describeControl(code: number): Message {
  return code === 0 ? { code: 'load.why.nul' } : { code: 'load.why.control', params: { hex: `0x${code.toString(16).padStart(2, '0')}` } };
}

/**
 * The first collection nested deeper than `limit` in the parsed token stream, with its offset in
 * the text; undefined when the text stays within it. Walked with an explicit stack, so a document
 * nested 100,000 levels is measured, not recursed into.
 */
export function overNesting(tokens: readonly CST.Token[], limit = MAX_PAIR_NESTING): { offset: number } | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (CST.isCollection(t)) {
      const inner = depth + 1;
      if (inner > limit) return { offset: t.offset };
      for (const it of t.items as CST.CollectionItem[]) {
        if (it.key) stack.push([it.key, inner]);
        if (it.value) stack.push([it.value, inner]);
      }
    } else if (t.type === 'document' && t.value) stack.push([t.value, depth]);
  }
  return undefined;
}
