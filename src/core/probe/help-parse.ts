/**
 * Comware's `?` help as data. After `keepalive interval ?` the device lists what may follow, one
 * entry a line, indented, each a keyword or an argument hint with its description:
 *
 *     INTEGER<1-10>  Keepalive interval in seconds
 *     <cr>
 *
 * `<cr>` means the typed text is a complete command. A refusal is a caret under the failing word
 * and one of the pack's `%` errors. Pure: the text in, a HelpReply out.
 */
import type { CompiledPack } from '../channel/patterns';
import { parseIp } from '../model/ip';
import type { HelpEntry, HelpReply } from './types';
import type { Message } from '../base/message';

const CARET = /^\s*\^\s*$/;
/** An entry: indented, one word (keyword, hint or `<cr>`), then two or more blanks and a description. */
const ENTRY = /^\s+(\S+)(?:\s{2,}(\S.*?))?\s*$/;
export const CR = '<cr>';

/**
 * Parses the help text the device printed between the echo of `…?` and the prompt it showed
 * again. `typedStart` is the column where the typed text began on the echo line (the prompt's
 * length): the caret's column is given relative to it, so it indexes into the typed text.
 */
export function parseHelp(cp: CompiledPack, output: string, typedStart: number): HelpReply {
  const lines = output.split('\n').map((l) => l.replace(/\r$/, ''));
  let caret: number | undefined;
  const entries: HelpEntry[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (CARET.test(line)) {
      caret = line.indexOf('^') - typedStart;
      continue;
    }
    const known = cp.errors.find((e) => e.re.test(line));
    if (known || /^\s*%/.test(line)) {
      const column = caret !== undefined && caret >= 0 ? { column: caret } : {};
      return { kind: 'error', error: known?.kind ?? 'other', message: line.trim(), ...column };
    }
    const m = ENTRY.exec(line);
    if (!m) continue; // a header such as "System view commands:"
    entries.push(m[2] !== undefined ? { word: m[1] as string, description: m[2] } : { word: m[1] as string });
  }
  return { kind: 'list', entries, cr: entries.some((e) => e.word === CR) };
}

/** The 1-based word of `typed` under `column`, and that word; past the last word: one more than the count. */
export function wordAt(typed: string, column: number): { position: number; keyword?: string } {
  const words = [...typed.matchAll(/\S+/g)];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (column >= w.index) {
      if (column < w.index + w[0].length) return { position: i + 1, keyword: w[0] };
      break;
    }
  }
  const first = words.findIndex((w) => w.index >= column);
  if (first >= 0) return { position: first + 1, keyword: words[first]![0] };
  return { position: words.length + 1 };
}

/** The typed text before word `position` (1-based), ending in a blank: where to ask `?` again. */
export function prefixBefore(typed: string, position: number): string {
  const words = typed.trim().split(/\s+/).filter(Boolean).slice(0, Math.max(0, position - 1));
  return words.length ? `${words.join(' ')} ` : '';
}

/** An argument hint (`X.X.X.X`, `INTEGER<1-255>`, `STRING<1-31>`, `<1-255>`), not a keyword. */
export function isHint(word: string): boolean {
  if (word === CR) return false;
  return word.split('|').every((alt) => /^(?=.*[A-Z<])[A-Z0-9_.:/-]*(?:<[^>]*>)?$/.test(alt));
}

/**
 * Whether `value` fits an argument hint: true, false, or undefined for a hint whose form we do
 * not know (the device's word stands; nothing is guessed).
 */
export function hintAccepts(hint: string, value: string): boolean | undefined {
  const alts = hint.split('|').map((h) => one(h, value));
  if (alts.some((a) => a === true)) return true;
  return alts.every((a) => a === false) ? false : undefined;
}

function one(hint: string, value: string): boolean | undefined {
  const m = /^([A-Z0-9_.:/-]*)(?:<(\d+)-(\d+)>)?$/.exec(hint);
  if (!m) return undefined;
  const [, type = '', lo, hi] = m;
  const range = lo !== undefined ? { min: Number(lo), max: Number(hi) } : undefined;
  if (type === 'INTEGER' || (type === '' && range)) {
    if (!/^\d+$/.test(value)) return false;
    const n = Number(value);
    return range ? n >= range.min && n <= range.max : true;
  }
  if (type === 'STRING' || type === 'TEXT') return range ? value.length >= range.min && value.length <= range.max : value.length > 0;
  if (type === 'X.X.X.X') return parseIp(value)?.family === 'ipv4';
  if (type === 'X:X::X:X') return parseIp(value)?.family === 'ipv6';
  if (type === 'X:X::X:X/M') {
    const [ip, len] = value.split('/');
    return parseIp(ip ?? '')?.family === 'ipv6' && /^\d{1,3}$/.test(len ?? '') && Number(len) <= 128;
  }
  return undefined;
}

/** Why `value` is not what the device offered, when its hints or keywords say so; undefined when they do not. */
export function explainRefusal(value: string | undefined, offered: readonly HelpEntry[]): string | undefined {
  return refusalReason(value, offered)?.text;
}

/** `explainRefusal` with its message of the `core` catalogue (probe.reason.*); the device's words stay as printed. */
export function refusalReason(value: string | undefined, offered: readonly HelpEntry[]): { text: string; said: Message } | undefined {
  if (value === undefined || offered.length === 0) return undefined;
  const words = offered.map((e) => e.word).filter((w) => w !== CR);
  const hints = words.filter(isHint);
  const keywords = words.filter((w) => !isHint(w));
  const v = value.toLowerCase();
  if (keywords.some((k) => k.toLowerCase().startsWith(v))) return undefined;
  const verdicts = hints.map((h) => hintAccepts(h, value));
  if (verdicts.some((x) => x !== false)) return undefined;
  if (hints.length === 1 && keywords.length === 0) return { text: `${value} does not fit ${hints[0]}`, said: { code: 'probe.reason.no-fit', params: { value, hint: hints[0] as string } } };
  return { text: `${value} is none of: ${words.join(', ')}`, said: { code: 'probe.reason.none-of', params: { value, words: words.join(', ') } } };
}
