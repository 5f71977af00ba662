import { z } from 'zod';
import { DeviceKeySchema, OpIdSchema, PairTextSchema } from '../common';
import { ErrorInfoSchema, MessageParamsSchema } from '../errors';
import { ApplyOutcomeSchema, HealthCheckSchema } from './commissioning';

// Commissioning over one console cable (core/provision/one-cable): the host runs the flow on the
// one port, the page follows its steps and answers its questions (the cable is on B; undo A).

export const OneCableStepSchema = z.enum(['on-a', 'move-cable', 'wrong-device', 'on-b', 'undo-b', 'left-on-a', 'undo-a', 'back-on-a', 'resume', 'done']);
export type OneCableStepName = z.infer<typeof OneCableStepSchema>;

export const OneCableRunInputSchema = z.strictObject({
  opId: OpIdSchema,
  text: PairTextSchema,
  /** The console port: serial:///dev/ttyUSB0?baud=auto (the pair file's connect syntax). */
  url: z.string().min(1).max(2048),
  username: z.string().max(64).optional(),
  /** Used for this run's logins only (each device after each move); never stored, logged or returned. */
  password: z.string().max(256).optional(),
  /** The journal of an interrupted one-cable run to take up (as `hotpair recover` does). */
  resume: z.string().max(4096).optional(),
});
export type OneCableRunInput = z.input<typeof OneCableRunInputSchema>;

export const OneCableOutputSchema = z.strictObject({
  outcome: ApplyOutcomeSchema,
  saved: z.boolean(),
  journal: z.string(),
  applied: z.strictObject({ a: z.number().int(), b: z.number().int() }),
  /** B failed and A's undo was not done: what A keeps, undone later from the journal with the cable on A. */
  leftOnA: z.strictObject({ lines: z.number().int(), saved: z.boolean() }).optional(),
  healthAfter: z.array(HealthCheckSchema).optional(),
  error: ErrorInfoSchema.optional(),
});
export type OneCableOutput = z.infer<typeof OneCableOutputSchema>;

/** The engineer's answers: the cable is on the device asked for (the port never went away); undo A now, or keep it. */
export const OneCableAnswerSchema = z.enum(['cable-moved', 'undo-a', 'keep-a']);
export type OneCableAnswer = z.infer<typeof OneCableAnswerSchema>;

/** What the page asks the engineer now, if anything. */
export const OneCableQuestionSchema = z.enum(['cable', 'undo-a']);

/** Batched (~10 a second): the flow's steps, messages and push line counters since the last batch. */
export const OneCableProgressSchema = z.strictObject({
  opId: OpIdSchema,
  /** `text` is the English; `code` + `params` (a message of the core catalogue) let the page say it in the reader's language. */
  steps: z.array(
    z.strictObject({ step: OneCableStepSchema, text: z.string(), to: DeviceKeySchema.optional(), device: DeviceKeySchema.optional(), code: z.string().optional(), params: MessageParamsSchema.optional() }),
  ),
  messages: z.array(
    z.strictObject({ level: z.enum(['info', 'warn', 'error']), text: z.string(), device: DeviceKeySchema.optional(), code: z.string().optional(), params: MessageParamsSchema.optional() }),
  ),
  line: z.strictObject({ device: DeviceKeySchema, done: z.number().int(), total: z.number().int(), line: z.string() }).optional(),
  /** The port went away (the engineer unplugged it): now waiting for it to come back. */
  portGone: z.boolean().optional(),
  question: OneCableQuestionSchema.optional(),
  /** The pending question is over (the cable was seen on the device, or the engineer answered). */
  settled: z.boolean().optional(),
});
export type OneCableProgress = z.infer<typeof OneCableProgressSchema>;

export const oneCableChannels = {
  'oneCable.run': {
    input: OneCableRunInputSchema,
    output: OneCableOutputSchema,
    summary: 'Commission the pair over one console cable: A, the cable moved to B, B verified and saved (op; oneCable.progress events)',
  },
  'oneCable.answer': {
    input: z.strictObject({ opId: OpIdSchema, answer: OneCableAnswerSchema }),
    output: z.strictObject({ accepted: z.boolean() }),
    summary: "Answer the running one-cable flow: the cable is on the device asked for, or undo A's part now / keep it",
  },
} as const;
