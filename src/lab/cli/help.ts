import type { Dialect } from './dialect';
import { help, type HelpItem, type Token } from './grammar';
import type { ViewKind } from './types';

/**
 * Context-sensitive help (`?`) laid out as Comware prints it. After a space: one line per keyword
 * or argument hint with its description, the first column aligned, `<cr>` last when the command
 * is already complete. Touching a word (`sw?`): the keywords that start with it, bare. A token no
 * command accepts: the caret under it and the `%` error the same line would get if entered.
 */
const HEADERS: Partial<Record<ViewKind, string>> = { user: 'User view commands:', system: 'System view commands:' };

/** The `|` filters every complete display command takes (the engine applies them). */
const FILTER: HelpItem = { word: '|', desc: 'Matching output' };

export function helpLines(dialect: Dialect, view: ViewKind, tokens: Token[], partial: Token | undefined, promptLen: number): string[] {
  const r = help(dialect.rows(view), tokens, partial, (t) => dialect.words(t));
  if (!r.ok) return [`${' '.repeat(promptLen + r.col)}^`, ` % ${r.error} found at '^' position.`];
  const cr = r.complete ? ['  <cr>'] : [];
  if (partial) return [...r.items.map((i) => `  ${i.word}`), ...cr];
  const first = tokens[0]?.text.toLowerCase();
  const items = r.complete && first && 'display'.startsWith(first) ? [FILTER, ...r.items] : r.items;
  const rows = items.map((i) => ({ word: i.word, desc: i.desc ?? dialect.describe(i.word) ?? '' }));
  const width = Math.max(0, ...rows.map((x) => x.word.length));
  const header = tokens.length ? [] : [HEADERS[view]].filter((h): h is string => h !== undefined);
  return [...header, ...rows.map((x) => `  ${x.word.padEnd(width)}  ${x.desc}`.trimEnd()), ...cr];
}
