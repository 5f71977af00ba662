/**
 * The decision per line from the device's help. `<cr>` in the list after the whole line: the
 * device takes it as it stands (confirmed). A list without `<cr>`, or "Incomplete command": the
 * line stops short of a command (incomplete, with what may follow). Any other refusal names the
 * failing word by its caret (unknown); the runner then asks once more at that word to learn what
 * the device offers there.
 */
import type { Message } from '../base/message';
import { prefixBefore, refusalReason, wordAt } from './help-parse';
import type { HelpReply, LineVerdict } from './types';

export interface FirstVerdict {
  verdict: LineVerdict;
  /** The typed text to ask `?` after, to list what the device offers at the failing word. */
  askAt?: string;
}

const words = (line: string) => line.trim().split(/\s+/).filter(Boolean);

export function judge(line: string, view: string, reply: HelpReply): FirstVerdict {
  const base = { line, view };
  const count = words(line).length;
  if (reply.kind === 'list') {
    if (reply.cr) return { verdict: { ...base, status: 'confirmed' } };
    const offered = reply.entries.map((e) => e.word);
    return { verdict: { ...base, status: 'incomplete', position: count + 1, offered } };
  }
  const typed = `${line} `;
  const at = reply.column !== undefined ? wordAt(typed, reply.column) : undefined;
  if (reply.error === 'incomplete') {
    return { verdict: { ...base, status: 'incomplete', position: count + 1, offered: [], message: reply.message } };
  }
  // Without a caret the device did not say where: ask at the whole line, which lists nothing wrong.
  const position = at?.position ?? count + 1;
  const verdict: LineVerdict = { ...base, status: 'unknown', position, message: reply.message };
  if (at?.keyword !== undefined) verdict.keyword = at.keyword;
  return { verdict, askAt: prefixBefore(line, position) };
}

/** Adds what the device offered at the failing word (the second reply) and what the hints say of the typed value. */
export function withOffered(first: LineVerdict, second: HelpReply): LineVerdict {
  if (second.kind !== 'list') return { ...first, offered: [] };
  const v: LineVerdict = { ...first, offered: second.entries.map((e) => e.word) };
  const reason = first.status === 'unknown' ? refusalReason(first.keyword, second.entries) : undefined;
  if (reason !== undefined) Object.assign(v, { reason: reason.text, reasonSaid: reason.said });
  return v;
}

/** A line the probe cannot ask about, with why (its view was not reached, it holds a `?`): the English and its message. */
export function notAsked(line: string, view: string, why: Said): LineVerdict {
  return { line, view, status: 'unknown', offered: [], message: why.text, messageSaid: why.said };
}

/** A sentence of the probe's own: its English, and the same as a message of the `core` catalogue. */
export interface Said {
  text: string;
  said: Message;
}
