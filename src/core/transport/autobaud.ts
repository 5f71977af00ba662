/**
 * Auto-baud: try the common console speeds, sending Enter at each, and keep the first one at
 * which the device answers with something readable (a prompt, a login question, the banner).
 * Bounded: each speed gets `perTryMs`, so the whole search ends within bauds × perTryMs and the
 * caller can state that limit up front. Unreadable bytes at every speed are reported as a wrong
 * line setting (WRONG_BAUD), silence at every speed as TIMEOUT — they need different fixes.
 */
import { abortError } from '../base/abort';
import { AppError } from '../base/errors';
import { COMMON_BAUDS } from '../model/connect';
import { matchPrompt, type CompiledPack } from '../channel/patterns';
import { TerminalText } from '../channel/terminal';
import type { Transport } from './types';

export interface BaudSwitchable extends Transport {
  readonly baud: number;
  setBaud(baud: number): Promise<void>;
}

export type BaudOutcome = 'readable' | 'garbage' | 'silent';

export interface AutoBaudResult {
  baud: number;
  tried: { baud: number; outcome: BaudOutcome }[];
}

export const AUTOBAUD_PER_TRY_MS = 1500;

/** Readable = printable text that contains a prompt, a login question or the idle banner. */
export function classify(cp: CompiledPack, text: string): BaudOutcome | undefined {
  if (!text) return undefined;
  const term = new TerminalText();
  term.feed(text);
  const lines = term.textFrom(0).split('\n');
  const l = cp.login;
  const readable = lines.some((line) => matchPrompt(cp, line) || l.username.test(line) || l.password.test(line) || l.pressEnter.test(line));
  if (readable) return 'readable';
  const bad = text.match(/[\uFFFD\x01-\x06\x0e-\x1a\x1c-\x1f\x7f-\x9f]/g)?.length ?? 0;
  if (text.length >= 8 && bad / text.length > 0.2) return 'garbage';
  return undefined;
}

export async function autoBaud(
  t: BaudSwitchable,
  cp: CompiledPack,
  o: { bauds?: readonly number[]; perTryMs?: number; signal?: AbortSignal } = {},
): Promise<AutoBaudResult> {
  const bauds = o.bauds ?? COMMON_BAUDS;
  const perTry = o.perTryMs ?? AUTOBAUD_PER_TRY_MS;
  const tried: AutoBaudResult['tried'] = [];
  for (const baud of bauds) {
    if (o.signal?.aborted) throw abortError(o.signal);
    if (t.baud !== baud) await t.setBaud(baud);
    const outcome = await probe(t, cp, perTry, o.signal);
    tried.push({ baud, outcome });
    if (outcome === 'readable') return { baud, tried };
  }
  const list = tried.map((x) => `${x.baud}: ${x.outcome}`).join(', ');
  const limit = `${((bauds.length * perTry) / 1000).toFixed(1)} s`;
  if (tried.some((x) => x.outcome === 'garbage')) {
    throw new AppError('WRONG_BAUD', `${t.label}: the console answered only with unreadable bytes (${list}); the line settings are probably wrong (speed, or not 8N1).`, {
      fix: 'Set the speed explicitly (?baud=…) and check data bits, parity and stop bits against the device.',
      details: { tried },
      message: { key: 'error.wrong-baud.autobaud', params: { label: t.label, tried: list } },
    });
  }
  throw new AppError('TIMEOUT', `${t.label}: no readable answer at any speed within ${limit} (${list}).`, {
    fix: 'Check the console cable (a rollover/USB console cable, in the CONSOLE port) and that the device is powered.',
    details: { tried },
    message: { key: 'error.timeout.autobaud', params: { label: t.label, timeout: 'autobaud', limit, tried: list } },
  });
}

function probe(t: BaudSwitchable, cp: CompiledPack, ms: number, signal?: AbortSignal): Promise<BaudOutcome> {
  return new Promise<BaudOutcome>((resolve, reject) => {
    const decoder = new TextDecoder();
    let text = '';
    let bytes = 0;
    let garbage = false;
    const done = (v: BaudOutcome | Error) => {
      clearTimeout(timer);
      sub.dispose();
      signal?.removeEventListener('abort', onAbort);
      if (v instanceof Error) reject(v);
      else resolve(v);
    };
    const onAbort = () => done(abortError(signal!));
    const sub = t.onData((chunk) => {
      bytes += chunk.length;
      text += decoder.decode(chunk, { stream: true });
      const c = classify(cp, text);
      if (c === 'readable') done('readable');
      else if (c === 'garbage') garbage = true;
    });
    // Bytes count, not decoded text: a lone 0xE0 from a wrong-speed line is half a UTF-8 character to the decoder, yet an answer.
    const timer = setTimeout(() => done(garbage || bytes > 0 ? 'garbage' : 'silent'), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    t.write('\r').catch((e: unknown) => done(e instanceof Error ? e : new Error(String(e))));
  });
}
