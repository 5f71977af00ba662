import { CST } from 'yaml';
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

/** `what` names the kind of file expected, as the user knows it: "pair file", "platform pack". */
export function tooLargeMessage(sourceName: string, size: number, limit = MAX_PAIR_FILE_BYTES, what = 'pair file'): string {
  return `${sourceName} is ${formatBytes(size)}; a ${what} is at most ${formatBytes(limit)} (${limit.toLocaleString('en-US')} bytes), so this is not a ${what} — check the file name`;
}

export function notTextMessage(sourceName: string, why: string, what = 'pair file'): string {
  return `${sourceName} is not a text file (${why}); a ${what} is YAML or JSON text`;
}

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

export function describeControl(code: number): string {
  return code === 0 ? 'it contains NUL bytes' : `it contains the control character 0x${code.toString(16).padStart(2, '0')}`;
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
