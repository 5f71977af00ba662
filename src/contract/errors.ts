import { z } from 'zod';
import { ERROR_CODES } from '../core/base/errors';
import type { Message, MessageParams } from '../core/base/message';

// One closed set of codes on both sides of every boundary: re-exported so UI code never imports core.
export { ERROR_CODES };
export type { ErrorCode, ErrorInfo } from '../core/base/errors';
export type { Result } from '../core/base/result';

export const ErrorCodeSchema = z.enum(ERROR_CODES);

/** Core's message params (src/core/base/message.ts): values, string lists, and lists of sub-messages. */
export const MessageSchema: z.ZodType<Message> = z.lazy(() => z.strictObject({ code: z.string(), params: MessageParamsSchema.optional() }));
export const MessageParamsSchema: z.ZodType<MessageParams> = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.array(z.string()), z.strictObject({ sep: z.enum(['comma', 'semicolon']), items: z.array(MessageSchema) })]),
);

export const ErrorInfoSchema = z.strictObject({
  code: ErrorCodeSchema,
  message: z.string(),
  fix: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  /** The message's id in the core catalogue and its params, for the reader's language (additive: `message` stays the English). */
  key: z.string().optional(),
  params: z.lazy(() => MessageParamsSchema).optional(),
});

/** The envelope every channel answers with. */
export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), data }),
    z.strictObject({ ok: z.literal(false), error: ErrorInfoSchema }),
  ]);
}
