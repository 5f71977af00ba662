/** The drill's sentences as messages of the `core` catalogue (drillRun.*), for the runner to pair with its English. */
import type { Message, MessageList, MessageParam, MessageParams } from '../base/message';
import type { HealthCheck } from '../provision/types';
import type { Sentence } from './types';

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

/** A failing health check inside a refusal: its title and reason as the health matrix says them. */
export const checkSaid = (c: HealthCheck): Message =>
  msg('check', { title: list([{ code: `health.${c.id}.title` }]), reason: c.code ? list([{ code: `${c.code}.reason`, ...(c.params ? { params: c.params } : {}) }]) : c.reason });
