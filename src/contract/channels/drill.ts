import { z } from 'zod';
import type { DrillSummary } from '../../core/drill/types';
import { DeviceKeySchema, OpIdSchema } from '../common';
import { MessageParamsSchema } from '../errors';

// The failover drill (src/core/drill) on a monitored pair, as the app runs it. The whole record
// stays in the journal; the app gets the figures, the plan it confirmed and where the devices stand.

const Figures = {
  switchoverMs: z.number().nullable(),
  interruptionMs: z.number().nullable(),
  failedProbes: z.number().int().nullable(),
  sessionsPreservedPct: z.number().nullable(),
};

export const DrillKindSchema = z.union([z.strictObject({ kind: z.literal('switchover') }), z.strictObject({ kind: z.literal('link'), interface: z.string().min(1).max(64) })]);

export const DrillResultSchema = z.strictObject({
  pair: z.string(),
  outcome: z.enum(['passed', 'failed', 'refused', 'declined']),
  message: z.string(),
  ...Figures,
  switchback: z.strictObject(Figures).optional(),
  /** What the drill said it would do (and, on some releases, what had to be named to go ahead). */
  plan: z.array(z.string()),
  confirmWord: z.string().optional(),
  standing: z.record(DeviceKeySchema, z.string()),
  /** `message` and `standing` as core catalogue messages (drillRun.*), for the reader's language; the English stays beside them. */
  said: z.strictObject({ code: z.string(), params: MessageParamsSchema.optional() }).optional(),
  standingSaid: z.record(DeviceKeySchema, z.strictObject({ code: z.string(), params: MessageParamsSchema.optional() })).optional(),
  journal: z.string(),
});
export type DrillResult = z.infer<typeof DrillResultSchema>;

const DrillAsk = {
  opId: OpIdSchema,
  pair: z.string(),
  kind: DrillKindSchema.default({ kind: 'switchover' }),
  /** HOST:PORT of services behind the virtual addresses. */
  probes: z.array(z.string().min(3).max(300)).max(16).default([]),
  fallback: z.boolean().default(false),
};

/** What the drill would do, read from the devices as the drill reads them; nothing is changed or journaled. */
export const DrillPlanSchema = z.strictObject({
  pair: z.string(),
  /** The plan's words, as the confirmation states them; empty when refused before a plan could be made. */
  plan: z.array(z.string()),
  /** `plan` as core catalogue messages (drill.plan.*), one per line, for the reader's language (additive: `plan` stays the English). */
  said: z.array(z.strictObject({ code: z.string(), params: MessageParamsSchema.optional() })).optional(),
  /** What must be typed instead of yes (the release may swap roles). */
  confirmWord: z.string().optional(),
  /** Why the drill would not run now (health matrix failing, dual-active, an interface not allowed). */
  refused: z.string().optional(),
  /** `refused` as a core catalogue message (drillRun.*). */
  refusedSaid: z.strictObject({ code: z.string(), params: MessageParamsSchema.optional() }).optional(),
  /** The interfaces a link drill may shut: those RBM monitors (track entries, monitor.interfaces). */
  interfaces: z.array(z.string()),
});
export type DrillPlanView = z.infer<typeof DrillPlanSchema>;

export const drillChannels = {
  'drill.plan': {
    input: z.strictObject(DrillAsk),
    output: DrillPlanSchema,
    summary: "The drill's plan for a monitored pair, read from both devices: what it interrupts, what must be typed to confirm, or why it is refused (op: progress + cancel)",
  },
  'drill.run': {
    input: z.strictObject({
      ...DrillAsk,
      confirmed: z.literal(true),
      /** What the engineer typed: yes, or the plan's confirmWord on releases that need it named. */
      confirmation: z.string().max(40).default('yes'),
    }),
    output: DrillResultSchema,
    summary: 'A failover drill on a monitored pair: move the Active role and back, measuring switchover time, probe interruption and sessions kept (op: progress + cancel)',
  },
} as const;

// Drift guard: the figures core summarises must fit what the app is sent.
const _figuresFit: [Omit<DrillSummary, 'switchback'>] extends [Pick<DrillResult, 'pair' | 'outcome' | 'message' | keyof typeof Figures>] ? true : never = true;
