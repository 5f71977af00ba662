/**
 * Typing without Enter: write raw bytes and read until the device shows its prompt followed by
 * exactly the text it holds in its edit buffer. Comware answers `?` by printing help and then the
 * prompt with the typed line again, and erases a character per Backspace; in both cases that
 * redisplayed prompt, not a quiet spell, is the end of the answer.
 */
import type { Channel } from '../channel/channel';
import { matchPrompt, type CompiledPack } from '../channel/patterns';
import type { WaitFor } from '../channel/wait-for';
import { cleanOutput, type PromptMatch } from './command';

export interface TypeOptions {
  /** What the device holds in its edit buffer afterwards, shown right after the prompt. */
  typed: string;
  /**
   * The answer starts on a new line after the echo of the request (`…?`): only a prompt on a line
   * after a finished line ending with this text ends the wait, so the echo of the typed text
   * itself, still on the prompt's line, is never taken for the redisplay.
   */
  echo?: string;
  awaiting: WaitFor;
  signal?: AbortSignal;
  timeoutMs: number;
  idleTimeoutMs?: number;
}

export interface TypedResult {
  /** The text between the echo line and the redisplayed prompt, async log lines and redisplays taken out. */
  output: string;
  logLines: string[];
  /** The echo line as shown (prompt, typed text and `?`), when `echo` was asked for. */
  echoLine?: string;
  prompt: PromptMatch;
  /** Characters the device sent for this answer. */
  received: number;
}

/** A prompt at the end of `line` followed by exactly `typed` (after erasing, left-over blanks are allowed). */
export function promptWithTyped(cp: CompiledPack, line: string, typed: string): PromptMatch | undefined {
  if (typed === '') return matchPrompt(cp, line);
  if (!line.endsWith(typed)) return undefined;
  return matchPrompt(cp, line.slice(0, line.length - typed.length));
}

/** Longest current line looked at: a prompt plus the edit buffer (511 characters on Comware). */
const LINE_MAX = 1024;

export async function typeUntilShown(ch: Channel, cp: CompiledPack, bytes: string, o: TypeOptions): Promise<TypedResult> {
  const term = ch.term;
  const mark = term.lineStart;
  let echoEnd: number | undefined;
  let echoLine: string | undefined;
  let received = 0;
  const pagers = new Set<number>();
  const counting = ch.onText((t) => (received += t.length));
  try {
    await ch.write(bytes);
    const prompt = await ch.wait(
      () => {
        if (o.echo !== undefined && echoEnd === undefined) {
          const found = findLineEnding(term.finishedBetween(mark, term.lineStart), o.echo);
          if (!found) return undefined;
          echoEnd = mark + found.end;
          echoLine = found.line;
        }
        if (echoEnd !== undefined && term.lineStart < echoEnd) return undefined;
        const cur = term.currentLineTail(LINE_MAX);
        const p = promptWithTyped(cp, cur, o.typed);
        // Erasing echoes `\b \b`: the line already reads as the bare prompt before its last `\b`
        // has put the cursor back, so the cursor must stand right after the prompt and typed text.
        if (p && term.column === (o.typed === '' ? cur.trimEnd().length : cur.length)) return p;
        // A help list longer than a screen when paging could not be turned off (operator roles).
        if (!pagers.has(term.lineStart) && cp.pager.test(cur)) {
          pagers.add(term.lineStart);
          void ch.write(cp.pagerKey).catch(() => undefined);
        }
        return undefined;
      },
      { awaiting: o.awaiting, timeoutMs: o.timeoutMs, ...(o.signal ? { signal: o.signal } : {}), ...(o.idleTimeoutMs ? { idleTimeoutMs: o.idleTimeoutMs } : {}) },
    );
    if (o.typed === '') term.dropErased();
    const raw = echoEnd !== undefined ? term.finishedBetween(echoEnd, term.lineStart) : '';
    term.consumeTo(term.lineStart);
    // A log line printed after the help makes the device show the prompt and typed text again.
    const kept = raw
      .split('\n')
      .filter((l) => !promptWithTyped(cp, l, o.typed))
      .join('\n');
    const { output, logLines } = cleanOutput(cp, kept);
    return { output, logLines, prompt, received, ...(echoLine !== undefined ? { echoLine } : {}) };
  } finally {
    counting.dispose();
  }
}

/** The first line of `text` whose end (blanks aside) is `tail`, and the offset just after it. */
function findLineEnding(text: string, tail: string): { line: string; end: number } | undefined {
  const want = tail.trimEnd();
  let from = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
    const line = text.slice(from, nl);
    if (line.trimEnd().endsWith(want)) return { line, end: nl + 1 };
    from = nl + 1;
  }
  return undefined;
}
