import type { Message } from '../core/base/message';
import type { HandlerContext } from './types';

/** A step as core or the host words it: its English and, where there is one, its message of the core catalogue. */
export type StepReport = (text: string, said?: Message) => void;

/** op.progress for a step: the English in `step`, its message beside it for the reader's language. */
export const progressStep = (ctx: HandlerContext): StepReport => (text, said) => ctx.progress({ step: text, ...saidFields(said) });

/** The `code` / `params` fields of op.progress for a message (none when there is none). */
export const saidFields = (said: Message | undefined): { code?: string; params?: Message['params'] } =>
  said ? { code: said.code, ...(said.params ? { params: said.params } : {}) } : {};
