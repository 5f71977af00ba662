/**
 * The progress sentences the workflows emit, as codes of the `core` catalogue (progress.*,
 * probe.*, oneCable.*) beside their English, so the CLI and the app say them in the reader's
 * language while `--json` and the journal keep them language-neutral.
 */
import type { Message, MessageParam, MessageParams } from '../base/message';
import { toErrorInfo, type ErrorInfo } from '../base/errors';
import type { DeviceKey } from '../model/pair';

export interface ProgressMessage {
  kind: 'message';
  level: 'info' | 'warn' | 'error';
  text: string;
  device?: DeviceKey;
  code: string;
  params: MessageParams;
}

export function progress(level: ProgressMessage['level'], code: string, params: MessageParams, text: string, device?: DeviceKey): ProgressMessage {
  return { kind: 'message', level, text, code, params, ...(device ? { device } : {}) };
}

/** An error inside a sentence: its catalogue message when it has one, else its English as it is. */
export function errorParam(e: unknown): MessageParam {
  const m = errorMessage(e);
  return m ? { sep: 'comma', items: [m] } : errorEnglish(e);
}

/** The error's own sentence in the catalogue, when it has one. */
export function errorMessage(e: unknown): Message | undefined {
  const info = asInfo(e);
  return info.key === undefined ? undefined : { code: `${info.key}.message`, ...(info.params ? { params: info.params } : {}) };
}

/** The error's English, as the sentence's fallback says it. */
export const errorEnglish = (e: unknown): string => asInfo(e).message;

const isInfo = (e: unknown): e is ErrorInfo => typeof e === 'object' && e !== null && !(e instanceof Error) && typeof (e as ErrorInfo).code === 'string' && typeof (e as ErrorInfo).message === 'string';
const asInfo = (e: unknown): ErrorInfo => (isInfo(e) ? e : toErrorInfo(e));
