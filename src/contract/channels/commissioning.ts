import { z } from 'zod';
import { DiagnosticSchema, OpIdSchema, PairTextSchema } from '../common';
import { ErrorInfoSchema, MessageParamsSchema, MessageSchema } from '../errors';

// Commissioning over the devices the host holds connected (devices.connect): preflight,
// plan, staged push, verify, save, rollback. The host runs core's workflow; these are its results.

export const PushStageSchema = z.enum(['prepare', 'channel', 'sync', 'local']);
export type PushStage = z.infer<typeof PushStageSchema>;

/** One line of a device's plan: what is typed, and in which stage of the push. */
export const PlanLineSchema = z.strictObject({ text: z.string(), stage: PushStageSchema });
export type PlanLine = z.infer<typeof PlanLineSchema>;

const DevicePlan = z.strictObject({
  add: z.array(PlanLineSchema),
  /** Removal lines (stage 0, before anything is added). */
  remove: z.array(z.string()),
  /** Desired lines already in the running configuration. */
  unchanged: z.number().int(),
});

export const HealthCheckSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(['pass', 'fail', 'warn', 'n/a']),
  reason: z.string(),
  fix: z.string(),
  /** The reason as a message of the core catalogue (health.*), for the reader's language; `reason` stays the English. */
  code: z.string().optional(),
  params: MessageParamsSchema.optional(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export const PlanOutputSchema = z.strictObject({
  /** dry-run: a plan to push; nothing-to-do: both already match; preflight-failed: findings block the push. */
  outcome: z.enum(['dry-run', 'nothing-to-do', 'preflight-failed']),
  devices: z.strictObject({ a: DevicePlan, b: DevicePlan }).optional(),
  nothingToDo: z.boolean(),
  /** The pair file's rules with both devices' facts, plus preflight's own checks. */
  findings: z.array(DiagnosticSchema),
  health: z.array(HealthCheckSchema),
});
export type PlanOutput = z.infer<typeof PlanOutputSchema>;

const VerifyFailureSchema = z.strictObject({
  device: z.enum(['a', 'b', 'pair']),
  expectation: z.string(),
  expected: z.string(),
  seen: z.string(),
  /** The expectation as a message of the core catalogue (verify.*); expected and seen are device values. */
  code: z.string().optional(),
  params: MessageParamsSchema.optional(),
});
const RollbackSchema = z.strictObject({
  typed: z.number().int(),
  errors: z.array(z.string()),
  /** One per error: its message of the core catalogue, or null where it is the device's own words. */
  errorsSaid: z.array(MessageSchema.nullable()).optional(),
  /** Running configuration vs the copy before the push; empty = restored exactly. */
  differences: z.array(z.string()),
  /** `reasonSaid`: the reason as a message of the core catalogue, for the reader's language; `reason` stays the English. */
  unreachable: z.strictObject({ reason: z.string(), reasonSaid: MessageSchema.optional(), revertsAt: z.string().optional() }).optional(),
});

export const ApplyOutcomeSchema = z.enum(['success', 'nothing-to-do', 'preflight-failed', 'rolled-back', 'rollback-incomplete', 'failed-kept', 'failed', 'declined', 'dry-run', 'recovered']);

export const ApplyOutputSchema = z.strictObject({
  outcome: ApplyOutcomeSchema,
  verified: z.boolean(),
  saved: z.boolean(),
  /** The journal file of the run (absent when the run ended before the push). */
  journal: z.string().optional(),
  applied: z.strictObject({ a: z.number().int(), b: z.number().int() }),
  healthBefore: z.array(HealthCheckSchema).optional(),
  healthAfter: z.array(HealthCheckSchema).optional(),
  findings: z.array(DiagnosticSchema),
  verifyFailures: z.array(VerifyFailureSchema).optional(),
  rollback: z.strictObject({ a: RollbackSchema, b: RollbackSchema }).optional(),
  /** Why the run did not succeed: what happened and what to do. */
  error: ErrorInfoSchema.optional(),
  /** The devices' check of the planned lines before the push (absent when the run ended before it). */
  probe: z
    .strictObject({
      /** confirmed: every line; forced: pushed anyway with `reason`; refused: nothing pushed for want of a reason. */
      status: z.enum(['confirmed', 'forced', 'refused']),
      /** Each line not confirmed, as the journal names it. */
      unconfirmed: z.array(z.string()),
      /** `unconfirmed` item by item as messages of the core catalogue (probe.verdict.*), for the reader's language. */
      unconfirmedSaid: z.array(MessageSchema).optional(),
      reason: z.string().optional(),
    })
    .optional(),
});
export type ApplyOutput = z.infer<typeof ApplyOutputSchema>;

/** Batched push progress (at most ~10 a second): per-device line counters and the messages since the last batch. */
export const PairProgressSchema = z.strictObject({
  opId: OpIdSchema,
  stage: z.strictObject({ name: z.string(), title: z.string(), explain: z.string().optional() }).optional(),
  devices: z.strictObject({
    a: z.strictObject({ done: z.number().int(), total: z.number().int(), line: z.string() }).optional(),
    b: z.strictObject({ done: z.number().int(), total: z.number().int(), line: z.string() }).optional(),
  }),
  /** `text` is the English; `code` + `params` (a message of the core catalogue) let the page say it in the reader's language. */
  messages: z.array(
    z.strictObject({ level: z.enum(['info', 'warn', 'error']), text: z.string(), device: z.enum(['a', 'b']).optional(), code: z.string().optional(), params: MessageParamsSchema.optional() }),
  ),
});
export type PairProgress = z.infer<typeof PairProgressSchema>;

/** One past commissioning run as its journal tells it (the pre-push configurations are left out). */
export const RunSummarySchema = z.strictObject({
  pair: z.string(),
  startedAt: z.string().optional(),
  /** Absent for a run that never wrote its end: see `interrupted`. */
  outcome: z.string().optional(),
  /** Killed or crashed mid-way: `hotpair recover <journal>` finishes its rollback. */
  interrupted: z.boolean(),
  applied: z.strictObject({ a: z.number().int(), b: z.number().int() }),
  journal: z.string(),
  /** Set when the run was a failover drill: what it moved and its figures (the switchover's). */
  drill: z
    .strictObject({
      kind: z.enum(['switchover', 'link']),
      interface: z.string().optional(),
      outcome: z.enum(['passed', 'failed', 'refused', 'declined']),
      switchoverMs: z.number().nullable(),
      interruptionMs: z.number().nullable(),
      failedProbes: z.number().int().nullable(),
      sessionsPreservedPct: z.number().nullable(),
    })
    .optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** What a device's own `?` help said about one planned line (hotpair probe --json prints the same). */
export const LineVerdictSchema = z.strictObject({
  line: z.string(),
  /** `system`, or the line that enters the view (`remote-backup group`, `interface GigabitEthernet1/0/1`). */
  view: z.string(),
  status: z.enum(['confirmed', 'unknown', 'incomplete']),
  /** 1-based word where the device stopped. */
  position: z.number().int().optional(),
  keyword: z.string().optional(),
  /** What the device offers at that word: keywords, argument hints (`INTEGER<1-10>`), `<cr>`. */
  offered: z.array(z.string()).optional(),
  message: z.string().optional(),
  /** `message` as a message of the core catalogue when the probe wrote it (why nothing was asked); absent for the device's own words. */
  messageSaid: z.strictObject({ code: z.string(), params: MessageParamsSchema.optional() }).optional(),
  reason: z.string().optional(),
  /** `reason` as a message of the core catalogue (probe.reason.*), for the reader's language. */
  reasonSaid: z.strictObject({ code: z.string(), params: MessageParamsSchema.optional() }).optional(),
});
export type LineVerdict = z.infer<typeof LineVerdictSchema>;

const DeviceProbeSchema = z.strictObject({ lines: z.array(LineVerdictSchema) });

export const FORCE_REASON_MAX = 500;

/** Push lines the devices did not confirm: the engineer's reason goes into the journal with them. */
export const ForceUnconfirmedSchema = z.strictObject({
  reason: z.string().max(FORCE_REASON_MAX).regex(/\S/, { message: 'give the reason for pushing lines the devices did not confirm' }),
});
export type ForceUnconfirmed = z.infer<typeof ForceUnconfirmedSchema>;

export const ProbeOutputSchema = z.strictObject({
  devices: z.strictObject({ a: DeviceProbeSchema, b: DeviceProbeSchema }),
  /** Every line confirmed on both devices: the push may go ahead without a reason. */
  confirmed: z.boolean(),
});
export type ProbeOutput = z.infer<typeof ProbeOutputSchema>;

export const commissioningChannels = {
  'pair.runs': {
    input: z.strictObject({ limit: z.number().int().min(1).max(100).default(10) }),
    output: z.strictObject({ runs: z.array(RunSummarySchema) }),
    summary: 'Past commissioning runs, newest first, from the journals shared with `hotpair journal`',
  },
  'pair.check': {
    input: z.strictObject({ text: PairTextSchema }),
    output: z.strictObject({ diagnostics: z.array(DiagnosticSchema), valid: z.boolean(), checked: z.enum(['structure', 'rules', 'facts']) }),
    summary: 'Validate with the facts of the connected, discovered devices (the rules that need facts, and preflight)',
  },
  'pair.plan': {
    input: z.strictObject({ opId: OpIdSchema.optional(), text: PairTextSchema }),
    output: PlanOutputSchema,
    summary: 'Preflight, health matrix and per-device diff against the running configuration of the connected devices (op)',
  },
  'pair.probe': {
    input: z.strictObject({ opId: OpIdSchema.optional(), text: PairTextSchema }),
    output: ProbeOutputSchema,
    summary: "Both connected devices confirm every planned line with their own '?' help; nothing is executed but view entry (op)",
  },
  'pair.apply': {
    input: z.strictObject({ opId: OpIdSchema, text: PairTextSchema, rollback: z.boolean().default(true), forceUnconfirmed: ForceUnconfirmedSchema.optional() }),
    output: ApplyOutputSchema,
    summary: "Both devices confirm the planned lines ('?' help), then push in stages, verify and save, with batched per-line progress, Cancel and rollback (op)",
  },
} as const;
