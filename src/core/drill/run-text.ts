/** The drill's sentences as messages of the `core` catalogue (drillRun.*), for the runner to pair with its English. */
import type { Message, MessageList, MessageParam, MessageParams } from '../base/message';
import type { HealthCheck } from '../provision/types';
import type { DeviceReading, PhaseFigures, Sentence, TimelineEntry } from './types';

/** Something the drill did not expect: it stops the drill. `said` is the message as a sentence argument. */
export class Unexpected extends Error {
  constructor(
    message: string,
    readonly said: MessageParam,
  ) {
    super(message);
  }
}

/** Sentences as one argument of another. */
export const list = (items: (Message | Sentence)[], sep: MessageList['sep'] = 'semicolon'): MessageList => ({ sep, items: items.map((m) => ({ code: m.code, ...(m.params ? { params: m.params } : {}) })) });

export const msg = (code: string, params: MessageParams = {}): Message => ({ code: `drillRun.${code}`, params });

/** Why a device did not answer a poll, as a sentence argument: its message where it has one, else its words. */
export const readingError = (r: DeviceReading): MessageParam => (r.errorSaid ? list([r.errorSaid], 'comma') : (r.error ?? ''));

/** A failing health check inside a refusal: its title and reason as the health matrix says them. */
export const checkSaid = (c: HealthCheck): Message =>
  msg('check', { title: list([{ code: `health.${c.id}.title` }]), reason: c.code ? list([{ code: `${c.code}.reason`, ...(c.params ? { params: c.params } : {}) }]) : c.reason });

/** A phase's figures on one progress line (the app's drill steps): each figure a message of its own, units said by the reader's language. */
export function figuresSaid(f: PhaseFigures): Sentence {
  const said = (m: Message, text: string) => ({ m, text });
  const switchover = f.switchoverMs === null ? said({ code: 'drill.figure.not-seen' }, 'not seen') : said({ code: 'drill.figure.ms', params: { ms: f.switchoverMs } }, `${f.switchoverMs} ms`);
  const interruption =
    f.interruptionMs === null
      ? said(msg('figure.not-probed'), 'interruption not probed')
      : said(msg('figure.interruption', { ms: f.interruptionMs, failed: f.failedProbes ?? 0 }), `interruption ${f.interruptionMs} ms, ${f.failedProbes ?? 0} failed probe${f.failedProbes === 1 ? '' : 's'}`);
  const sessions = f.sessionsPreservedPct === null ? said(msg('figure.sessions-unread'), 'sessions preserved not measured') : said(msg('figure.sessions', { pct: f.sessionsPreservedPct }), `sessions preserved ${f.sessionsPreservedPct} %`);
  return {
    text: `${f.phase}: ${switchover.text}, ${interruption.text}, ${sessions.text}`,
    ...msg('figures', { phase: f.phase, switchover: list([switchover.m], 'comma'), interruption: list([interruption.m], 'comma'), sessions: list([sessions.m], 'comma') }),
  };
}

/** A timeline entry as a progress step: an unexpected one says so in the reader's language, its own words kept where it has no code. */
export function stepSaid(e: TimelineEntry): { text: string; code?: string; params?: MessageParams } {
  const own: Message | undefined = e.code ? { code: e.code, ...(e.params ? { params: e.params } : {}) } : undefined;
  if (e.unexpected) return { text: `unexpected: ${e.text}`, ...msg('unexpected-step', { text: own ? list([own], 'comma') : e.text }) };
  return { text: e.text, ...(own ?? {}) };
}
