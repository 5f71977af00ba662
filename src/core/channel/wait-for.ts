/**
 * What a channel wait is for, from a closed set: each names its message of the core catalogue
 * (`error.wait.<wait>`), so a timeout says "what was awaited" whole in the reader's language and
 * no caller can hand the channel a sentence of its own in English. Device text (a command, the
 * typed line) rides along as a param and is never translated.
 */
import type { Message } from '../base/message';

export type WaitFor =
  | { wait: 'console-login' }
  | { wait: 'shell-prompt' }
  | { wait: 'prompt-after'; command: string }
  | { wait: 'prompt-after-erase'; text: string }
  | { wait: 'help-for'; asked: string };

type English = { [K in WaitFor['wait']]: (w: Extract<WaitFor, { wait: K }>) => string };

/** Core's English of each wait, for logs, transcripts and a reader whose catalogue lacks the key. */
const ENGLISH: English = {
  'console-login': () => 'the console login',
  'shell-prompt': () => 'the shell prompt',
  'prompt-after': (w) => `the prompt after "${w.command}"`,
  'prompt-after-erase': (w) => `the prompt after erasing "${w.text}"`,
  'help-for': (w) => `the help for "${w.asked}"`,
};

export const waitEnglish = (w: WaitFor): string => (ENGLISH[w.wait] as (w: WaitFor) => string)(w);

export function waitMessage(w: WaitFor): Message {
  const { wait, ...params } = w;
  return Object.keys(params).length > 0 ? { code: `error.wait.${wait}`, params } : { code: `error.wait.${wait}` };
}
