import { z } from 'zod';
import { MAX_PAIR_FILE_BYTES } from '../core/model/limits';
import { MessageParamsSchema } from './errors';

/**
 * One finding about a pair file (the shape of src/core/validate's Diagnostic). `path` uses the
 * pair file's one path syntax, "devices.a.interfaces[2].address"; the form shows rule, message,
 * reason and fix beside the field with that path. `reason` is the vendor sentence the rule enforces.
 */
export const DiagnosticSchema = z.strictObject({
  rule: z.string(),
  /** The finding's message id and what it is made of: the edge formats them in the user's language. */
  code: z.string().optional(),
  /** A rule's values, or a pair file's load problem with its sub-messages (what was found, what is expected). */
  params: z.lazy(() => MessageParamsSchema).optional(),
  path: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  fix: z.string().optional(),
  reason: z.string().optional(),
  /** Line/column in the source text when the finding comes from parsing it. */
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/**
 * Long work runs as an operation: the caller picks an opId, progress events carry it, and
 * `ops.cancel` aborts it. A renderer can generate ids with crypto.randomUUID().
 */
export const OpIdSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const DeviceKeySchema = z.enum(['a', 'b']);

/** Pair file text as the user wrote it (YAML or JSON; JSON is valid YAML). */
export const PairTextSchema = z.string().max(MAX_PAIR_FILE_BYTES);

export const Empty = z.strictObject({});
