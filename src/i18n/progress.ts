import type { i18n } from 'i18next';
import type { Message, MessageParams } from '../core/base/message';
import { coreTranslator } from './core';

/** A progress message or step as the host sends it: its English, and its catalogue code when core gave one. */
export interface ProgressLike {
  text: string;
  code?: string | undefined;
  params?: MessageParams | undefined;
}

/** A workflow's progress message (push log, one-cable steps) in an instance's language; its English when it carries no code. */
export function progressText(i: i18n, m: ProgressLike): string {
  return m.code === undefined ? m.text : coreTranslator(i).text(m.code, m.params, m.text);
}

/** A sentence core sent as English with, where it could, its message (a drill's verdict, where a device stands). */
export function saidText(i: i18n, said: Message | undefined, english: string): string {
  return said === undefined ? english : coreTranslator(i).text(said.code, said.params, english);
}
