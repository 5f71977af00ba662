/** A verification failure in words: the English line, and the same line as a message of the core catalogue. */
import type { Message, MessageList, MessageParam, MessageParams } from '../base/message';
import type { VerifyFailure } from './types';

export const formatFailure = (f: VerifyFailure): string => `${f.device === 'pair' ? 'pair' : `device ${f.device.toUpperCase()}`}: ${f.expectation} expected ${f.expected}, seen ${f.seen}`;

const one = (code: string, params?: MessageParams): MessageList => ({ sep: 'comma', items: [params ? { code, params } : { code }] });

/** A failure as one message (core catalogue verify.failure), whose English is formatFailure's. */
export function failureMessage(f: VerifyFailure): Message {
  const p = f.params ?? {};
  const word = (w: MessageParam | undefined, value: string, extra?: MessageParams): MessageParam => (typeof w === 'string' ? one(`verify.word.${w}`, extra) : value);
  return {
    code: 'verify.failure',
    params: {
      who: f.device === 'pair' ? one('verify.who.pair') : one('verify.who.device', { device: f.device.toUpperCase() }),
      expectation: f.code ? one(f.code, Object.fromEntries(Object.entries(p).filter(([k]) => !k.endsWith('Word') && k !== 'diff'))) : f.expectation,
      expected: word(p.expectedWord, f.expected),
      seen: word(p.seenWord, f.seen, typeof p.diff === 'string' ? { diff: p.diff } : undefined),
    },
  };
}
