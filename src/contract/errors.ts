import { z } from 'zod';
import { ERROR_CODES } from '../core/base/errors';

// One closed set of codes on both sides of every boundary: re-exported so UI code never imports core.
export { ERROR_CODES };
export type { ErrorCode, ErrorInfo } from '../core/base/errors';
export type { Result } from '../core/base/result';

export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const ErrorInfoSchema = z.strictObject({
  code: ErrorCodeSchema,
  message: z.string(),
  fix: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** The envelope every channel answers with. */
export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), data }),
    z.strictObject({ ok: z.literal(false), error: ErrorInfoSchema }),
  ]);
}
