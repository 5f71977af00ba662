/**
 * Runs one command on the channel: length check before sending, echo, pager, confirmations from
 * the pack table, the prompt that ends it, then the output with async log lines taken out and
 * the pack's error strings turned into COMMAND_REJECTED.
 */
import { AppError } from '../base/errors';
import type { Channel } from '../channel/channel';
import { matchConfirmation, matchPrompt, type CompiledPack } from '../channel/patterns';
import type { TerminalText } from '../channel/terminal';

export interface PromptMatch {
  text: string;
  rbm?: string;
  bracket: string;
  body: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  idleTimeoutMs: number;
  check: boolean;
}

export interface RunResult {
  command: string;
  output: string;
  prompt: PromptMatch;
  logLines: string[];
  elapsedMs: number;
}

/** A device with echo off still answers; after this much text without our echo, stop looking. */
const ECHO_SEARCH_LIMIT = 8192;
/** Characters of a command's end that identify its (possibly redrawn) echo line. */
const ECHO_TAIL = 16;
/** A prompt is short; a longer current line is output still arriving. */
const PROMPT_MAX = 300;

export function checkLineLength(cp: CompiledPack, command: string): void {
  if (/[\r\n]/.test(command)) {
    const shown = JSON.stringify(command.slice(0, 60));
    throw new AppError('VALIDATION', `A command must be one line: ${shown}`, { message: { key: 'error.validation.multi-line', params: { command: shown } } });
  }
  if (command.length > cp.lineMax) {
    throw new AppError('LINE_TOO_LONG', `Command is ${command.length} characters; the device accepts at most ${cp.lineMax} on one line.`, {
      fix: 'Split the command (e.g. fewer items per line) before sending it.',
      message: { key: 'error.line-too-long.command', params: { length: String(command.length), max: String(cp.lineMax) } },
      details: { command: command.slice(0, 80), length: command.length, max: cp.lineMax },
    });
  }
}

export async function runCommand(ch: Channel, cp: CompiledPack, command: string, o: RunOptions): Promise<RunResult> {
  checkLineLength(cp, command);
  const term = ch.term;
  const started = Date.now();
  // the prompt line as the device shows it, so a caret under it lines up for the user
  const promptLine = term.currentLine();
  const mark = term.lineStart + promptLine.length;
  let echoEnd: number | undefined;
  const answered = new Set<number>();
  let refused: AppError | undefined;
  await ch.write(command + '\r');
  const prompt = await ch.wait(
    () => {
      if (echoEnd === undefined) echoEnd = findEcho(term, mark, command);
      if (echoEnd === undefined || term.lineStart < echoEnd) return undefined;
      const cur = term.currentLineTail(PROMPT_MAX);
      const p = matchPrompt(cp, cur);
      if (p) return p;
      const at = term.lineStart;
      // questions and the pager marker wait on the current line; a blank one is not a question
      if (answered.has(at) || cur.trim() === '') return undefined;
      if (cp.pager.test(cur)) {
        answered.add(at);
        void ch.write(cp.pagerKey).catch(() => undefined);
        return undefined;
      }
      const c = matchConfirmation(cp, term.tail(512));
      if (c) {
        answered.add(at);
        if (c.abort) {
          const question = cur.trim();
          refused = new AppError('COMMAND_REJECTED', `${command}: the device asked "${question}"; HotPair never answers this question, so it answered "${c.answer}".`, {
            fix: 'Run this command by hand on the console if you really mean it.',
            message: { key: 'error.command-rejected.question', params: { command, question, answer: c.answer } },
            details: { command, question },
          });
        }
        void ch.write(c.answer + '\r').catch(() => undefined);
      }
      return undefined;
    },
    { awaiting: { wait: 'prompt-after', command }, signal: o.signal, timeoutMs: o.timeoutMs, idleTimeoutMs: o.idleTimeoutMs },
  );
  const raw = term.finishedBetween(echoEnd!, term.lineStart);
  term.consumeTo(term.lineStart);
  const { output, logLines } = cleanOutput(cp, raw);
  if (refused) throw refused;
  if (o.check) {
    const err = findError(cp, command, output, promptLine + command);
    if (err) throw err;
  }
  return { command, output, prompt, logLines, elapsedMs: Date.now() - started };
}

/**
 * Absolute offset just after the line that echoes `command`, or undefined while not seen yet.
 * Line breaks inside the echo are skipped (a narrow terminal wraps long commands).
 */
export function findEcho(term: TerminalText, mark: number, command: string): number | undefined {
  const text = term.textFrom(mark);
  for (let i = 0; i < text.length; i++) {
    let k = i;
    let j = 0;
    while (j < command.length && k < text.length) {
      if (text[k] === '\n' && j > 0) {
        k++;
        continue;
      }
      if (text[k] !== command[j]) break;
      j++;
      k++;
    }
    if (j === command.length) {
      const nl = text.indexOf('\n', k);
      return nl < 0 ? undefined : mark + nl + 1;
    }
  }
  // A console narrower than the command may redraw its echo (scrolling it sideways with
  // backspaces, as Comware does past the terminal width — Netmiko turns echo checks off for
  // this): the line still ends with what was typed last, so accept a line ending with the
  // command's tail.
  const tailOf = command.trimEnd().slice(-ECHO_TAIL);
  if (tailOf.length >= 4) {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      if (text.slice(from, nl).trimEnd().endsWith(tailOf)) return mark + nl + 1;
      from = nl + 1;
    }
  }
  if (text.length > command.length + ECHO_SEARCH_LIMIT) {
    // no echo (echo off): the output starts where we sent the command
    const nl = text.indexOf('\n');
    return nl < 0 ? undefined : mark + nl + 1;
  }
  return undefined;
}

/** Splits async log lines and pager leftovers from the command output. */
export function cleanOutput(cp: CompiledPack, raw: string): { output: string; logLines: string[] } {
  const lines = raw.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const keep: string[] = [];
  const logLines: string[] = [];
  for (const line of lines) {
    if (cp.logLine.test(line)) logLines.push(line);
    else if (cp.pager.test(line)) continue;
    else keep.push(line);
  }
  return { output: keep.join('\n'), logLines };
}

/**
 * A device prints its refusal right after the echoed command (caret line, then the message), so
 * only the first lines are searched: a display further down that merely mentions "does not
 * exist" or starts a description with "Failed," is output, not a refusal.
 */
const ERROR_SEARCH_LINES = 4;

/** COMMAND_REJECTED for the first pack error in the output, with the caret line when present. */
export function findError(cp: CompiledPack, command: string, output: string, echoLine?: string): AppError | undefined {
  const lines = output.split('\n');
  let nonBlank = 0;
  for (let i = 0; i < lines.length && nonBlank < ERROR_SEARCH_LINES; i++) {
    if (lines[i]!.trim() !== '') nonBlank++;
    const line = lines[i]!;
    const e = cp.errors.find((x) => x.re.test(line));
    if (!e) continue;
    const prev = i > 0 ? lines[i - 1]! : '';
    const caret = /^\s*\^\s*$/.test(prev) ? prev : undefined;
    const message = line.trim();
    const details: Record<string, unknown> = { command, message, kind: e.kind };
    if (caret !== undefined) details.caret = caret;
    if (echoLine !== undefined) details.echo = echoLine;
    return new AppError('COMMAND_REJECTED', `The device rejected "${command}": ${message}`, { details, message: { key: 'error.command-rejected.device', params: { command, reason: message } } });
  }
  return undefined;
}
